"""Checks on the Markdown body: sections in order, no raw HTML, no unsafe links.

Report bodies are rendered without raw HTML (see render.py); refusing it here
tells the author at once instead of silently dropping what they wrote.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .problems import ProblemList, did_you_mean

MARKER = re.compile(r"^[ \t]*<!--[ \t]*po:[ \t]*([^ \t>]*)[ \t]*-->[ \t]*$")
MARKER_NAMES: dict[str, str] = {
    "nyckeltal": "Året i siffror, med förändring från året innan",
    "per-niva": "Brister per nivå, tabell och diagram",
    "per-kategori": "Brister per kategori, tabell och diagram",
    "per-aktor": "Brister per aktör, tabell och diagram",
    "per-status": "Brister per status, tabell och diagram",
    "allvarligaste": "De allvarligaste bristerna per nivå",
    "atgardade": "Brister som åtgärdats under året",
    "aterkommande": "Återkommande brister och brister som är öppna sedan tidigare år",
    "positiva": "Årets positiva händelser",
    "sokande": "Vilka som sökte personligt ombud (skyddat mot små tal)",
    "socialstyrelsen": "Svaren på Socialstyrelsens årliga frågor",
}

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_H2 = re.compile(r"^[ \t]{0,3}##[ \t]+(.*?)[ \t]*#*[ \t]*$")
_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|/?[A-Za-z][A-Za-z0-9-]*$|[!?])")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}):[^\s<>]*>")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:\s|$)")
_ATTR_LIST = re.compile(r"\{[:#.]?[^{}\n]*\bon[a-z]+\s*=", re.IGNORECASE)
SAFE_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class Heading:
    title: str
    line: int  # 1-based, in the file
    col: int


def visible_lines(body: str) -> list[tuple[int, str]]:
    """Body lines outside fenced code, with code spans blanked (same length)."""
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for i, line in enumerate(body.split("\n")):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        out.append((i, _CODE_SPAN.sub(lambda s: " " * len(s.group(0)), line)))
    return out


def headings(body: str, body_line: int) -> list[Heading]:
    found = []
    for i, line in visible_lines(body):
        m = _H2.match(line)
        if m:
            found.append(Heading(m.group(1).strip(), body_line + i, m.start(1) + 1))
    return found


def check_sections(
    body: str,
    body_line: int,
    sections: list[tuple[str, bool]],
    problems: ProblemList,
) -> None:
    """Required H2 sections present, in order, and no unknown ones."""
    order = [name for name, _ in sections]
    found = headings(body, body_line)
    seen: dict[str, Heading] = {}
    last_index = -1
    for h in found:
        if h.title not in order:
            problems.add(
                "PO312",
                f"okänd rubrik '## {h.title}'{did_you_mean(h.title, order)} "
                f"(rubrikerna är: {', '.join(order)})",
                (h.line, h.col),
            )
            continue
        if h.title in seen:
            problems.add(
                "PO313",
                f"rubriken '## {h.title}' står två gånger (första på rad {seen[h.title].line}) "
                "– slå ihop texterna under en rubrik",
                (h.line, h.col),
            )
            continue
        index = order.index(h.title)
        if index < last_index:
            problems.add(
                "PO311",
                f"rubriken '## {h.title}' står i fel ordning – ordningen är: {', '.join(order)}",
                (h.line, h.col),
            )
        last_index = max(last_index, index)
        seen[h.title] = h
    end_line = body_line + body.count("\n")
    for name, required in sections:
        if required and name not in seen:
            problems.add(
                "PO310",
                f"rubriken '## {name}' saknas – lägg till den, med text under, i ordningen "
                f"{', '.join(n for n, r in sections if r)}",
                (end_line if not found else found[0].line, 1),
            )


def check_markup(
    body: str,
    body_line: int,
    problems: ProblemList,
    allow_markers: bool = False,
) -> None:
    """Raw HTML, comments, unsafe link targets and on*-attributes are refused."""
    for i, line in visible_lines(body):
        pos_line = body_line + i
        marker = MARKER.match(line)
        if marker:
            name = marker.group(1)
            if not allow_markers:
                problems.add(
                    "PO503",
                    "markeringar <!-- po: ... --> hör bara hemma i årsrapporten – ta bort raden",
                    (pos_line, 1),
                )
            elif name not in MARKER_NAMES:
                problems.add(
                    "PO330",
                    f"okänd markering 'po: {name}'{did_you_mean(name, MARKER_NAMES)} "
                    f"(kända: {', '.join(MARKER_NAMES)})",
                    (pos_line, line.index("po:") + 1),
                )
            continue
        for m in _AUTOLINK.finditer(line):
            _check_url(m.group(0)[1:-1], pos_line, m.start() + 2, problems)
        without_autolinks = _AUTOLINK.sub(lambda s: " " * len(s.group(0)), line)
        comment = without_autolinks.find("<!--")
        if comment >= 0:
            problems.add(
                "PO503",
                "HTML-kommentarer (<!-- -->) är inte tillåtna: de syns inte på sidan men "
                "följer med i sidans källkod – ta bort kommentaren",
                (pos_line, comment + 1),
            )
        else:
            tag = _TAG.search(without_autolinks)
            if tag:
                problems.add(
                    "PO501",
                    "HTML-kod är inte tillåten i rapporter – skriv med vanlig Markdown "
                    "(**fet**, *kursiv*, listor med -, länkar [text](https://...))",
                    (pos_line, tag.start() + 1),
                )
        for m in _LINK_TARGET.finditer(line):
            _check_url(m.group(1), pos_line, m.start(1) + 1, problems)
        ref = _REF_DEF.match(line)
        if ref:
            _check_url(ref.group(1), pos_line, ref.start(1) + 1, problems)
        attr = _ATTR_LIST.search(line)
        if attr:
            problems.add(
                "PO504",
                "attribut som on...= är inte tillåtna – ta bort {...}-delen",
                (pos_line, attr.start() + 1),
            )


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see, after entities and hidden characters."""
    cleaned = html.unescape(url)
    cleaned = re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\ufeff]", "", cleaned)
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return m.group(1).lower() if m else None


def _check_url(url: str, line: int, col: int, problems: ProblemList) -> None:
    scheme = url_scheme(url)
    if problems and (problems[-1].code, problems[-1].line, problems[-1].col) == ("PO502", line, col):
        return  # `[x](<javascript:...>)` is both a link and an autolink: say it once
    if scheme is not None and scheme not in SAFE_SCHEMES:
        problems.add(
            "PO502",
            f"länkar av typen '{scheme}:' är inte tillåtna – länka bara till webbadresser "
            "som börjar med https://",
            (line, col),
        )
