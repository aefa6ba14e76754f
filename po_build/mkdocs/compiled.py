"""While serving: the theme's templates are compiled once, not again on every save.

MkDocs makes a new Jinja environment for the theme at every build, so every save parses
and compiles Material's templates again (main.html, base.html and its partials) before the
first page is rendered: a good tenth of a second of each save at a thousand reports, the
same for any site. Jinja's own bytecode cache keeps the compiled code between builds, in
memory: it is looked up by the template's name and file and used only when the checksum of
the template's source is the one it was compiled from, so an edited template (overrides/)
is compiled again. Compiled code also depends on the environment's settings (its syntax,
extensions, filters and tests), so a cache belongs to one set of them.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecode(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it when the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


def _name(value: Any) -> str:
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"


def settings_of(env: Environment) -> tuple[Any, ...]:
    """What the compiled code of a template depends on besides its source."""
    return (
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
        env.is_async, _name(env.finalize) if env.finalize else None,
        _name(env.autoescape) if callable(env.autoescape) else env.autoescape,
        tuple(sorted(env.extensions)), tuple(sorted(env.filters)), tuple(sorted(env.tests)),
        type(env).__qualname__, env.code_generator_class.__qualname__, env.template_class.__qualname__,
    )


class CompiledTemplates:
    """A bytecode cache per set of environment settings, kept by the plugin while serving
    (the pages' environment and the plain ones the search plugin makes differ in filters)."""

    _MOST = 8  # sets of settings kept; more means something makes new ones at every build

    def __init__(self) -> None:
        self._caches: dict[tuple[Any, ...], MemoryBytecode] = {}

    def use_in(self, env: Environment) -> None:
        settings = settings_of(env)
        cache = self._caches.get(settings)
        if cache is None:
            if len(self._caches) >= self._MOST:
                self._caches.clear()
            self._caches[settings] = cache = MemoryBytecode()
        env.bytecode_cache = cache
