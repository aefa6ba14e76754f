"""Rendered Markdown from memory or the build cache, when the same text was rendered before.

Rendering a thousand report bodies is a tenth of a build (Markdown, then nh3); the text of
a report seldom changes between builds, and never between two saves of another file in
the preview. The key is the text, what it is rendered as, the versions of Markdown and
nh3, and po-build's own files (code_digest), so the HTML is always what the renderer
would make now.
"""

from __future__ import annotations

from collections.abc import Callable

from po_build.load.store import code_digest, current, digest, versions

KIND = "html"
MEMORY = 4096  # texts kept in this process
_memory: dict[str, str] = {}


def cached_html(what: str, text: str, make: Callable[[str], str]) -> str:
    """make(text), kept by `what` (a name for the way of rendering) and the text."""
    key = digest(what, text, versions("markdown", "nh3"), code_digest())
    html = _memory.get(key)
    if html is not None:
        return html
    store = current()
    kept = store.get(KIND, key) if store is not None else None
    if kept is not None:
        try:
            html = kept.decode("utf-8")
        except UnicodeDecodeError:
            html = None
    if html is None:
        html = make(text)
        if store is not None:
            store.put(KIND, key, html.encode("utf-8"))
    if len(_memory) >= MEMORY:
        _memory.clear()
    _memory[key] = html
    return html
