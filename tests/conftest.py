"""Hypothesis budgets: "ci" for `make test` (small, the same examples on every run),
"lång" for `make fuzz` (twenty times as many, new ones each run). Choose with the
environment variable HYPOTHESIS_PROFILE."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Builds in the tests keep their build cache (PDFs, charts, check verdicts) in a folder of
# the session's own: never in the repository's .cache/po-build/, never shared with a run
# before. A test that needs a cold build sets PO_CACHE=0 or a PO_CACHE_DIR of its own.
os.environ.setdefault("PO_CACHE_DIR", __import__("tempfile").mkdtemp(prefix="po-test-cache-"))

_COMMON = {
    "deadline": 2000,  # ms per example: a check that takes longer is a bug in itself
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
CI_EXAMPLES = 250

settings.register_profile("ci", max_examples=CI_EXAMPLES, derandomize=True, database=None, **_COMMON)
settings.register_profile("lång", max_examples=20 * CI_EXAMPLES, derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# --- the sample site, built once per test session -------------------------------------

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Everything under tests/browser/ is a browser test: `make test-snabb` leaves them out."""
    for item in items:
        if "browser" in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site as `make site` builds it, PDFs included: for tests that only read it."""
    site = tmp_path_factory.mktemp("exempelwebbplats") / "site"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NO_MKDOCS_2_WARNING", "1")
        for name in ("SOURCE_DATE_EPOCH", "PO_IDAG", "PO_INTERN", "PO_PDF"):
            mp.delenv(name, raising=False)
        build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site)))
    return site
