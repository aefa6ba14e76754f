"""po-build: a static-site generator for personligt ombud organisations.

The public API is what an organisation's own scripts and other tools may rely on; every
other name is internal and may move between versions. Names are loaded on first use, so
`import po_build` stays cheap (`po check` never loads the PDF or chart libraries).

    from po_build import check_tree
    from po_build.project.projection import project  # `po_build.project` is the stage's package

    result = check_tree(Path("content"))
    site = project(result.content, "public", organisation="Personliga ombud Exempellän")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name → module that defines it
_API: dict[str, str] = {
    "check_tree": "po_build.check.tree",
    "Result": "po_build.check.result",
    "Problem": "po_build.model.problems",
    "Content": "po_build.model.records",
    "Report": "po_build.model.records",
    "YearReport": "po_build.model.records",
    "Vocabulary": "po_build.contract.vocabulary",
    "load_vocabulary": "po_build.load.vocabulary",
    "builtin_vocabulary": "po_build.load.vocabulary",
    "build_schema": "po_build.contract.schema",
    "CODES": "po_build.contract.codes",
    "scan_text": "po_build.check.privacy.scan",
    "Finding": "po_build.check.privacy.findings",
    "Projection": "po_build.project.projection",
    "ReportView": "po_build.project.projection",
    "year_stats": "po_build.project.stats",
    "build_pages": "po_build.outputs.registry",
    "PageSpec": "po_build.outputs.pages",
    "PageSettings": "po_build.outputs.pages",
    "open_data_files": "po_build.outputs.opendata.registry",
    "feed_files": "po_build.outputs.feeds",
    "slugify": "po_build.model.slug",
}

__all__ = [
    "CODES",
    "Content",
    "Finding",
    "PageSettings",
    "PageSpec",
    "Problem",
    "Projection",
    "Report",
    "ReportView",
    "Result",
    "Vocabulary",
    "YearReport",
    "__version__",
    "build_pages",
    "build_schema",
    "builtin_vocabulary",
    "check_tree",
    "feed_files",
    "load_vocabulary",
    "open_data_files",
    "scan_text",
    "slugify",
    "year_stats",
]

if TYPE_CHECKING:
    from po_build.check.privacy.findings import Finding
    from po_build.check.privacy.scan import scan_text
    from po_build.check.result import Result
    from po_build.check.tree import check_tree
    from po_build.contract.codes import CODES
    from po_build.contract.schema import build_schema
    from po_build.contract.vocabulary import Vocabulary
    from po_build.load.vocabulary import builtin_vocabulary, load_vocabulary
    from po_build.model.problems import Problem
    from po_build.model.records import Content, Report, YearReport
    from po_build.model.slug import slugify
    from po_build.outputs.feeds import feed_files
    from po_build.outputs.opendata.registry import open_data_files
    from po_build.outputs.pages import PageSettings, PageSpec
    from po_build.outputs.registry import build_pages
    from po_build.project.projection import Projection, ReportView
    from po_build.project.stats import year_stats


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'po_build' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
