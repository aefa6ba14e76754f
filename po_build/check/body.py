"""Checks on the Markdown body: sections in order, no raw HTML, no unsafe links.

Report bodies are rendered without raw HTML (see render.py); refusing it here
tells the author at once instead of silently dropping what they wrote.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import urllib.parse
from dataclasses import dataclass

from po_build.contract.markers import MARKER, MARKER_NAMES
from po_build.contract.sections import HINTS
from po_build.model.problems import ProblemList, did_you_mean, suggest

# As the renderer's fenced_code reads them: at the start of the line, closed by the very
# same fence. (An indented ``` is text to it, so its lines are checked like any other.)
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_H2 = re.compile(r"^[ \t]{0,3}##[ \t]+(.*)$")
_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|/?[A-Za-z][A-Za-z0-9-]*$|[!?])")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}):[^\s<>]*>")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{[:#.]?[^{}\n]*\bon[a-z]+\s*=", re.IGNORECASE)
SAFE_SCHEMES = {"http", "https", "mailto"}
# Every page made from a body lies two folders down: brister/<id>/, positivt/<id>/, arsrapport/<år>/.
PAGE_DEPTH = 2


@dataclass(frozen=True)
class Heading:
    title: str
    line: int  # 1-based, in the file
    col: int
    underlined: bool = False  # "Titel" with a line of "---" under it: the text starts a line later


def visible_lines(body: str) -> list[tuple[int, str]]:
    """Body lines outside fenced code, with code spans blanked (same length)."""
    # Several rules ask for the same body in one check; a copy keeps the cache safe.
    return list(_visible_lines(body))


@functools.lru_cache(maxsize=16)
def _visible_lines(body: str) -> tuple[tuple[int, str], ...]:
    out: list[tuple[int, str]] = []
    fence: str | None = None
    for i, line in enumerate(body.split("\n")):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1) == fence and not line[len(fence) :].strip(" "):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        out.append((i, blank_code_spans(line)))
    return tuple(out)


def blank_code_spans(line: str) -> str:
    """Replace `code spans` with spaces, keeping columns.

    Pairs backtick runs of equal length in one pass: a regular expression with a
    backreference takes time growing with the cube of a long line of backticks.
    """
    if "`" not in line:
        return line
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    chars = list(line)
    i = 0
    while i < len(runs):
        start, end = runs[i]
        length = end - start
        closing = next((j for j in range(i + 1, len(runs)) if runs[j][1] - runs[j][0] == length), None)
        if closing is None:
            i += 1
            continue
        for k in range(start, runs[closing][1]):
            chars[k] = " "
        i = closing + 1
    return "".join(chars)


_UNDERLINE = re.compile(r"^-+ *$")
_ATX = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")


def headings(body: str, body_line: int) -> list[Heading]:
    """Level-2 headings as the renderer sees them (see _headings); asked twice per report."""
    return list(_headings(body, body_line))


@functools.lru_cache(maxsize=16)
def _headings(body: str, body_line: int) -> tuple[Heading, ...]:
    """Level-2 headings as the renderer sees them: '## Titel' and 'Titel' underlined with '---'.

    Markdown makes a text line directly above a line of dashes a heading (a "setext"
    heading) when the text starts its paragraph; a blank line before the dashes makes
    them a rule instead. Both forms are found, so that neither slips past the checks.
    """
    found = []
    visible = visible_lines(body)
    previous: dict[int, str] = dict(visible)
    for i, line in visible:
        m = _H2.match(line)
        if m:
            # Closing hashes are optional in Markdown ("## Orsaker ##"); strip them in
            # plain Python, since a regex doing it backtracks badly on long lines.
            title = m.group(1).rstrip(" \t").rstrip("#").rstrip(" \t") if m.group(1).strip("# \t") else ""
            found.append(Heading(title.strip(), body_line + i, m.start(1) + 1))
            continue
        above = previous.get(i - 1)
        if (
            _UNDERLINE.match(line)
            and above is not None
            and above.strip()
            and not _ATX.match(above)
            and not previous.get(i - 2, "").strip()
            and not above.startswith(("    ", "\t"))
        ):
            found.append(Heading(above.strip(), body_line + i - 1, len(above) - len(above.lstrip()) + 1, True))
    return tuple(found)


def check_sections(
    body: str,
    body_line: int,
    sections: list[tuple[str, bool]],
    problems: ProblemList,
) -> None:
    """Required H2 sections present, in order, and no unknown ones.

    A misspelt required heading is one mistake: '## Orsker' gives one message at that
    heading, naming '## Orsaker', and not also "'## Orsaker' is missing".
    """
    order = [name for name, _ in sections]
    required = [name for name, needed in sections if needed]
    found = headings(body, body_line)
    present = {h.title for h in found}
    misspelt: dict[str, Heading] = {}  # required heading → the heading that misspells it
    for h in found:
        near = suggest(h.title, order) if h.title not in order and not h.underlined else None
        if near is not None and near in required and near not in present and near not in misspelt:
            misspelt[near] = h
    meant = {id(h): name for name, h in misspelt.items()}
    seen: dict[str, Heading] = {}
    last_index = -1
    for h in found:
        if id(h) in meant:
            name = meant[id(h)]
            problems.add(
                "PO312",
                f"okänd rubrik '## {h.title}' – menade du '{name}'? Den rubriken saknas; "
                f"rätta stavningen till '## {name}'",
                (h.line, h.col),
            )
            continue
        if h.title not in order:
            if h.underlined:
                problems.add(
                    "PO312",
                    f"strecket (---) under raden gör '{_short(h.title)}' till en rubrik – lämna en tom rad "
                    f"före strecket om du menar en skiljelinje (rubrikerna är: {', '.join(order)})",
                    (h.line, h.col),
                )
                continue
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
    for name, needed in sections:
        if needed and name not in seen and name not in misspelt:
            problems.add(
                "PO310",
                f"rubriken '## {name}' saknas – lägg till den, med text under, i ordningen "
                f"{', '.join(n for n, r in sections if r)}",
                (end_line if not found else found[0].line, 1),
            )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_markup(
    body: str,
    body_line: int,
    problems: ProblemList,
    allow_markers: bool = False,
) -> None:
    """Raw HTML, comments, unsafe link targets and on*-attributes are refused."""
    visible = visible_lines(body)
    _check_link_targets(visible, body_line, problems)
    for i, line in visible:
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
        attr = _ATTR_LIST.search(line)
        if attr:
            problems.add(
                "PO504",
                "attribut som on...= är inte tillåtna – ta bort {...}-delen",
                (pos_line, attr.start() + 1),
            )


def _check_link_targets(visible: list[tuple[int, str]], body_line: int, problems: ProblemList) -> None:
    """Link targets over the whole text: Markdown lets a target start on the next line."""
    lines: dict[int, str] = dict(visible)
    last = max(lines, default=-1)
    text = "\n".join(lines.get(i, "") for i in range(last + 1))
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    found = [(m.start(1), m.group(1)) for m in _LINK_TARGET.finditer(text)]
    found += [(m.start(1), m.group(1)) for m in _REF_DEF.finditer(text)]
    for offset, url in sorted(found):
        index = bisect.bisect_right(starts, offset) - 1
        _check_url(url, body_line + index, offset - starts[index] + 1, problems)


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see, after entities and hidden characters."""
    cleaned = html.unescape(url)
    cleaned = re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\ufeff]", "", cleaned)
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return m.group(1).lower() if m else None


