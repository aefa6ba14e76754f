"""`po granska`'s two forms: plain text for the terminal and Markdown for a pull request."""

from __future__ import annotations

import textwrap

from po_build.cli.review_model import HEADLINES, SHORT, Review
from po_build.model.problems import Problem


def _wrap(text: str, width: int, first: str, rest: str | None = None) -> list[str]:
    """Wrap each line of a text; list items keep their hanging indent."""
    rest = first if rest is None else rest
    out = []
    for n, line in enumerate(text.split("\n")):
        if not line.strip():
            out.append("")
            continue
        lead = line[: len(line) - len(line.lstrip())]
        hang = "  " if line.lstrip()[:2] in ("- ", "* ") else ""
        start = first if n == 0 else rest
        out += textwrap.wrap(line.strip(), max(20, width - len(start) - len(lead)),
                             initial_indent=start + lead, subsequent_indent=rest + lead + hang,
                             break_on_hyphens=False, break_long_words=False) or [start]
    return out


WARNINGS_TITLE = ("Varningar att ta ställning till (de stoppar inte publiceringen; styrgruppen avgör "
                  "om uppgifterna tillsammans kan peka ut någon):")


def _warnings(problems: list[Problem]) -> list[Problem]:
    return sorted(p for p in problems if p.severity == "varning")


def _hint_note(titles: list[str]) -> str:
    return (f"OBS: hjälptexten från mallen står kvar under {', '.join(titles)} – byt ut den mot egen text, "
            "eller ta bort en valfri rubrik som inte behövs.")


