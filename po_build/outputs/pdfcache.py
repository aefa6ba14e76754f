"""The yearly report's PDF from the build cache, when nothing that goes into it has changed.

Laying out a PDF takes seconds per year, and a past year's report almost never changes. The
PDF is deterministic (see pdf.py), so its bytes are a function of its inputs, and the key
is a digest of all of them:

- the HTML that WeasyPrint lays out (the document, the print stylesheet, the fixed
  creation date, the links to the site: everything the template wrote);
- the folder relative addresses are resolved against;
- the versions of WeasyPrint and of the Python libraries it lays out and writes with;
- the fonts, fontconfig's settings and the text libraries on the machine (load/store.py);
- po-build's own files, code, templates and data (load/store.py code_digest).

Files the HTML refers to (an image in a chapter) are not known before WeasyPrint asks for
them: a fresh layout records each file it reads with a digest of its bytes, and a cached
PDF is used only while every one of them still has the same bytes. A PDF that read
anything but local files (an address on the web) is never cached.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.request import url2pathname

from po_build.load.store import Store, code_digest, digest, fonts_fingerprint, versions

KIND = "pdf"
# The libraries whose code decides the PDF's bytes (WeasyPrint's own dependencies).
LAYOUT_PACKAGES = ("weasyprint", "pydyf", "tinycss2", "tinyhtml5", "cssselect2", "fonttools", "pyphen",
                   "pillow", "brotli", "zopfli")


def pdf_key(html: str, base_url: str | None) -> str:
    return digest(
        "arsrapport-pdf/1", html, base_url or "", versions(*LAYOUT_PACKAGES), fonts_fingerprint(),
        code_digest(),
    )


def _file_digest(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def cached(store: Store, key: str) -> bytes | None:
    """The PDF kept under `key`, when it is whole and every file it read is unchanged."""
    entry = store.get(KIND, key)
    if entry is None or b"\n" not in entry:
        return None
    head, _, pdf = entry.partition(b"\n")
    try:
        manifest = json.loads(head)
        ok = hashlib.sha256(pdf).hexdigest() == manifest["pdf"] and all(
            _file_digest(path) == sha for path, sha in manifest["resources"])
    except (ValueError, KeyError, TypeError):
        return None
    return pdf if ok else None


def keep(store: Store, key: str, pdf: bytes, resources: list[tuple[str, str | None]]) -> None:
    manifest = {"pdf": hashlib.sha256(pdf).hexdigest(), "resources": resources}
    store.put(KIND, key, json.dumps(manifest, ensure_ascii=False).encode("utf-8") + b"\n" + pdf)


def recording_fetcher() -> Any:
    """A WeasyPrint URL fetcher that notes every file it reads, with a digest of its bytes.

    `resources` is the list of (path, sha256, or None for a file that could not be read);
    `uncacheable` is set when anything but a local file or a data: address was asked for.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Recording(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type information
        def __init__(self) -> None:
            super().__init__()
            self.resources: list[tuple[str, str | None]] = []
            self.uncacheable = False

        def fetch(self, url: str, headers: Any = None) -> Any:
            local = url.startswith("file:")
            if not local and not url.startswith("data:"):
                self.uncacheable = True
            path = url2pathname(url.split("?")[0].split("#")[0].removeprefix("file:")) if local else ""
            try:
                response = super().fetch(url, headers)
            except Exception:
                # A missing file leaves a gap in the PDF: cached only while it stays missing.
                if local:
                    self.resources.append((path, None))
                raise
            body = response.read()
            response.close()
            if local:
                self.resources.append((path, hashlib.sha256(body).hexdigest()))
            return URLFetcherResponse(response.url, body, response.headers, response.status)

    return Recording()
