"""The JSON Schema run over front matter, and its errors translated into one Swedish problem each."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from po_build.contract.schema import DATE_RE, build_schema
from po_build.contract.vocabulary import Vocabulary
from po_build.load.frontmatter import Document
from po_build.model.problems import ProblemList, did_you_mean, suggest


class SchemaValidator:
    """One definition of the schema, checked twice as fast as it needs to be right.

    jsonschema-rs answers "valid?" in microseconds; only for a file it rejects does
    the Python jsonschema walk the errors, which we translate into Swedish. Both
    implement draft 2020-12, and a property test (tests/test_fuzz.py) holds them to
    the same verdicts. Where the two libraries read the standard differently, the
    Python side is made to read it like the Rust side (patterns), or the value goes
    the slow, strict way (decimals, year 0000).
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        self.fast = jsonschema_rs.validator_for(schema, validate_formats=True)
        self.full = _StrictIntegers(schema, format_checker=_DATES)

    def is_valid(self, instance: Any) -> bool:
        return not _needs_full_check(instance) and bool(self.fast.is_valid(instance))

    def iter_errors(self, instance: Any) -> Iterable[ValidationError]:
        if self.is_valid(instance):
            return []
        errors: Iterable[ValidationError] = self.full.iter_errors(instance)
        return errors


def _is_whole_number(checker: Any, instance: Any) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterable[ValidationError]:
    """`pattern` as JSON Schema (and jsonschema-rs) reads it: ECMA-262 regular expressions.

    Python's `$` also matches before a final line break ('B-2025-001\\n' would pass) and
    its `\\d` matches any script's digits ('B-٢٠٢٥-001'); ECMA's do neither.
    """
    if isinstance(instance, str) and not _compiled_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@lru_cache(maxsize=64)
def _compiled_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern), re.ASCII)


_StrictIntegers = validators.extend(  # type: ignore[no-untyped-call]  # jsonschema's extend() has no annotations
    Draft202012Validator,
    validators={"pattern": _ecma_pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number),
)


_DATES = FormatChecker([])


@_DATES.checks("date", raises=ValueError)
def _is_date(instance: Any) -> bool:
    """RFC 3339 full-date, in the years Python's calendar has (1–9999)."""
    if not isinstance(instance, str):
        return True
    if not DATE_RE.fullmatch(instance):
        raise ValueError(instance)
    date.fromisoformat(instance)
    return True


_YEAR_ZERO = re.compile(r"0000-[0-9]{2}-[0-9]{2}")


def _needs_full_check(value: Any) -> bool:
    """Values the two libraries judge differently by design.

    JSON Schema calls 2024.0 an integer; we do not (a year or a count written as a
    decimal is a typo). RFC 3339 has a year 0000; Python's calendar (and so the rest
    of the build) does not.
    """
    if isinstance(value, float):
        return True
    if isinstance(value, str):
        return _YEAR_ZERO.fullmatch(value) is not None
    if isinstance(value, dict):
        return any(_needs_full_check(v) for v in value.values())
    if isinstance(value, list):
        return any(_needs_full_check(v) for v in value)
    return False


@lru_cache(maxsize=8)
def _validators(schema_json: str) -> dict[str, SchemaValidator]:
    schema = json.loads(schema_json)
    # Each definition is self-contained, so it is validated without $ref indirection.
    return {name: SchemaValidator(sub) for name, sub in schema["$defs"].items()}


def validators_for(vocab: Vocabulary) -> dict[str, SchemaValidator]:
    """Validators are cached by schema text: building them is the slow part of a check."""
    return _validators(json.dumps(build_schema(vocab), sort_keys=True, ensure_ascii=False))


_TYPE_NAMES = {
    "string": "en text",
    "integer": "ett heltal",
    "number": "ett tal",
    "array": "en lista, t.ex. [a, b]",
    "object": "en grupp av fält (fält: värde på egna, indragna rader)",
    "boolean": "true eller false",
}


@dataclass(frozen=True)
class Wording:
    """One translated schema error: a code, a message, and where it points."""

    code: str
    path: tuple[Any, ...]
    message: str
    at_key: bool = False
    key: str | None = None  # the field a PO201 finds missing or a PO202 finds unknown


