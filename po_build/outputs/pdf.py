"""The yearly report as a print-ready, accessible PDF, made with WeasyPrint.

The PDF is laid out from the same :class:`~po_build.report.YearDocument` as the
web page (templates/po/arsrapport-pdf.html with assets/arsrapport-print.css):
cover, contents with page numbers, running headers, page numbers, the charts as
SVG. It is tagged for screen readers (PDF/UA-1 where the installed WeasyPrint
offers it, otherwise tagged PDF), has Swedish set as its language, and the
title and author in its metadata.

Two builds of the same content give the same bytes: the creation date is fixed
(SOURCE_DATE_EPOCH, or the last day of the report's year), the file identifier
is a digest of the content, and fonts are subset deterministically.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from po_build.contract.options import PositiveSelection
from po_build.load.store import Store
from po_build.outputs.paths import pdf_path
from po_build.outputs.pdfcache import cached, keep, pdf_key, recording_fetcher
from po_build.outputs.yearly.document import YearDocument, documents
from po_build.project.projection import Projection


def creation_date(year: int) -> str:
    """A fixed date for the PDF's metadata, so two builds give the same bytes.

    SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, otherwise
    the last day of the year the report covers.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{year}-12-31T00:00:00Z"


def print_css() -> str:
    return resources.files("po_build").joinpath("assets/arsrapport-print.css").read_text("utf-8")


def pdf_html(doc: YearDocument, env: Any, site_url: str = "") -> str:
    """The HTML WeasyPrint lays out."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    html: str = env.get_template("arsrapport-pdf.html").render(
        doc=doc,
        css=Markup(print_css()),  # safe: our own stylesheet
        created=creation_date(doc.year),
        # A relative link means nothing in a downloaded file: with the site's
        # address the PDF links to the report pages; without it, it names their ids.
        rel=(lambda url: base + (url or "")) if base else (lambda url: ""),
        pdf=True,
    )
    return html


def pdf_options() -> dict[str, Any]:
    """PDF/UA-1 when this WeasyPrint has it (it does from version 59), else tagged PDF."""
    try:
        from weasyprint.pdf import VARIANTS
    except ImportError:  # pragma: no cover - very old WeasyPrint
        VARIANTS = {}
    options: dict[str, Any] = {"pdf_identifier": True}
    if "pdf/ua-1" in VARIANTS:
        options["pdf_variant"] = "pdf/ua-1"
    else:  # pragma: no cover
        options["pdf_tags"] = True
    return options


def write_pdf(html: str, target: Path, base_url: str | None = None, store: Store | None = None) -> bool:
    """Lay out `html` into `target`; with a store, take the bytes from it when nothing changed.

    True when the PDF was laid out afresh, False when it came from the cache.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    key = pdf_key(html, base_url) if store is not None else ""
    kept = cached(store, key) if store is not None else None
    if kept is not None:
        target.write_bytes(kept)
        return False
    # Imported here: WeasyPrint (and its Pango bindings) takes a while to load, and a
    # build with `pdf: false`, or with every PDF in the cache, should not pay for it.
    from weasyprint import HTML

    fetcher = recording_fetcher()
    pdf = HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(**pdf_options())
    target.write_bytes(pdf)
    if store is not None and not fetcher.uncacheable:
        keep(store, key, pdf, fetcher.resources)
    return True


def write_pdfs(
    p: Projection,
    site_dir: Path,
    env: Any,
    organisation: str,
    *,
    site_url: str = "",
    positive: PositiveSelection = "alla",
    store: Store | None = None,
    laid_out: list[int] | None = None,
) -> list[Path]:
    """Write /arsrapport/<år>/arsrapport-<år>.pdf for every year in the projection.

    Called by the plugin after the site is built (on_post_build), when the plugin
    option `pdf` is true. `site_url` makes the report ids in the PDF links to
    the site; `positive` must be the same as for the pages. With a `store`, a year
    whose PDF would come out the same as before is copied from the build cache
    (pdfcache.py); the years laid out afresh are added to `laid_out`.
    """
    written = []
    for doc in documents(p, organisation, positive):
        target = Path(site_dir) / pdf_path(doc.year)
        if write_pdf(pdf_html(doc, env, site_url), target, base_url=str(site_dir), store=store) and (
                laid_out is not None):
            laid_out.append(doc.year)
        written.append(target)
    return written