def as_text(review: Review, width: int = 100) -> str:
    out: list[str] = ["GRANSKNING: DET HÄR BLIR OFFENTLIGT", ""]
    out.append(f"Jämfört med: {review.base}" if review.base else "Jämfört med: ingenting (ingen tidigare version)")
    if review.errors:
        bar = "!" * min(width, 72)
        out += ["", bar, f"!!! VARNING: po check hittar fel ({review.error_summary}).",
                "!!! Rätta dem innan pull requesten godkänns – webbplatsen byggs inte med fel.", bar]
        mine = {p for i in review.items for p in i.problems if p.severity == "fel"}
        for p in sorted(mine):
            out.append(p.format())
        rest = [p for p in review.errors if p not in mine]
        if rest:
            out.append(f"... och {len(rest)} fel i filer som inte ändras här (kör 'po check').")
    if not review.items and not review.years and not review.others:
        out += ["", "Inga ändrade rapporter."]
    if review.items:
        out += ["", "Sammanfattning:"]
        rows = [(i.id or "(utan id)", SHORT[i.verdict], i.rubrik or i.path) for i in review.items]
        w0 = max(len(r[0]) for r in rows)
        w1 = max(len(r[1]) for r in rows)
        out += [f"  {a.ljust(w0)}  {b.ljust(w1)}  {c}" for a, b, c in rows]
    for item in review.items:
        out += ["", "=" * min(width, 72), f"{item.id or item.path}  {HEADLINES[item.verdict]}"]
        if item.rubrik:
            out.append(item.rubrik)
        out.append(f"Fil: {item.path}")
        if item.url:
            out.append(f"Adress på webbplatsen: {item.url}")
        out += ["", *_wrap(item.reason, width, "")]
        if item.hints:
            out += _wrap(_hint_note(item.hints), width, "", "     ")
        if item.problems and not review.errors:
            out += [p.format() for p in item.problems if p.severity == "fel"]
        warnings = _warnings(item.problems)
        if warnings:
            out += ["", WARNINGS_TITLE]
            out += [p.format() for p in warnings]
        if item.parts:
            out += ["", "Så här syns den (* = nytt eller ändrat):", ""]
            label_width = max(len(p.label) for p, _, _ in item.parts if not p.block) + 1
            after_block = False
            for part, mark, previous in item.parts:
                star = "*" if mark else " "
                if part.block:
                    out += ["", f"{star} ## {part.label}", *_wrap(part.text.strip(), width, "    ")]
                    after_block = True
                    continue
                if after_block:
                    out.append("")
                    after_block = False
                lines = part.text.split("\n")
                out.append(f"{star} {(part.label + ':').ljust(label_width)} {lines[0]}"
                           + (f"   (tidigare: {previous})" if previous else ""))
                out += [f"  {' ' * label_width} {line}" for line in lines[1:]]
        if item.hidden:
            out += ["", "Syns inte på webbplatsen:"]
            for note in item.hidden:
                out += _wrap(note, width, "  - ", "    ")
    if review.affected:
        out += ["", "=" * min(width, 72), "ANDRA SIDOR SOM OCKSÅ ÄNDRAS", ""]
        for view, labels in review.affected:
            out.append(f"  {view.id}  {view.rubrik}: {', '.join(labels)}")
    if review.years:
        out += ["", "Årsrapporten ändras i: " + ", ".join(review.years),
                "Läs texten i pull requesten; siffror och tabeller räknas fram när webbplatsen byggs."]
    if review.others:
        out += ["", "Andra ändrade filer i innehållet: " + ", ".join(review.others)]
    if review.file_warnings:
        out += ["", WARNINGS_TITLE, *(p.format() for p in review.file_warnings)]
    return "\n".join(out).rstrip() + "\n"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cell(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", "<br>")


def as_markdown(review: Review) -> str:
    out = ["## Granskning: det här blir offentligt", ""]
    out.append(f"Jämfört med `{review.base}`." if review.base else "Ingen tidigare version att jämföra med.")
    if review.errors:
        out += ["", "> [!WARNING]", f"> **po check hittar fel ({_cell(review.error_summary)}).** Rätta dem innan "
                "pull requesten godkänns – webbplatsen byggs inte med fel.", ">"]
        mine = {p for i in review.items for p in i.problems if p.severity == "fel"}
        out += [f"> - `{p.path}:{p.line}:{p.col}` {p.code} {_cell(p.message)}" for p in sorted(mine)]
        rest = [p for p in review.errors if p not in mine]
        if rest:
            out.append(f"> - ... och {len(rest)} fel i filer som inte ändras här.")
    if not review.items and not review.years and not review.others:
        out += ["", "Inga ändrade rapporter."]
    if review.items:
        out += ["", "| Rapport | Vad som händer | Rubrik |", "|---|---|---|"]
        out += [f"| {i.id or _cell(i.path)} | **{SHORT[i.verdict]}** | {_cell(i.rubrik)} |" for i in review.items]
    for item in review.items:
        out += ["", f"### {item.id or item.path}: {HEADLINES[item.verdict].capitalize()}", ""]
        if item.rubrik:
            out += [f"**{_cell(item.rubrik)}**", ""]
        out.append(f"Fil: `{item.path}`" + (f" · Adress: `{item.url}`" if item.url else ""))
        out += ["", _cell(item.reason)]
        if item.hints:
            out += ["", "> [!NOTE]", f"> {_upper_first(_hint_note(item.hints).removeprefix('OBS: '))}"]
        facts = [(p, m, prev) for p, m, prev in item.parts if not p.block]
        if facts:
            out += ["", "| | Så syns det | |", "|---|---|---|"]
            for part, mark, previous in facts:
                note = f"**{mark}**" + (f" (tidigare: {_cell(previous)})" if previous else "") if mark else ""
                out.append(f"| {part.label} | {_cell(part.text)} | {note} |")
        for part, mark, _ in item.parts:
            if part.block:
                out += ["", f"#### {part.label}" + (f" _({mark})_" if mark else ""), ""]
                out += [f"> {line}".rstrip() for line in part.text.split("\n")]
        warnings = _warnings(item.problems)
        if warnings:
            out += ["", f"**{WARNINGS_TITLE}**", ""]
            out += [f"- `{p.path}:{p.line}:{p.col}` {p.code} {_cell(p.message)}" for p in warnings]
        if item.hidden:
            out += ["", "Syns inte på webbplatsen: " + "; ".join(_cell(n) for n in item.hidden) + "."]
    if review.affected:
        out += ["", "### Andra sidor som också ändras", ""]
        out += [f"- {v.id} {_cell(v.rubrik)}: {', '.join(labels)}" for v, labels in review.affected]
    if review.years:
        out += ["", "Årsrapporten ändras i: " + ", ".join(f"`{y}`" for y in review.years) + "."]
    if review.others:
        out += ["", "Andra ändrade filer i innehållet: " + ", ".join(f"`{o}`" for o in review.others) + "."]
    if review.file_warnings:
        out += ["", f"**{WARNINGS_TITLE}**", ""]
        out += [f"- `{p.path}:{p.line}:{p.col}` {p.code} {_cell(p.message)}" for p in review.file_warnings]
    return "\n".join(out) + "\n"
