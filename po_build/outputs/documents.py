"""Pages made from the Swedish documentation shipped in po_build/docs/."""

from __future__ import annotations

import re
from importlib import resources

from po_build.model.slug import slugify
from po_build.outputs.pages import PageSettings, PageSpec
from po_build.project.projection import Projection


def document_page(src_uri: str, doc: str, files: list[tuple[str, str]] | None = None) -> PageSpec:
    """A page from the Swedish documentation shipped in po_build/docs/."""
    text = resources.files("po_build").joinpath(f"docs/{doc}").read_text("utf-8")
    title = text.splitlines()[0].lstrip("# ").strip()
    body = text.split("\n", 1)[1] if "\n" in text else ""
    return PageSpec(src_uri, title, "dokument.html",
                    {"title": title, "markdown": body, "files": files or []},
                    toc=[(slugify(h), h) for h in re.findall(r"^## (.+)$", body, re.M)])


def about_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    """'Så fungerar det': the work model and the vocabulary, for readers."""
    return [PageSpec("sa-fungerar-det.md", "Så fungerar det", "sa-fungerar-det.html", {"vocabulary": p.vocabulary})]
