"""Read what the `po` command needs from mkdocs.yml, without MkDocs' full machinery.

MkDocs files often carry tags such as `!!python/name:` or `!ENV`; we only want
`docs_dir` and the plugin's settings, so unknown tags are read as nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class ConfigFileError(Exception):
    """mkdocs.yml cannot be read: the line (1-based, when known) and a Swedish reason with a fix."""

    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        where = f" (rad {self.line})" if self.line is not None else ""
        return f"mkdocs.yml går inte att läsa{where} – {self.reason}"


class _TolerantLoader(yaml.SafeLoader):
    pass


def _checked_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # YAML reads 2026-13-40 as a date and Python refuses it with an English ValueError and
    # no position; MkDocs' own loader crashes on it the same way, so say where and why here.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]  # node is a ScalarNode
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' är inget datum som finns – skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-14",
            node.start_mark) from None


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TolerantLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked_timestamp)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    """The file's settings, INHERIT followed; ConfigFileError (in Swedish) when it cannot be read."""
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line = mark.line + 1 if mark is not None else None
        if isinstance(err, yaml.constructor.ConstructorError) and err.problem and "ÅÅÅÅ" in err.problem:
            raise ConfigFileError(line, err.problem) from None
        raise ConfigFileError(line, "se över indrag och kolon på raden och raden före") from None
    except yaml.YAMLError:
        raise ConfigFileError(None, "se över indrag och kolon") from None
    except UnicodeDecodeError:
        raise ConfigFileError(None, "filen är inte sparad som UTF-8 – spara den som UTF-8 i din editor") from None
    except OSError as err:
        raise ConfigFileError(None, f"filen kan inte öppnas ({err.strerror or 'okänt fel'})") from None
    if not isinstance(data, dict):
        return {}
    inherit = data.get("INHERIT")
    if isinstance(inherit, str):
        parent = read_mkdocs_config(path.parent / inherit)
        parent.update(data)
        data = parent
    return dict(data)


def docs_dir_of(config_file: Path) -> Path:
    config = read_mkdocs_config(config_file)
    return (config_file.parent / str(config.get("docs_dir", "docs"))).resolve()


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return dict(plugins.get("po") or {})
    for entry in plugins:
        if isinstance(entry, dict) and "po" in entry:
            return dict(entry["po"] or {})
    return {}
