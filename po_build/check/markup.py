"""SVG read as XML the way a browser reads it, and refused when it holds script: the scan
check/attachments.py runs on every SVG before it may be published.

It refuses script, event handlers (on...=), javascript: links, embedded HTML (foreignObject),
or a DOCTYPE (entities can hide all of the above).
"""

from __future__ import annotations

import re
from typing import Any
from xml.parsers import expat

from po_build.load.xmlparser import xml_parser

_SCRIPT_ELEMENTS = frozenset({
    "script", "foreignobject", "iframe", "frame", "frameset", "object", "embed", "applet",
    "handler", "listener", "base", "meta", "link", "style", "form", "portal", "template",
})


_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "to", "values", "from", "by"})


_SAFE_DATA = re.compile(r"^data:image/(png|jpe?g|gif|webp);", re.IGNORECASE)


def scan_xml(data: bytes) -> str | None:
    """The first thing in an XML document (SVG) that could run script, described in Swedish."""
    parser = xml_parser()
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
