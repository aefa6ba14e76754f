"""While serving: the theme's environments, which MkDocs makes again at every build, made cheaply.

MkDocs makes a new Jinja environment for every build (Theme.get_env) and lists every file
of the theme's folders to find its static files (Files.add_files_from_theme). Material's
folder holds more than ten thousand files, most of them icons, and each is walked and
matched against MkDocs' patterns: a tenth of a second or more of every save, for any site.
Material's search plugin makes two more environments to translate its settings, and
compiles its language templates again in each.

Per server, therefore:

- The theme's installed folders (a package under site-packages: nobody edits it while the
  server runs) are listed once. A folder of the site's own (overrides/) is listed at every
  build, as before. Only MkDocs' own listing is answered from the list, and only with what
  its filter depends on unchanged (the theme's static templates and Markdown's file
  endings); any other call lists the folders as Jinja does.
- Every environment the theme makes gets the bytecode cache of compiled.py, so that the
  search plugin's templates are compiled once too.
"""

from __future__ import annotations

import os
import sysconfig
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, FileSystemLoader
from mkdocs import utils
from mkdocs.theme import Theme

from po_build.mkdocs.compiled import CompiledTemplates

# The filter that Files.add_files_from_theme hands to list_templates (MkDocs 1.6).
MKDOCS_FILTER = "Files.add_files_from_theme.<locals>.filter"


def installed(folder: str) -> bool:
    """A folder inside this Python's installed packages."""
    real = os.path.realpath(folder)
    roots = {os.path.realpath(sysconfig.get_paths()[key]) for key in ("purelib", "platlib")}
    return any(os.path.commonpath([real, root]) == root for root in roots)


class ThemeListing:
    """The names in the installed theme folders that MkDocs' filter keeps, kept per server."""

    def __init__(self) -> None:
        self._kept: dict[tuple[Any, ...], frozenset[str]] = {}

    def install(self, theme: Theme, compiled: CompiledTemplates) -> None:
        """Make theme.get_env give environments with the cache and the kept listing."""
        make = theme.get_env
        if getattr(make, "po_listing", None) is self:
            return
        listing = self

        def get_env() -> Environment:
            env = make()
            compiled.use_in(env)
            plain = env.list_templates

            def list_templates(extensions: Any = None, filter_func: Callable[[str], bool] | None = None) -> list[str]:
                return listing.names(env, theme, plain, extensions, filter_func)

            env.list_templates = list_templates  # type: ignore[method-assign]  # this environment only
            return env

        get_env.po_listing = self  # type: ignore[attr-defined]  # so that a second install is a no-op
        theme.get_env = get_env  # type: ignore[method-assign]  # this theme object only (one build's)

    def names(self, env: Environment, theme: Theme, plain: Callable[..., list[str]], extensions: Any,
              filter_func: Callable[[str], bool] | None) -> list[str]:
        loader = env.loader
        if (extensions is not None or filter_func is None or type(loader) is not FileSystemLoader
                or getattr(filter_func, "__qualname__", "") != MKDOCS_FILTER):
            return plain(extensions=extensions, filter_func=filter_func)
        fixed = [d for d in loader.searchpath if installed(d) and d != theme.custom_dir]
        own = [d for d in loader.searchpath if d not in fixed]
        key = (tuple(fixed), loader.followlinks, tuple(sorted(theme.static_templates)),
               tuple(utils.markdown_extensions))
        kept = self._kept.get(key)
        if kept is None:
            listed = FileSystemLoader(fixed, followlinks=loader.followlinks).list_templates()
            self._kept[key] = kept = frozenset(name for name in listed if filter_func(name))
        if not own:
            return sorted(kept)
        listed = FileSystemLoader(own, followlinks=loader.followlinks).list_templates()
        return sorted(kept | {name for name in listed if filter_func(name)})