def leaves_site(url: str, depth: int = PAGE_DEPTH) -> str | None:
    """Why a link without a scheme points outside the site, or None when it stays inside.

    Read the way a browser reads it: entities and percent-escapes decoded (`%2e%2e` is
    `..`), tabs and line breaks dropped, and a backslash taken for a slash. A path from
    the root ('/etc/passwd') is refused too: on the site it depends on where the site
    is hosted, and in the PDF it would name a file on the computer that builds it.
    """
    cleaned = re.sub(r"[\t\n\r]", "", html.unescape(url)).strip()
    if url_scheme(cleaned) is not None:
        return None
    decoded = urllib.parse.unquote(cleaned)
    if "\\" in decoded:
        return "snedstreck (\\) – använd / i sökvägar"
    path = decoded.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("//"):
        return None  # another host, like https://; the scheme check covers the rest
    if path.startswith("/"):
        return "sökvägen börjar med / – skriv en hel adress (https://...) eller en relativ länk"
    level = depth
    for segment in path.split("/"):
        if segment == "..":
            level -= 1
            if level < 0:
                return "för många ../ – länken går ut ur webbplatsen"
        elif segment not in ("", "."):
            level += 1
    return None


def _check_url(url: str, line: int, col: int, problems: ProblemList) -> None:
    scheme = url_scheme(url)
    if problems and (problems[-1].code, problems[-1].line, problems[-1].col) in (
        ("PO502", line, col), ("PO505", line, col)
    ):
        return  # `[x](<javascript:...>)` is both a link and an autolink: say it once
    if scheme is not None and scheme not in SAFE_SCHEMES:
        problems.add(
            "PO502",
            f"länkar av typen '{scheme}:' är inte tillåtna – länka bara till webbadresser "
            "som börjar med https://",
            (line, col),
        )
        return
    why = leaves_site(url)
    if why:
        problems.add(
            "PO505",
            f"länken '{_short(url, 40)}' pekar ut ur webbplatsen: {why}. Länka till sidor med "
            "hela adressen (https://...) och till bilagor med ../../bilagor/filnamn",
            (line, col),
        )


