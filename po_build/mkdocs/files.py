"""Which files MkDocs publishes: the plugin's part of `on_files`.

Report, yearly-report and vocabulary sources are data, not pages: they leave MkDocs' file
collection, and only the projection's pages take their place. An attachment is published
only when a visible report uses it, so a draft's letter never reaches the public site. Every
file copied from content/ as it is (attachments and the rest) is published through
outputs/attachments.public_bytes: images without their metadata, PDFs without theirs, decided by
the content. Files named _... or .... are never published. The form at /admin/ is
generated at every build, so it follows the vocabulary.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from po_build.contract.layout import ATTACHMENT_DIR, REPORT_DIR, VOCABULARY_FILE, YEAR_DIR, is_ignored
from po_build.outputs.attachments import UncleanFile, public_bytes, referenced_in
from po_build.outputs.cms.files import DecapMissing, admin_files
from po_build.outputs.cms.options import FormOptions
from po_build.outputs.pages import PageSpec
from po_build.project.projection import Projection

CSS_PATH = "assets/po/po.css"
JS_PATH = "assets/po/po.js"
REPORT_CSS_PATH = "assets/po/arsrapport.css"
ASSETS = (CSS_PATH, REPORT_CSS_PATH, JS_PATH)


def used_attachments(p: Projection) -> set[str]:
    """Attachments a visible report lists or shows, as paths under docs_dir."""
    used = {a.url for r in p.reports for a in r.bilagor}
    for r in p.reports:
        for section in r.sections:
            used |= {f"{ATTACHMENT_DIR}/{name}" for name in referenced_in(section.markdown)}
    return used


def is_source(src_uri: str) -> bool:
    """A file the plugin reads as data and MkDocs must never publish as it is."""
    parts = PurePosixPath(src_uri).parts
    return bool(parts) and (parts[0] in (REPORT_DIR, YEAR_DIR) or src_uri == VOCABULARY_FILE)


def published_files(files: Files, config: MkDocsConfig, p: Projection) -> Files:
    """MkDocs' own files without sources, unused attachments and ignored files; every file from
    content/ that is copied as it is goes through public_bytes (images and PDFs cleaned)."""
    used = used_attachments(p)
    docs_dir = Path(config.docs_dir).resolve()
    kept: list[File] = []
    for f in files:
        parts = PurePosixPath(f.src_uri).parts
        if not parts:
            kept.append(f)
            continue
        unused_attachment = parts[0] == ATTACHMENT_DIR and f.src_uri not in used
        if is_source(f.src_uri) or unused_attachment or is_ignored(PurePosixPath(f.src_uri)):
            continue
        from_content = f.abs_src_path is not None and Path(f.src_dir or "").resolve() == docs_dir
        if from_content and not f.is_documentation_page():
            try:
                content = public_bytes(Path(f.abs_src_path or ""))
            except (UncleanFile, OSError) as err:
                raise PluginError(f"po: {f.src_uri}: {err}") from None
            # mkdocs.yml keeps bilagor/ out of the engine's own files (exclude_docs), so that an
            # engine without this plugin publishes none: a used one is ours to include.
            inclusion = InclusionLevel.INCLUDED if parts[0] == ATTACHMENT_DIR else f.inclusion
            f = File.generated(config, f.src_uri, content=content, inclusion=inclusion)
        kept.append(f)
    return Files(kept)


def add_pages(files: Files, config: MkDocsConfig, specs: list[PageSpec]) -> None:
    """Generated pages as ordinary pages outside the navigation (as Material's blog adds posts)."""
    for spec in specs:
        files.append(File.generated(config, spec.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV))


def add_assets(files: Files, config: MkDocsConfig, only: tuple[str, ...] = ASSETS) -> None:
    for target in only:
        source = resources.files("po_build").joinpath("assets", target.rsplit("/", 1)[1])
        files.append(File.generated(config, target, content=source.read_bytes(), inclusion=InclusionLevel.INCLUDED))


def add_data(files: Files, config: MkDocsConfig, data: dict[str, bytes]) -> None:
    # Included outright: a feed or data file under an excluded folder is still ours to publish.
    for path, content in data.items():
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.INCLUDED))


def add_form(files: Files, config: MkDocsConfig, p: Projection, options: FormOptions,
             organisation: str) -> tuple[str, bool] | None:
    """The form's files under admin/; without Decap installed, (message, whether it is a mistake).

    A repository with a package.json wants the form, so a missing `npm ci` there is a
    mistake worth a warning; elsewhere the site is simply built without the form.
    """
    root = Path(config.config_file_path).parent
    try:
        favicon = config.theme.get("favicon") or ""
        form = admin_files(p.vocabulary, options, organisation, config.site_url or "", root,
                           Path(config.docs_dir), favicon if isinstance(favicon, str) else "")
    except DecapMissing as err:
        return str(err), (root / "package.json").is_file()
    add_data(files, config, form)
    return None
