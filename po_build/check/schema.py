"""The JSON Schema run over front matter, and its errors translated into one Swedish problem each."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from po_build.contract.schema import ID_EXAMPLES, build_schema
from po_build.load.frontmatter import Document
from po_build.model.problems import ProblemList, did_you_mean
from po_build.model.vocabulary import Vocabulary


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
        return self.full.iter_errors(instance)


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


_StrictIntegers = validators.extend(
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
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", instance):
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


def _field_name(path: tuple[Any, ...]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "fälten"


def _describe(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def schema_problems(doc: Document, validator: SchemaValidator, problems: ProblemList) -> None:
    """Run the JSON Schema and translate each error into one located Swedish problem."""
    reported: set[tuple[tuple[Any, ...], str]] = set()
    for err in validator.iter_errors(doc.data):
        for code, path, message, at_key in _translate(err):
            if (path, code) in reported:
                continue
            reported.add((path, code))
            problems.add(code, message, doc.kpos(*path) if at_key else doc.pos(*path))


def _translate(err: ValidationError) -> Iterable[tuple[str, tuple[Any, ...], str, bool]]:
    path = tuple(err.absolute_path)
    field_name = _field_name(path)
    v = err.validator
    schema = err.schema if isinstance(err.schema, dict) else {}
    if v == "required":
        in_then = "then" in err.schema_path
        for key in err.validator_value:
            if isinstance(err.instance, dict) and key not in err.instance:
                if in_then:
                    yield ("PO309", (*path, "publicera"),
                           "publicera är true men publicerad saknas – lägg till "
                           "'publicerad: ÅÅÅÅ-MM-DD' med datum för styrgruppens beslut", True)
                else:
                    where = f" i '{field_name}'" if path else ""
                    yield ("PO201", path, f"fältet '{key}' saknas{where} – lägg till "
                           f"'{key}: ...' (se fältreferensen i guiden)", False)
    elif v == "additionalProperties":
        known = list(schema.get("properties", {}))
        for key in err.instance:
            if key not in known:
                yield ("PO202", (*path, key),
                       f"okänt fält '{key}'{did_you_mean(str(key), known)}", True)
    elif v == "type":
        expected = err.validator_value
        names = [_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected])]
        hint = ""
        if expected == "array" and isinstance(err.instance, str):
            hint = f" – skriv t.ex. [{err.instance}]"
        yield ("PO203", path, f"'{field_name}' ska vara {' eller '.join(names)}{hint}", False)
    elif v == "const":
        yield ("PO211", path, f"'{field_name}' ska vara '{err.validator_value}'", False)
    elif v == "enum":
        allowed = [a for a in err.validator_value if isinstance(a, str)]
        if not allowed:
            yield ("PO206", path, f"'{_describe(err.instance)}' finns inte: inga {field_name} är deklarerade – "
                   f"lägg till dem under {field_name}: i content/vokabular.yml", False)
            return
        if True in err.validator_value:
            yield ("PO213", path, f"'{field_name}' ska vara true (ja) eller false (nej), inte "
                   f"'{_describe(err.instance)}'", False)
            return
        shown_allowed = ", ".join(allowed) if len(allowed) <= 20 else ", ".join(allowed[:20]) + " ..."
        hint = did_you_mean(str(err.instance), allowed) if isinstance(err.instance, str) else ""
        yield ("PO206", path, f"okänt värde '{_describe(err.instance)}' i '{field_name}'{hint} "
               f"(tillåtna: {shown_allowed}; egna värden läggs i vokabular.yml)", False)
    elif v == "pattern":
        if field_name == "id":
            kind = "positiv" if "P-" in str(err.validator_value) else "brist"
            yield ("PO204", path, f"id:t '{_describe(err.instance)}' har fel form – en {kind} har id som "
                   f"{ID_EXAMPLES[kind]} (bokstaven, året och ett löpnummer)", False)
        elif field_name == "relaterade":
            yield ("PO314", path, f"'{_describe(err.instance)}' är inget rapport-id – skriv t.ex. "
                   "B-2025-001", False)
        else:
            yield ("PO207", path, f"'{_describe(err.instance)}' är inget datum i formen ÅÅÅÅ-MM-DD "
                   "– skriv t.ex. 2025-03-14", False)
    elif v == "format":
        if isinstance(err.instance, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", err.instance):
            yield ("PO207", path, f"'{_describe(err.instance)}' är inget riktigt datum – kontrollera "
                   "månad och dag", False)
        else:
            yield ("PO207", path, f"'{_describe(err.instance)}' är inget datum i formen ÅÅÅÅ-MM-DD "
                   "– skriv t.ex. 2025-03-14", False)
    elif v in ("minLength", "maxLength"):
        if field_name == "rubrik":
            n = len(err.instance) if isinstance(err.instance, str) else 0
            limit = "minst" if v == "minLength" else "högst"
            yield ("PO205", path, f"rubriken har {n} tecken, {limit} {err.validator_value} – "
                   + ("skriv en rubrik som säger vad bristen gäller" if v == "minLength"
                      else "korta rubriken och lägg detaljerna i texten"), False)
        else:
            yield ("PO203", path, f"'{field_name}' får inte vara tom", False)
    elif v == "minItems":
        yield ("PO208", path, f"'{field_name}' behöver minst ett värde, t.ex. [{_example(schema)}]",
               False)
    elif v == "maxItems":
        yield ("PO212", path, f"'{field_name}' har för många värden (högst {err.validator_value})",
               False)
    elif v == "uniqueItems":
        yield ("PO209", path, f"samma värde står två gånger i '{field_name}' – ta bort det ena",
               False)
    elif v in ("minimum", "maximum"):
        yield ("PO210", path, f"'{field_name}' ska vara ett tal från "
               f"{schema.get('minimum', 0)}" + (f" till {schema['maximum']}" if "maximum" in schema
                                                 else " och uppåt"), False)
    else:  # pragma: no cover - every validator the schema uses is handled above
        # The library's own message is English; name the field and where to read more.
        yield ("PO200", path, f"'{field_name}' har ett värde som inte är tillåtet här – jämför med "
               "fältreferensen i guiden", False)


def _example(schema: dict[str, Any]) -> str:
    items = schema.get("items", {})
    enum = items.get("enum") if isinstance(items, dict) else None
    return enum[0] if enum else "..."
