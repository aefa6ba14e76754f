"""Files that could run script in a reader's browser: refused by type, or read as XML (SVG)
the way a browser reads them and refused when they hold script."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.parsers import expat

from po_build.load.text import os_reason

# Files a browser runs as a program or as a page that can hold one. None of them belongs in
# content/: the site's own scripts live in the theme (overrides/), which is reviewed apart.
ACTIVE_SUFFIXES = frozenset({
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".cjs", ".xsl", ".xslt",
    ".svgz", ".swf", ".hta", ".wasm",
})


# XML formats a browser shows itself: allowed when they carry no script (see markup_problem).
SCANNED_SUFFIXES = frozenset({".svg", ".xml"})


MAX_SCANNED_BYTES = 10 * 1024 * 1024


def markup_problem(path: Path) -> str | None:
    """Why a file would let script onto the site, or None.

    HTML and JavaScript files are refused outright. SVG and XML are shown by the
    browser itself, so they are read as XML (as the browser reads them) and refused
    when they contain script, event handlers (on...=), javascript: links, embedded
    HTML (foreignObject), or a DOCTYPE (entities can hide all of the above).
    """
    suffix = path.suffix.lower()
    if suffix in ACTIVE_SUFFIXES:
        return (
            f"filer av typen {suffix} kan köra skript på webbplatsen och får inte ligga i content/ – "
            "spara dokumentet som PDF; egna skript och mallar hör hemma i overrides/"
        )
    if suffix not in SCANNED_SUFFIXES:
        return None
    try:
        if path.stat().st_size > MAX_SCANNED_BYTES:
            return (
                f"filen är för stor för att granskas (högst {MAX_SCANNED_BYTES // 1024 // 1024} MiB) – "
                "spara den som PDF eller PNG"
            )
        data = path.read_bytes()
    except OSError as err:
        return f"filen gick inte att läsa ({os_reason(err)})"
    found = scan_xml(data)
    if found is None:
        return None
    return (
        f"{suffix.lstrip('.').upper()}-filen innehåller {found}, som kan köra skript i webbläsaren – "
        "spara bilden som PNG, eller exportera den på nytt som ren SVG utan skript och länkar"
    )


_SCRIPT_ELEMENTS = frozenset({
    "script", "foreignobject", "iframe", "frame", "frameset", "object", "embed", "applet",
    "handler", "listener", "base", "meta", "link", "style", "form", "portal", "template",
})


_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "to", "values", "from", "by"})


_SAFE_DATA = re.compile(r"^data:image/(png|jpe?g|gif|webp);", re.IGNORECASE)


def scan_xml(data: bytes) -> str | None:
    """The first thing in an XML document (SVG) that could run script, described in Swedish."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    found: list[str] = []

    class _Stop(Exception):
        pass

    def stop(what: str) -> None:
        found.append(what)
        raise _Stop

    def start(name: str, attrs: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace == "http://www.w3.org/1999/xhtml":
            stop(f"HTML-elementet <{local}>")
        if local.lower() in _SCRIPT_ELEMENTS:
            stop(f"elementet <{local}>")
        for attr, value in attrs.items():
            attr_local = attr.rpartition(" ")[2].lower()
            if attr_local.startswith("on"):
                stop(f"händelseattributet {attr_local}=")
            if attr_local == "attributename" and value.strip().rpartition(":")[2].lower() == "href":
                stop("en animering som ändrar en länk")
            if attr_local in _URL_ATTRIBUTES:
                compact = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
                if compact.startswith(("javascript:", "vbscript:")) or (
                    compact.startswith("data:") and not _SAFE_DATA.match(compact)
                ):
                    stop(f"länken {attr_local}=\"{compact.split(':')[0]}:...\"")

    def doctype(*_: Any) -> None:
        stop("en DOCTYPE-deklaration")

    def instruction(target: str, _data: str) -> None:
        stop(f"instruktionen <?{target}?>")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except _Stop:
        return found[0]
    except (expat.ExpatError, ValueError, UnicodeError):
        return None if not data.strip() else "fel som gör att den inte går att läsa som XML"
    return None
