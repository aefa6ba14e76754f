"""The `po` plugin's options in mkdocs.yml, each checked when MkDocs reads its configuration.

MkDocs' own option types answer a mistake in English ("Expected type: <class 'int'>"), and
some mistakes would only surface later as a traceback (`per_sida: 0`, `idag: igår`). These
options check the value themselves and say in Swedish what is wrong and what to write.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from po_build.contract.options import POSITIVE_SELECTIONS, PositiveSelection
from po_build.outputs.accessibility import AccessibilitySettings, accessibility_settings

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


def accessibility_of(config: PoConfig) -> AccessibilitySettings:
    return accessibility_settings(config.tillganglighet, config.organisation)
