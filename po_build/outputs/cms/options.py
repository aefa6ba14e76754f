"""The settings under `formular:` for the po plugin in mkdocs.yml: where submissions go.

Checked when MkDocs reads its configuration (mkdocs/config.py), so a mistake stops the
build at once with a Swedish message, before any page is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from po_build.model.problems import did_you_mean

LOCAL_SERVER = "http://localhost:8081/api/v1"  # decap-server's own default
BACKENDS = ("github", "gitlab")

_EXAMPLES = {"backend": "github", "arkiv": "po-exempellan/webbplats", "gren": "main",
             "inloggning": "https://inloggning.example.org", "app_id": "det långa id:t från GitLab",
             "gitlab": "https://gitlab.example.org", "lokal_server": LOCAL_SERVER}


class FormOptionsError(ValueError):
    """A setting under `formular:` in mkdocs.yml is wrong; the message is Swedish."""


@dataclass(frozen=True)
class FormOptions:
    """The settings under `formular:` for the po plugin in mkdocs.yml."""

    backend: str = "github"
    arkiv: str = ""  # owner/name on GitHub or GitLab
    gren: str = "main"
    inloggning: str = ""  # GitHub: the address of the OAuth helper (Decap's base_url)
    app_id: str = ""  # GitLab: the application id for sign-in with PKCE
    gitlab: str = ""  # GitLab's address, when it is not gitlab.com
    lokal_server: str = LOCAL_SERVER

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> FormOptions:
        data = dict(data or {})
        known = [f.name for f in fields(cls)]
        unknown = [k for k in data if k not in known]
        if unknown:
            raise FormOptionsError(f"okänd inställning '{unknown[0]}'{did_you_mean(unknown[0], known)} "
                                   f"(de som finns är {', '.join(known)})")
        for key, value in data.items():
            if not isinstance(value, str):
                raise FormOptionsError(f"{key} ska vara en text, t.ex. {key}: {_EXAMPLES.get(key, '...')}")
        options = cls(**{k: v.strip() for k, v in data.items()})
        if options.backend not in BACKENDS:
            raise FormOptionsError(
                f"backend ska vara github eller gitlab, inte '{options.backend}'"
            )
        if options.arkiv and not re.fullmatch(r"[\w.-]+(/[\w.-]+)+", options.arkiv):
            raise FormOptionsError(
                f"arkiv ska skrivas som ägare/namn, t.ex. po-exempellan/webbplats, inte '{options.arkiv}'"
            )
        return options
