"""Pages made from the Swedish documentation shipped in po_build/docs/."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from markupsafe import Markup

from po_build.outputs.pages import PageSettings, PageSpec
from po_build.project.projection import Projection
from po_build.render.markdown import Anchors, Rendered, render


def document_page(src_uri: str, doc: str, files: list[tuple[str, str]] | None = None) -> PageSpec:
    """A page from the Swedish documentation shipped in po_build/docs/."""
    text = resources.files("po_build").joinpath(f"docs/{doc}").read_text("utf-8")
    title = text.splitlines()[0].lstrip("# ").strip()
    body = text.split("\n", 1)[1] if "\n" in text else ""
    rendered = _rendered(body)
    return PageSpec(src_uri, title, "dokument.html",
                    {"title": title, "markdown": body, "html": Markup(rendered.html), "files": files or []},
                    toc=[(h.id, h.title) for h in rendered.headings])


@lru_cache(maxsize=64)
def _rendered(body: str) -> Rendered:
    """Trusted documentation, rendered like a report body: the same pipeline gives the
    headings their ids and the table of contents its entries. Kept by the text: the same
    on every build and every save of the preview."""
    return render(body, anchors=Anchors(reserved=("ladda-ner", "licens", "filerna")))


def about_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    """'Så fungerar det': the work model and the vocabulary, for readers."""
    return [PageSpec("sa-fungerar-det.md", "Så fungerar det", "sa-fungerar-det.html", {"vocabulary": p.vocabulary})]
