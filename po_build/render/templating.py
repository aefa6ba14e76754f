"""Jinja filters shared by every generated page, PDF and preview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from po_build.model.records import Section
from po_build.model.slug import slugify
from po_build.project.dates import date_text, month_text
from po_build.render.htmlcache import cached_html
from po_build.render.markdown import Anchors, markdown_to_html, render


def _markdown(text: str, shift: int = 1) -> Markup:
    # The renderer sanitises with nh3, so its output is safe to mark as such.
    return Markup(markdown_to_html(text, shift_headings=shift))


# Ids the report page's template gives its own parts; a section heading never takes one of them.
REPORT_PAGE_IDS = ("tidslinje", "paatalad-for", "relaterade", "bilagor", "citera")


def report_anchors() -> Anchors:
    """The ids of a report page's sections, in order: the same for its body and its table of contents."""
    return Anchors(reserved=REPORT_PAGE_IDS)


def _sections(sections: list[Section]) -> Markup:
    """A report's body in one conversion (one Markdown run per page, not one per section)."""
    text = "\n\n".join(f"## {s.title}\n\n{s.markdown}" if s.title else s.markdown for s in sections)
    # The renderer sanitises with nh3, so its output is safe to mark as such. Kept by the
    # text (htmlcache): a body is the same from one build, and one save, to the next.
    return Markup(cached_html("rapporttext/1", text, lambda t: render(t, anchors=report_anchors()).html))


def number(n: int) -> str:
    """1234 → '1 234': Swedish thousands, with a no-break space so that a number never splits."""
    return f"{n:,}".replace(",", "\u00a0")


def _count(n: int, singular: str, plural: str) -> str:
    return f"{number(n)} {singular if n == 1 else plural}"


def _date(d: date | None) -> str:
    return date_text(d) if d else ""


def install(env: Environment) -> None:
    env.filters["markdown"] = _markdown
    env.filters["sections"] = _sections
    env.filters["anchor"] = slugify
    env.filters["tal"] = number
    env.filters["datum"] = _date
    env.filters["månad"] = lambda d: month_text(d) if d else ""
    env.globals["antal"] = _count


def environment(overrides: Path | None = None) -> Environment:
    """The templates of every generated page: an organisation's `overrides/po/` first, then ours."""
    loaders: list[FileSystemLoader | PackageLoader] = []
    if overrides is not None and overrides.is_dir():
        loaders.append(FileSystemLoader(str(overrides)))
    loaders.append(PackageLoader("po_build", "templates/po"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    install(env)
    return env
