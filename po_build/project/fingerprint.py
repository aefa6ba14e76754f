"""A digest of everything a page (or a yearly report) is made from, without making it.

The preview rebuilds a page only when what it shows may have changed (mkdocs/preview.py);
rendering every page to find out would cost more than the rebuild. A page's template sees
its context (PageSpec.context), a few settings and nothing else, so a digest of the
context decides it: two equal digests mean the same reachable values, so the same page.

The encoding walks dataclass fields, lists, dicts and plain values in order. A
ReportView is written as a reference to its id, and the views it reaches (relaterade,
omnämnd_i, and theirs) are added once each, with a digest of their own fields: a report
page changes when a related report's headline does, and a list of fifty reports costs
fifty look-ups. Anything the encoder does not know (an object without a stable form)
gives None, and the caller makes the page to compare instead.

A page that shows reports only as cards (the lists, the actor pages: outputs/pages.py
CARD_TEMPLATES) is digested with each view's card, CARD_FIELDS, instead: a changed text
of a report then rebuilds its own page, not the twenty lists it is on. That a card
template reads nothing else of a view is tested, by rendering each with views that have
nothing else (tests/test_fingerprint_cards.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime
from typing import Any

from po_build.model.records import Section, Step
from po_build.project.projection import Attachment, Label, Projection, ReportView, StepView, YearView

_MAX_DEPTH = 64
# Frozen records of plain values (and of each other): their generated repr is their value,
# and much faster than walking their fields. Only these; any other class is walked.
_BY_REPR = (Label, StepView, Attachment, Section, Step)
# What a report's card shows (the card macro in templates/po/_macros.html), with what its
# properties are made of (is_open: status; sort_key: year, month, id).
CARD_FIELDS = ("id", "typ", "rubrik", "url", "year", "month", "when", "nivå", "status", "times_seen", "draft",
               "aktörer")
_PLAIN = frozenset({type(None), bool, int, float})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class _Unknown(Exception):
    """A value without a stable encoding."""


class Fingerprints:
    """Digests for one projection's pages: each view's, and each shared list's, made once."""

    def __init__(self, p: Projection) -> None:
        self._memo: dict[int, tuple[Any, str]] = {}
        self._card_memo: dict[int, tuple[Any, str]] = {}
        self._cards = False  # while of(..., cards=True) runs
        self.views: dict[str, str] = {}
        self.cards: dict[str, str] = {}
        own: dict[str, str] = {}
        links: dict[str, list[str]] = {}
        for view in p.reports:
            refs: list[str] = []
            parts: list[str] = []
            try:
                self._fields(view, parts, refs, 0, own_of=view)
            except (_Unknown, RecursionError):
                continue  # pages that show it are made to compare
            own[view.id] = _digest(parts)
            links[view.id] = refs
        # A view is written as its id and the digest of every view linked to it, directly or
        # not (its part of the relation graph): a page that names one changes with any of them.
        for view_id in own:
            if view_id in self.views:
                continue
            group, todo = set(), [view_id]
            while todo:
                current = todo.pop()
                if current in group:
                    continue
                group.add(current)
                todo += [other for other in links.get(current, []) if other in own]
            if any(other not in own for member in group for other in links[member]):
                continue  # links to a view outside the projection: such pages are made to compare
            joint = _digest([f"{member}={own[member]}" for member in sorted(group)])
            for member in group:
                self.views[member] = f"R{member}:{joint}"

    def of(self, value: Any, cards: bool = False) -> str | None:
        """The digest of value; with cards, each report view in it counts by its card only."""
        parts: list[str] = []
        self._cards = cards
        try:
            self._encode(value, parts, [], 0)
        except (_Unknown, RecursionError):
            return None
        finally:
            self._cards = False
        return _digest(parts)

    def _card(self, view: ReportView) -> str:
        known = self.cards.get(view.id)
        if known is None:
            parts: list[str] = ["card"]
            for name in CARD_FIELDS:
                self._encode(getattr(view, name), parts, [], 1)
            self.cards[view.id] = known = "C" + _digest(parts)
        return known

    def of_year(self, p: Projection, year: YearView) -> str | None:
        """A digest of everything a yearly report's document is made from (outputs/yearly/document.py):
        the year's own record, the projection's settings and vocabulary, and every report up to the
        year's end, each with the reports linked to it (their digests in self.views). None when
        one of them has no stable digest."""
        views = [self.views.get(r.id) for r in p.reports if r.year <= year.år]
        rest = self.of([year, p.mode, p.organisation, p.region, p.k, p.vocabulary])
        if rest is None or any(v is None for v in views):
            return None
        return _digest([rest, *sorted(str(v) for v in views)])

    def _encode(self, value: Any, parts: list[str], refs: list[str], depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise _Unknown("för djupt")
        kind = type(value)
        if kind is str:  # the usual cases first, by exact type: this runs a few hundred thousand times
            parts.append(f"str:{len(value)}:{value}")
        elif kind in _PLAIN:
            parts.append(f"{kind.__name__}:{value!r}")
        elif kind in _BY_REPR:
            parts.append(repr(value))
        elif value is None or isinstance(value, (bool, int, float)):
            parts.append(f"{type(value).__name__}:{value!r}")
        elif isinstance(value, str):
            # Markup and str render differently (escaping): the type is part of the value.
            parts.append(f"{type(value).__name__}:{len(value)}:{value}")
        elif isinstance(value, (date, datetime)):
            parts.append(f"{type(value).__name__}:{value.isoformat()}")
        elif type(value) in _BY_REPR:
            parts.append(repr(value))
        elif isinstance(value, ReportView) and self._cards:
            parts.append(self._card(value))
        elif isinstance(value, ReportView):
            known = self.views.get(value.id)
            if known is None:
                raise _Unknown(value.id)
            parts.append(known)
        elif isinstance(value, (list, tuple, dict)) or (
                dataclasses.is_dataclass(value) and not isinstance(value, type)):
            # Containers are shared between pages (a facet's reports on every page of a list):
            # each is encoded once per projection.
            memo = self._card_memo if self._cards else self._memo
            kept = memo.get(id(value))
            if kept is None or kept[0] is not value:
                inner: list[str] = []
                self._container(value, inner, refs, depth)
                kept = (value, _digest(inner))
                memo[id(value)] = kept
            parts.append(kept[1])
        elif isinstance(value, (set, frozenset)):
            items = sorted(value, key=repr)
            parts.append(f"set[{len(items)}")
            for item in items:
                self._encode(item, parts, refs, depth + 1)
            parts.append("]")
        elif callable(value) and "<" not in getattr(value, "__qualname__", "<"):
            # A module-level function: its behaviour is its code, the same for the whole process.
            parts.append(f"fn:{value.__module__}.{value.__qualname__}")
        else:
            raise _Unknown(type(value).__name__)

    def _container(self, value: Any, parts: list[str], refs: list[str], depth: int) -> None:
        if isinstance(value, (list, tuple)):
            parts.append(f"{type(value).__name__}[{len(value)}")
            for item in value:
                self._encode(item, parts, refs, depth + 1)
            parts.append("]")
        elif isinstance(value, dict):
            parts.append(f"dict[{len(value)}")
            for key, item in value.items():
                self._encode(key, parts, refs, depth + 1)
                self._encode(item, parts, refs, depth + 1)
            parts.append("]")
        else:
            self._fields(value, parts, refs, depth + 1)

    def _fields(self, value: Any, parts: list[str], refs: list[str], depth: int, own_of: Any = None) -> None:
        kind = type(value)
        names = _FIELD_NAMES.get(kind)
        if names is None:
            _FIELD_NAMES[kind] = names = tuple(f.name for f in dataclasses.fields(value))
        parts.append(f"{kind.__module__}.{kind.__qualname__}(")
        for name in names:
            parts.append(name)
            item = getattr(value, name)
            if own_of is not None and isinstance(item, list) and item and all(isinstance(v, ReportView) for v in item):
                # A view's own digest names the views it links to; their digests join in __init__.
                parts.append("refs[" + ",".join(v.id for v in item) + "]")
                refs.extend(v.id for v in item)
                continue
            self._encode(item, parts, refs, depth + 1)
        parts.append(")")


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
