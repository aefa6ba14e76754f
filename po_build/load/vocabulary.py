"""The vocabulary: the built-in default merged with the organisation's `content/vokabular.yml`.

Both files share one form, so an organisation can copy an entry from the default and change it.
Statuses, levels and severities can be renamed but not added: the lifecycle and the yearly
figures depend on exactly those ids.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from po_build.contract.vocabulary import (
    ENTRY_KEYS,
    FIXED_SECTIONS,
    NEW_ID,
    VOCABULARY_SECTIONS,
    AllowedTerm,
    Term,
    Vocabulary,
)
from po_build.load.frontmatter import Path_, Pos, load_yaml_file, parse_yaml
from po_build.model.problems import ProblemList, did_you_mean


def _parse_into(
    vocab: Vocabulary,
    data: Any,
    key_pos: dict[Path_, Pos],
    value_pos: dict[Path_, Pos],
    problems: ProblemList,
    builtin: bool,
) -> None:
    def at(*path: str | int) -> Pos:
        return key_pos.get(tuple(path)) or value_pos.get(tuple(path)) or (1, 1)

    if data is None:
        return
    if not isinstance(data, dict):
        problems.add("PO601", "vokabulären ska bestå av avsnitt som 'aktörer:' och 'områden:'")
        return
    for section, entries in data.items():
        if section == "tillåtna_termer":
            _allowed_terms(vocab, entries, at, problems)
            continue
        if section not in VOCABULARY_SECTIONS:
            known = [*VOCABULARY_SECTIONS, "tillåtna_termer"]
            problems.add(
                "PO601",
                f"okänt avsnitt '{section}'{did_you_mean(section, known)} "
                f"(kända avsnitt: {', '.join(known)})",
                at(section),
            )
            continue
        if entries is None:
            continue
        if not isinstance(entries, dict):
            problems.add(
                "PO602",
                f"'{section}' ska innehålla rader av formen 'id: namn'",
                at(section),
            )
            continue
        target: dict[str, Term] = getattr(vocab, VOCABULARY_SECTIONS[section])
        for term_id, value in entries.items():
            term = _entry(section, term_id, value, target.get(term_id), at, problems, builtin)
            if term is not None:
                target[term_id] = term
    # Categories name the levels they are allowed on; check once everything is merged.
    for section in ("kategorier",):
        for term in getattr(vocab, VOCABULARY_SECTIONS[section]).values():
            for level in term.nivåer:
                if level not in vocab.levels:
                    problems.add(
                        "PO604",
                        f"kategorin '{term.id}' anger nivån '{level}', som inte finns"
                        f"{did_you_mean(level, vocab.levels)}",
                        at(section, term.id),
                    )


def _entry(
    section: str,
    term_id: Any,
    value: Any,
    existing: Term | None,
    at: Any,
    problems: ProblemList,
    builtin: bool,
) -> Term | None:
    term_id = str(term_id)
    pos = at(section, term_id)
    if existing is None and section in FIXED_SECTIONS and not builtin:
        problems.add(
            "PO606",
            f"'{term_id}' finns inte bland {section} – här går det bara att byta namn på "
            f"befintliga{did_you_mean(term_id, [])}",
            pos,
        )
        return None
    if existing is None and not NEW_ID.match(term_id) and not builtin:
        problems.add(
            "PO603",
            f"id '{term_id}' ska bestå av små bokstäver a–z, siffror och bindestreck, "
            "utan å, ä, ö och mellanslag (t.ex. 'norra-dalen')",
            pos,
        )
        return None
    base = existing or Term(term_id, term_id)
    if isinstance(value, str):
        if not value.strip():
            problems.add("PO602", f"'{term_id}' saknar namn", pos)
            return None
        if section == "kategorier" and existing is None:
            problems.add(
                "PO604",
                f"den nya kategorin '{term_id}' behöver nivåer – skriv "
                f"'{term_id}: {{namn: {value.strip()}, nivåer: [lokal]}}'",
                pos,
            )
            return None
        return replace(base, namn=value.strip())
    if not isinstance(value, dict):
        problems.add(
            "PO602",
            f"'{term_id}' ska ha ett namn, t.ex. '{term_id}: Norra dalens kommun', "
            "eller namn: och beskrivning: på egna rader",
            pos,
        )
        return None
    ok = True
    for key in value:
        if key not in ENTRY_KEYS:
            problems.add(
                "PO602",
                f"okänt fält '{key}'{did_you_mean(str(key), ENTRY_KEYS)} "
                f"(tillåtna: {', '.join(ENTRY_KEYS)})",
                at(section, term_id, key),
            )
            ok = False
    namn = value.get("namn", base.namn if existing else None)
    if not isinstance(namn, str) or not namn.strip():
        problems.add("PO602", f"'{term_id}' saknar namn: (det som visas för läsaren)", pos)
        ok = False
    beskrivning = value.get("beskrivning", base.beskrivning)
    if not isinstance(beskrivning, str):
        problems.add("PO602", "beskrivning ska vara en text", at(section, term_id, "beskrivning"))
        ok = False
    utgått = value.get("utgått", base.utgått)
    utgått = {"ja": True, "nej": False}.get(utgått, utgått) if isinstance(utgått, str) else utgått
    if not isinstance(utgått, bool):
        problems.add("PO602", "utgått ska vara true eller false", at(section, term_id, "utgått"))
        ok = False
    nivåer: Any = value.get("nivåer", list(base.nivåer))
    if section == "kategorier":
        if not isinstance(nivåer, list) or not nivåer or not all(isinstance(n, str) for n in nivåer):
            problems.add(
                "PO604",
                f"kategorin '{term_id}' behöver nivåer: en lista som [lokal, nationell]",
                pos,
            )
            ok = False
    elif "nivåer" in value:
        problems.add(
            "PO602",
            "nivåer: anges bara för kategorier",
            at(section, term_id, "nivåer"),
        )
        ok = False
    if not ok:
        return None
    return Term(
        term_id,
        str(namn).strip(),
        str(beskrivning or "").strip(),
        tuple(nivåer) if section == "kategorier" else (),
        bool(utgått),
    )


def _allowed_terms(vocab: Vocabulary, entries: Any, at: Any, problems: ProblemList) -> None:
    if not isinstance(entries, list):
        problems.add(
            "PO605",
            "tillåtna_termer ska vara en lista med '- term: ...' och 'skäl: ...'",
            at("tillåtna_termer"),
        )
        return
    for i, item in enumerate(entries):
        pos = at("tillåtna_termer", i)
        if not isinstance(item, dict):
            problems.add("PO605", "varje tillåten term behöver 'term:' och 'skäl:'", pos)
            continue
        term, skäl = item.get("term"), item.get("skäl")
        extra = [k for k in item if k not in ("term", "skäl")]
        if extra:
            problems.add("PO605", f"okänt fält '{extra[0]}' – bara term och skäl", pos)
        if not isinstance(term, str) or not term.strip():
            problems.add("PO605", "en tillåten term saknar 'term:'", pos)
            continue
        if not isinstance(skäl, str) or not skäl.strip():
            problems.add(
                "PO605",
                f"termen '{term}' saknar skäl: – skriv varför den får stå kvar, så att "
                "styrgruppen kan se det vid granskningen",
                pos,
            )
            continue
        vocab.allowed_terms.append(AllowedTerm(term.strip(), skäl.strip()))


def builtin_vocabulary() -> Vocabulary:
    text = resources.files("po_build").joinpath("data/vokabular-standard.yml").read_text("utf-8")
    problems = ProblemList("<inbyggd vokabulär>")
    parsed = parse_yaml(text, problems)
    vocab = Vocabulary()
    if parsed is None:  # pragma: no cover - the shipped file is tested
        raise RuntimeError(problems[0].format())
    _parse_into(vocab, *parsed, problems, builtin=True)
    if problems:  # pragma: no cover
        raise RuntimeError(problems[0].format())
    return vocab


def load_vocabulary(path: Path | None, rel: str, problems: ProblemList) -> Vocabulary:
    """The merged vocabulary; problems in the organisation's file go to `problems`."""
    vocab = builtin_vocabulary()
    if path is None or not path.exists():
        return vocab
    parsed = load_yaml_file(path, problems)
    if parsed is None:
        return vocab
    _parse_into(vocab, *parsed, problems, builtin=False)
    return vocab
