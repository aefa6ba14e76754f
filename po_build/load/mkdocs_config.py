"""Read what the `po` command needs from mkdocs.yml, without MkDocs' full machinery.

MkDocs files often carry tags such as `!!python/name:` or `!ENV`; we only want
`docs_dir` and the plugin's settings, so unknown tags are read as nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    pass


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader)
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