_PAGE_ELEMENT = re.compile(
    r"<(script|iframe|frame|frameset|object|embed|applet|form|base|meta|link|style|template|portal|svg|math)\b",
    re.IGNORECASE,
)
_PAGE_HANDLER = re.compile(r"[\s/\"']on[a-z]+\s*=", re.IGNORECASE)
_PAGE_URL = re.compile(r"\b(?:href|src|action|formaction|data|xlink:href)\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
PAGE_SCHEMES = SAFE_SCHEMES | {"tel"}


def _handler_in_tag(line: str) -> int | None:
    """Where a tag on the line has an on...= attribute, or None.

    Tag by tag with str.find rather than one regular expression: '<a <a <a ...' without
    a closing '>' made the expression take minutes on one long line.
    """
    pos = 0
    while True:
        start = line.find("<", pos)
        if start < 0 or start + 1 >= len(line):
            return None
        if not line[start + 1].isalpha():
            pos = start + 1
            continue
        end = line.find(">", start)
        tag = line[start : end if end >= 0 else len(line)]
        m = _PAGE_HANDLER.search(tag)
        if m:
            return start
        if end < 0:
            return None
        pos = end + 1


def check_page_markup(text: str, first_line: int, problems: ProblemList) -> None:
    """The organisation's own pages may hold HTML, but nothing that runs script.

    Warnings, not errors: the build removes these parts anyway (render.clean_page), so
    the page is safe either way; the warning says what will be missing, and where.
    """
    found: dict[int, tuple[int, str]] = {}

    def note(i: int, col: int, what: str) -> None:
        found.setdefault(i, (col, what))

    visible = visible_lines(text)
    for i, line in visible:
        m = _PAGE_ELEMENT.search(line)
        if m:
            note(i, m.start() + 1, f"elementet <{m.group(1).lower()}>")
        handler = _handler_in_tag(line)
        attr = _ATTR_LIST.search(line)
        if handler is not None or attr:
            note(i, (handler if handler is not None else attr.start() if attr else 0) + 1, "händelseattribut (on...=)")
        for m in _PAGE_URL.finditer(line):
            scheme = url_scheme(m.group(1))
            if scheme is not None and scheme not in PAGE_SCHEMES:
                note(i, m.start(1) + 1, f"en länk av typen '{scheme}:'")
        for m in _AUTOLINK.finditer(line):
            scheme = url_scheme(m.group(0)[1:-1])
            if scheme is not None and scheme not in PAGE_SCHEMES:
                note(i, m.start() + 2, f"en länk av typen '{scheme}:'")
    lines = dict(visible)
    joined = "\n".join(lines.get(i, "") for i in range(max(lines, default=-1) + 1))
    starts = [0]
    for line in joined.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    for m in [*_LINK_TARGET.finditer(joined), *_REF_DEF.finditer(joined)]:
        scheme = url_scheme(m.group(1))
        if scheme is not None and scheme not in PAGE_SCHEMES:
            i = bisect.bisect_right(starts, m.start(1)) - 1
            note(i, m.start(1) - starts[i] + 1, f"en länk av typen '{scheme}:'")
    for i, (col, what) in sorted(found.items()):
        problems.add(
            "PO506",
            f"sidan innehåller {what}, som kan köra skript – det tas bort när webbplatsen byggs; "
            "egna skript hör hemma i overrides/",
            (first_line + i, col),
        )


_H2_RE = re.compile(r"##[ \t]+(.+?)[ \t]*$")


def leftover_hint_lines(body: str, body_line: int = 1) -> list[tuple[str, int]]:
    """(heading, line) for every hint line from the form that is still in the text."""
    # Most reports hold none of the hint sentences: a substring test for each (in C) saves
    # going through every line of every report.
    if not any(hint in body for hint in HINTS.values()):
        return []
    found = []
    current = ""
    for i, line in enumerate(body.split("\n")):
        m = _H2_RE.match(line) if line.startswith("##") else None
        if m:
            current = m.group(1)
        elif current in HINTS and line.strip() == HINTS[current]:
            found.append((current, body_line + i))
    return found


def leftover_hints(body: str) -> list[str]:
    """Headings whose hint line from the form is still in the text."""
    return [title for title, _ in leftover_hint_lines(body)]
