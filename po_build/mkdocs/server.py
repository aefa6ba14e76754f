"""What the preview server adds to MkDocs' own (a WSGI wrapper, installed in on_serve).

- The banner: on every served page, how many errors there are, with a link to them. Put
  into each page as it is sent, not into the built files: the count changes with every
  save, and writing it into a thousand pages would rebuild them all. The pages that show
  errors themselves (a broken file's page, the list) get no banner.
- Open data and feeds, made when they are asked for: a preview seldom opens them, and
  making them on every save costs a third of a second at a thousand reports. They are
  made from the same projection as the pages, once per build, and not before the build
  that is under way has finished.
"""

from __future__ import annotations

import mimetypes
import re
import threading
from collections.abc import Callable, Iterable
from html import escape
from typing import Any

from po_build.mkdocs.preview import Errors

_BODY = re.compile(rb"<body[^>]*>")
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def banner_html(errors: Errors, list_href: str) -> str:
    n, files = errors.count, len(errors.files)
    what = f"{n} fel" + (f" i {files} filer" if files > 1 else "")
    return (
        '<div class="po-preview-banner" role="status">'
        f"<p><strong>{escape(what)}</strong> att rätta. Sidorna visar den senaste versionen utan fel "
        f'tills de är rättade. <a href="{escape(list_href)}">Se vad som behöver rättas</a>.</p></div>'
    )


class LazyData:
    """This build's data files, made on the first request for one of them."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        self.ready.set()
        self._make: Callable[[], dict[str, bytes]] | None = None
        self._made: dict[str, bytes] | None = None
        self._lock = threading.Lock()

    def building(self) -> None:
        self.ready.clear()

    def built(self, make: Callable[[], dict[str, bytes]] | None) -> None:
        with self._lock:
            if make is not None:
                self._make, self._made = make, None
        self.ready.set()

    def get(self, path: str) -> bytes | None:
        self.ready.wait(timeout=300)
        with self._lock:
            if self._made is None and self._make is not None:
                self._made = self._make()
            return (self._made or {}).get(path)


def with_preview(app: WSGIApp, errors: Callable[[], Errors], list_href: str,
                 error_urls: Callable[[], set[str]], data: LazyData, mount: str) -> WSGIApp:
    """`app` with the data files, and the banner in every HTML page while there are errors."""

    def wrapped(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        if path.startswith(mount) and not path.endswith("/") and not path.endswith(".html"):
            made = data.get(path[len(mount):])
            if made is not None:
                kind = "application/atom+xml" if path.endswith(".xml") else (
                    mimetypes.guess_type(path)[0] or "application/octet-stream")
                start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(made)))])
                return [made]
        current = errors()
        if not current.files or path in error_urls():
            return app(environ, start_response)
        seen: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            seen["status"], seen["headers"], seen["exc_info"] = status, headers, exc_info
            return lambda data: None

        body_parts = app(environ, capture)
        headers: list[tuple[str, str]] = seen.get("headers", [])
        is_html = any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers)
        if not (is_html and str(seen.get("status", "")).startswith("200")):
            start_response(seen.get("status", "500 Internal Server Error"), headers, seen.get("exc_info"))
            return body_parts
        try:
            body = b"".join(body_parts)
        finally:
            close = getattr(body_parts, "close", None)
            if close is not None:
                close()
        banner = banner_html(current, list_href).encode("utf-8")
        body = _BODY.sub(lambda m: m.group(0) + banner, body, count=1)
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(body))))
        start_response(seen["status"], headers, seen.get("exc_info"))
        return [body]

    return wrapped
