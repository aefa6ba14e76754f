"""E-mail addresses, also written so that a machine would not see them (and web addresses,
which are never names)."""

from __future__ import annotations

import re

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.findings import Candidate

_EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")


URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)


# Top-level domains an obfuscated address in a Swedish report ends with. The spelt-out
# forms ("at", "dot", "punkt") are ordinary words, so they count only before one of these.
_TLDS = (
    "se|nu|com|net|org|eu|info|fi|no|dk|is|de|uk|io|me|biz|co|ax|ee|pl|fr|es|it|nl|at|ch|be|tk|ru"
)

# "namn(at)domän.se", "namn [at] domän.se", "namn snabel-a domän.se", "namn at domän dot com",
# "namn@domän punkt se". The local part is one run of address characters; between it and
# the domain stands one of the written forms of @.
_AT = (
    r"(?:[ \t]*(?:\(|\[|\{|<)[ \t]*(?:at|snabel-?a|@|a)[ \t]*(?:\)|\]|\}|>)[ \t]*"
    r"|[ \t]+(?:at|AT|snabel-?a|snabela)[ \t]+"
    r"|[ \t]*(?:snabel-?a)[ \t]*(?=[\w])"
    r"|[ \t]*@[ \t]*)"
)
_DOT = (
    r"(?:[ \t]*\.[ \t]*|[ \t]*(?:\(|\[|\{)[ \t]*(?:dot|punkt|\.)[ \t]*(?:\)|\]|\})[ \t]*"
    r"|[ \t]+(?:dot|punkt|DOT|PUNKT)[ \t]+)"
)
_WRITTEN_RE = re.compile(
    rf"(?<![\w.%+-])(?P<local>[\w.%+-]*[^\W_][\w.%+-]*){_AT}"
    rf"(?P<domain>[\w-]+(?:{_DOT}[\w-]+)*?){_DOT}(?P<tld>{_TLDS})(?![\w-])",
    re.IGNORECASE,
)
_WRITTEN_HINTS = (" at ", "(at)", "[at]", "{at}", "<at>", "snabel", "( at", "[ at", "(a)", "[a]")


# An organisation's shared mailbox names no person ("po@lund.se", "registrator@…"): a
# yearly report gives one as its contact. Only these exact local parts.
_FUNCTIONAL_MAILBOXES = pn.words(
    """info kontakt po personligtombud personligt.ombud personligt_ombud personliga.ombud ombud
    registrator registratur diarium kommun kommunen socialtjansten kundtjanst kundservice
    support vaxel funktionsbrevlada noreply no-reply press webmaster"""
)


def _functional(address: str) -> bool:
    return address.split("@", 1)[0].lower() in _FUNCTIONAL_MAILBOXES


def find_emails(text: str, lowered: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "@" in text:
        found += [(m.start(), m.end(), "PO404", "") for m in _EMAIL_RE.finditer(text) if not _functional(m.group())]
    # Substring tests first: the written-out forms are rare, and the pattern is not cheap.
    if "@" in text or any(hint in lowered for hint in _WRITTEN_HINTS):
        for m in _WRITTEN_RE.finditer(text):
            if _EMAIL_RE.fullmatch(m.group()) or m["local"].lower() in _FUNCTIONAL_MAILBOXES:
                continue  # a plain address, found above, or a shared mailbox
            found.append((m.start(), m.end(), "PO404", ""))
    return found