def _field_name(path: tuple[Any, ...]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "fälten"


def _describe(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def schema_problems(doc: Document, validator: SchemaValidator, problems: ProblemList) -> None:
    """Run the JSON Schema and translate its errors into located Swedish problems, one per mistake.

    A misspelt field is one mistake, not two: "unknown field 'rubirk'" and "field 'rubrik' is
    missing" become one message at the misspelt key, which names the field it should be.
    """
    wordings = [w for err in validator.iter_errors(doc.data) for w in _translate(err)]
    missing = {(w.path, w.key) for w in wordings if w.code == "PO201"}
    misspelt: set[tuple[tuple[Any, ...], str | None]] = set()
    out: list[Wording] = []
    for w in wordings:
        if w.code == "PO202" and w.key is not None:
            parent = w.path[:-1]
            near = suggest(w.key, [key for where, key in missing if where == parent and key])
            if near is not None and (parent, near) not in misspelt:
                misspelt.add((parent, near))
                w = Wording("PO202", w.path, f"okänt fält '{w.key}' – menade du '{near}'? Det fältet saknas; "
                            f"rätta stavningen till '{near}:'", at_key=True)
        out.append(w)
    reported: set[tuple[tuple[Any, ...], str]] = set()
    for w in out:
        if (w.code == "PO201" and (w.path, w.key) in misspelt) or (w.path, w.code) in reported:
            continue
        reported.add((w.path, w.code))
        problems.add(w.code, w.message, doc.kpos(*w.path) if w.at_key else doc.pos(*w.path))


def _annotated(err: ValidationError, path: tuple[Any, ...], **values: Any) -> Wording | None:
    """The wording the schema itself gives for this keyword at this place (its `x-po` annotation)."""
    schema = err.schema if isinstance(err.schema, dict) else {}
    wording = schema.get("x-po", {}).get(str(err.validator))
    if wording is None:
        return None
    at = wording.get("at")
    return Wording(wording["code"], (*path, at) if at else path,
                   wording["message"].format(**values), at_key=bool(at))


def _translate(err: ValidationError) -> Iterable[Wording]:
    path = tuple(err.absolute_path)
    field_name = _field_name(path)
    v = str(err.validator)
    schema = err.schema if isinstance(err.schema, dict) else {}
    instance, limit = err.instance, err.validator_value
    own = _annotated(err, path, value=_describe(instance), limit=limit,
                     length=len(instance) if isinstance(instance, str) else 0)
    if own is not None:
        yield own
    elif v == "required":
        for key in limit if isinstance(limit, list) else []:
            if isinstance(instance, dict) and key not in instance:
                where = f" i '{field_name}'" if path else ""
                yield Wording("PO201", path, f"fältet '{key}' saknas{where} – lägg till "
                              f"'{key}: ...' (se fältreferensen i guiden)", key=str(key))
    elif v == "additionalProperties":
        known = list(schema.get("properties", {}))
        for key in instance if isinstance(instance, dict) else []:
            if key not in known:
                yield Wording("PO202", (*path, key), f"okänt fält '{key}'{did_you_mean(str(key), known)}", True,
                              key=str(key))
    elif v == "type":
        expected = limit if isinstance(limit, list) else [limit]
        names = [_TYPE_NAMES.get(str(t), str(t)) for t in expected]
        hint = f" – skriv t.ex. [{instance}]" if limit == "array" and isinstance(instance, str) else ""
        yield Wording("PO203", path, f"'{field_name}' ska vara {' eller '.join(names)}{hint}")
    elif v == "const":
        yield Wording("PO211", path, f"'{field_name}' ska vara '{limit}'")
    elif v == "enum":
        yield _enum(path, field_name, instance, limit if isinstance(limit, list) else [])
    elif v == "pattern":
        yield Wording("PO207", path, f"'{_describe(instance)}' har fel form för '{field_name}'")
    elif v == "format":
        yield Wording("PO207", path, f"'{_describe(instance)}' är inget datum i formen ÅÅÅÅ-MM-DD "
                      "– skriv t.ex. 2025-03-14")
    elif v in ("minLength", "maxLength"):
        yield Wording("PO203", path, f"'{field_name}' får inte vara tom")
    elif v == "minItems":
        yield Wording("PO208", path, f"'{field_name}' behöver minst ett värde, t.ex. [{_example(schema)}]")
    elif v == "maxItems":
        yield Wording("PO212", path, f"'{field_name}' har för många värden (högst {limit})")
    elif v == "uniqueItems":
        yield Wording("PO209", path, f"samma värde står två gånger i '{field_name}' – ta bort det ena")
    elif v in ("minimum", "maximum"):
        upper = f" till {schema['maximum']}" if "maximum" in schema else " och uppåt"
        yield Wording("PO210", path, f"'{field_name}' ska vara ett tal från {schema.get('minimum', 0)}{upper}")
    else:  # pragma: no cover - every keyword the schema uses is handled above
        # The library's own message is English; name the field and where to read more.
        yield Wording("PO200", path, f"'{field_name}' har ett värde som inte är tillåtet här – jämför med "
                      "fältreferensen i guiden")


def _enum(path: tuple[Any, ...], field_name: str, instance: Any, values: list[Any]) -> Wording:
    allowed = [a for a in values if isinstance(a, str)]
    if not allowed:
        return Wording("PO206", path, f"'{_describe(instance)}' finns inte: inga {field_name} är deklarerade – "
                       f"lägg till dem under {field_name}: i content/vokabular.yml")
    if True in values:
        return Wording("PO213", path, f"'{field_name}' ska vara true (ja) eller false (nej), inte "
                       f"'{_describe(instance)}'")
    shown_allowed = ", ".join(allowed) if len(allowed) <= 20 else ", ".join(allowed[:20]) + " ..."
    hint = did_you_mean(str(instance), allowed) if isinstance(instance, str) else ""
    return Wording("PO206", path, f"okänt värde '{_describe(instance)}' i '{field_name}'{hint} "
                   f"(tillåtna: {shown_allowed}; egna värden läggs i vokabular.yml)")


def _example(schema: dict[str, Any]) -> str:
    items = schema.get("items", {})
    enum = items.get("enum") if isinstance(items, dict) else None
    return str(enum[0]) if enum else "..."
