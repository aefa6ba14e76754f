"""The `po` plugin's options in mkdocs.yml, each checked when MkDocs reads its configuration.

MkDocs' own option types answer a mistake in English ("Expected type: <class 'int'>"), and
some mistakes would only surface later as a traceback (`per_sida: 0`, `idag: igår`). These
options check the value themselves and say in Swedish what is wrong and what to write.

MkDocs wraps an option's message in its own English frame ("Config value 'plugins': Plugin
'po' option 'per_sida': ..." and "Aborted with a configuration error!"). The plugin's
`load_config` (the hook MkDocs validates a plugin's options through, at the same moment)
hands the errors to `config_errors` instead, which says them in Swedish, with where they
stand in mkdocs.yml; an unknown option (a typo such as `per_side:`, which MkDocs would only
warn about, leaving the default in force) is an error too, with the nearest option named.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Generic, TypeVar

from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from po_build.contract.options import POSITIVE_SELECTIONS, PositiveSelection
from po_build.load.text import first_invisible
from po_build.model.problems import did_you_mean
from po_build.outputs.accessibility import AccessibilitySettings, accessibility_settings
from po_build.outputs.cms.options import FormOptions, FormOptionsError

T = TypeVar("T")


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


class _Option(BaseConfigOption[T], Generic[T]):
    def __init__(self, default: T) -> None:
        super().__init__()
        self.default = default


class Text(_Option[str]):
    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"ska vara en text, t.ex. \"{self.default or 'Personligt ombud'}\", "
                                  f"inte {_shown(value)}")
        # The organisation's name stands on every page: no character that hides or turns text.
        bad = first_invisible(value)
        if bad is not None:
            raise ValidationError(f"innehåller ett osynligt tecken (U+{ord(bad[2]):04X}) som kan dölja text eller "
                                  "vända den baklänges – skriv om texten")
        return value


class Switch(_Option[bool]):
    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(f"ska vara true eller false, inte {_shown(value)}")
        return value


class Count(_Option[int]):
    """A whole number with a lower limit."""

    def __init__(self, default: int, minimum: int) -> None:
        super().__init__(default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"ska vara ett heltal, t.ex. {self.default}, inte {_shown(value)}")
        if value < self.minimum:
            raise ValidationError(f"ska vara {self.minimum} eller mer (normalt {self.default}), inte {value}")
        return value


def parse_day(value: object) -> date:
    """A day from mkdocs.yml (YAML reads 2026-03-14 as a date) or from an environment variable."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"ska vara ett datum ÅÅÅÅ-MM-DD, t.ex. 2026-03-14, inte {_shown(value)}")


class Day(_Option["date | None"]):
    def run_validation(self, value: object) -> date | None:
        if value is None:
            return None
        try:
            return parse_day(value)
        except ValueError as err:
            raise ValidationError(str(err)) from None


class Positive(_Option[PositiveSelection]):
    def run_validation(self, value: object) -> PositiveSelection:
        for choice in POSITIVE_SELECTIONS:
            if value == choice:
                return choice
        raise ValidationError(f"ska vara {' eller '.join(POSITIVE_SELECTIONS)}, inte {_shown(value)}")


class Accessibility(_Option["dict[str, Any]"]):
    """The accessibility statement's settings: checked here, used when the page is made."""

    def run_validation(self, value: object) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError("ska vara en grupp av inställningar (ansvarig:, epost:, bedomning: ...)")
        try:
            accessibility_settings(value, "")
        except ValueError as err:
            raise ValidationError(str(err)) from None
        return value


class Form(_Option[FormOptions]):
    """The form at /admin/ (outputs/cms/): where submissions go and how ombud sign in."""

    def run_validation(self, value: object) -> FormOptions:
        if value is None:
            return FormOptions()
        if isinstance(value, FormOptions):  # the default, when mkdocs.yml has no formular:
            return value
        if not isinstance(value, dict):
            raise ValidationError("ska vara en grupp av inställningar (backend:, arkiv:, gren: ...), "
                                  "t.ex. backend: github och arkiv: organisationen/webbplatsen")
        try:
            return FormOptions.from_dict(value)
        except FormOptionsError as err:
            raise ValidationError(str(err)) from None


class PoConfig(Config):
    organisation = Text("Personligt ombud")
    region = Text("")
    minsta_antal = Count(3, minimum=1)  # small numbers: counts below this are not shown
    intern = Switch(False)
    per_sida = Count(50, minimum=1)
    pdf = Switch(True)
    cache = Switch(True)  # keep PDFs and charts in .cache/po-build/ between builds (load/store.py)
    idag = Day(None)  # the build's "today", for reproducible builds and tests
    positiva = Positive("alla")  # which positive events the yearly report shows
    tillganglighet = Accessibility({})
    formular = Form(FormOptions())
    licens = Text("CC0 1.0")  # the open data's licence, named on the open-data page and in index.json


def accessibility_of(config: PoConfig) -> AccessibilitySettings:
    return accessibility_settings(config.tillganglighet, config.organisation)


def config_errors(errors: list[tuple[str, Exception]], warnings: list[tuple[str, str]]) -> list[str]:
    """Swedish lines for what is wrong with the po options: each error, and each unknown option."""
    lines = [f"mkdocs.yml, plugins → po → {key}: {err}" for key, err in errors]
    known = [key for key, _ in PoConfig._schema]
    for key, _ in warnings:
        if key not in known:
            lines.append(f"mkdocs.yml, plugins → po: okänd inställning '{key}'{did_you_mean(key, known)} "
                         f"(de som finns är {', '.join(known)})")
    return lines


_YES, _NO = ("1", "true", "ja"), ("0", "false", "nej")


def apply_environment(config: PoConfig, environ: Mapping[str, str]) -> list[str]:
    """PO_INTERN, PO_PDF and PO_IDAG over the options (for `make intern`, `make serve`, tests),
    checked at the same moment as the options; Swedish lines for what is wrong."""
    lines: list[str] = []
    for name, key, meaning in (("PO_INTERN", "intern", True), ("PO_PDF", "pdf", False)):
        value = environ.get(name, "").strip().lower()
        if not value:
            continue
        if value not in _YES + _NO:
            lines.append(f"miljövariabeln {name} ska vara 1 eller 0 (ja eller nej), inte {_shown(environ[name])}")
        elif (value in _YES) == meaning:
            setattr(config, key, meaning)
    if config.idag is None and environ.get("PO_IDAG"):
        try:
            config.idag = parse_day(environ["PO_IDAG"])
        except ValueError as err:
            lines.append(f"miljövariabeln PO_IDAG {err}")
    return lines
