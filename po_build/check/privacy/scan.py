"""Scanner for personal identifiers in report text (codes PO401–PO408).

Anonymity is the promise of every report: ``po check`` runs :func:`scan_text`
over every report file (front matter included) and refuses to go on while
anything here is found. The scanner is deliberately plain: precompiled regular
expressions for the structured identifiers (personnummer, samordningsnummer,
telephone numbers, e-mail, street addresses, postal codes), and for names a
lookup in shipped name lists plus a few rules about context.

Design decisions, measured against the labelled corpus in
``tests/privacy_corpus`` (see ``benchmarks/privacy_bench.py``):

* A 10- or 12-digit number with a plausible date is a personnummer when its
  Luhn digit is right. When the digit is wrong it is still reported if it is
  written the way a personnummer is written (``ÅÅMMDD-NNNN`` or with ``+``) and
  the date exists, because that is what a personnummer with a typing error
  looks like; a case-number word just before it ("dnr", "ärende", "OCR" …)
  clears it. Bare or space-separated digits with a wrong Luhn digit are
  never reported: they are far more often case or payment numbers.
* Service numbers that belong to no person (020-, 0200-, 077x-, 0900-) are no
  telephone numbers in this sense: ``0771-524 524`` is Försäkringskassan's.
* Age limits in rules ("personer över 65 år", "unga vuxna 18–25 år", "den som
  fyllt 65") are no identifiers; a person's age ("en 45-årig kvinna",
  "klienten, 23 år,", "fyllde 30", "född 1987") is.
* A name-list word mid-sentence with a capital letter is a name, unless it is
  part of a place's or an organisation's name. At the start of a sentence a
  name that is also an ordinary word ("Inga", "Per", "Klara") needs more
  evidence: a surname after it, a verb such as "ringde", or a comma.

The scanner never raises on a string: every rule works on plain ``str``
operations and bounded regular expressions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

from po_build.check.privacy.addresses import find_postal, find_streets, may_hold_postal
from po_build.check.privacy.ages import find_ages
from po_build.check.privacy.casing import find_capitals, find_initials, find_lower_case
from po_build.check.privacy.contact import URL_RE, find_emails
from po_build.check.privacy.findings import CODES, PRIORITY, Candidate, Finding, finding_message, resolve
from po_build.check.privacy.indirect import find_indirect, municipality_stems, words_of
from po_build.check.privacy.names import NameRules
from po_build.check.privacy.normalise import hidden_in, normalise
from po_build.check.privacy.numbers import digit_runs, find_phones, find_pnr, may_hold_phone, may_hold_pnr
from po_build.check.privacy.terms import BUILTIN_NON_NAMES_MATCHER, TermMatcher, clean_terms, term_matcher

__all__ = ["CODES", "Finding", "scan_text"]


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    return starts


def _masker(text: str, known_non_names: Iterable[str], allowed: TermMatcher | None) -> Callable[[int, int], bool]:
    # The vocabulary's own labels and allowed terms are never warned about; an area
    # "Sjöviks kommun" also covers "i Sjövik", the organisation's own municipality.
    known = clean_terms(known_non_names)
    terms = [t for t in (term_matcher(known + municipality_stems(known)), allowed) if t]
    return lambda start, end: any(t.covers(text, start, end) for t in terms)


def scan_text(
    text: str,
    *,
    skip_names: bool = False,
    allowed_terms: Iterable[str] = (),
    known_non_names: Iterable[str] = (),
) -> list[Finding]:
    """Scan one text (a report body, one front-matter string or a whole report file).

    ``skip_names`` turns off only the name check (used for ``intern.rapportör``).
    ``allowed_terms`` are the organisation's explicitly allowed words or phrases
    (case-insensitive, whole words): a finding that lies inside one is never
    reported. ``known_non_names`` are vocabulary labels, municipality and actor
    names ("Försäkringskassan", "Norrby kommun") that are never taken for a name.
    Results are sorted by (line, col); line and col are 1-based, col in characters.
    """
    if not isinstance(text, str) or not text:
        return []
    # Every detector reads the text as a reader sees it (no soft hyphens, zero-width or bidi
    # characters, NFKC); positions are taken back to the original below.
    original = text
    normalised = normalise(text)
    text = normalised.text
    allowed = term_matcher(clean_terms(allowed_terms))
    lowered = text.lower()  # only for cheap "is this word anywhere" tests
    words = words_of(lowered)  # the distinct words, for set look-ups in the detectors

    candidates: list[Candidate] = []
    runs = digit_runs(text)
    if runs:
        # Each structured pattern runs only where a cheap pre-test on the runs of digits
        # (or a pattern with a literal start) says it could match.
        if may_hold_pnr(runs):
            candidates += find_pnr(text)
        if may_hold_phone(text):
            candidates += find_phones(text)
        if may_hold_postal(text, runs):
            candidates += find_postal(text)
        candidates += find_streets(text, runs)
    candidates += find_emails(text, lowered)
    candidates += find_ages(text, lowered, words)
    candidates += find_indirect(text, lowered, words, _masker(text, known_non_names, allowed))

    if not skip_names:
        structured = [c for c in candidates if PRIORITY[c[2]] <= PRIORITY["PO405"]]
        if "http" in lowered or "www." in lowered:
            structured += [(m.start(), m.end(), "", "") for m in URL_RE.finditer(text)]
        term_lists = [t for t in (BUILTIN_NON_NAMES_MATCHER, term_matcher(clean_terms(known_non_names)), allowed) if t]

        def covered(start: int, end: int) -> bool:
            if any(s <= start and end <= e for s, e, _code, _note in structured):
                return True
            return any(terms.covers(text, start, end) for terms in term_lists)

        candidates += NameRules(text, covered).find()
        candidates += find_capitals(text, words, covered) + find_lower_case(text, words, covered)
        candidates += find_initials(text, covered)

    if allowed is not None:
        candidates = [c for c in candidates if not allowed.covers(text, c[0], c[1])]

    if not candidates:
        return []
    starts = _line_starts(original)
    findings = []
    for start, end, code, note in resolve(candidates):
        matched = text[start:end]
        start, end = normalised.span(start, end)
        hidden = hidden_in(original, start, end)
        if hidden:
            note += f", skrivet med osynliga tecken emellan ({', '.join(hidden)})"
        line = bisect.bisect_right(starts, start)
        findings.append(
            Finding(
                line=line,
                col=start - starts[line - 1] + 1,
                code=code,
                kind=CODES[code][0],
                match=matched,
                message=finding_message(code, matched, note),
            )
        )
    findings.sort(key=lambda f: (f.line, f.col))
    return findings
