"""Jinja filters shared by every generated page, PDF and preview."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from po_build.model.records import Section
from po_build.model.slug import slugify
from po_build.project.dates import date_text, month_text
from po_build.render.markdown import markdown_to_html


def _markdown(text: str, shift: int = 1) -> Markup:
    # The renderer sanitises with nh3, so its output is safe to mark as such.
    return Markup(markdown_to_html(text, shift_headings=shift))


def _document(text: str) -> Markup:
    """Trusted documentation Markdown with anchors on H2, like a report body."""
    return _anchored(markdown_to_html(text))


def _anchored(html: str) -> Markup:
    html = re.sub(r"<h2>([^<]*)</h2>", lambda m: f'<h2 id="{slugify(m.group(1))}">{m.group(1)}</h2>', html)
    return Markup(html)


def _sections(sections: list[Section]) -> Markup:
    """A report's body in one conversion (one Markdown run per page, not one per section)."""
    text = "\n\n".join(f"## {s.title}\n\n{s.markdown}" if s.title else s.markdown for s in sections)
    html = markdown_to_html(text)
    html = re.sub(r"<h2>([^<]*)</h2>", lambda m: f'<h2 id="{slugify(m.group(1))}">{m.group(1)}</h2>', html)
    return Markup(html)


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _date(d: date | None) -> str:
    return date_text(d) if d else ""


def install(env: Environment) -> None:
    env.filters["markdown"] = _markdown
    env.filters["sections"] = _sections
    env.filters["document"] = _document
    env.filters["anchor"] = slugify
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
