"""The form at /admin/: its config comes from the schema and the vocabulary, the built site
carries it with Decap's own script, and a clash of ids between branches is caught."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from po_build.cli.clash import find_clashes
from po_build.contract.schema import build_schema
from po_build.contract.sections import HINTS, SECTIONS
from po_build.load.vocabulary import load_vocabulary
from po_build.model.problems import ProblemList
from po_build.outputs.cms.config import cms_config
from po_build.outputs.cms.files import content_security_policy
from po_build.outputs.cms.options import FormOptions, FormOptionsError

REPO = Path(__file__).resolve().parents[1]
SAMPLE_VOCABULARY = REPO / "content" / "vokabular.yml"


def _vocab(path: Path | None = SAMPLE_VOCABULARY) -> Any:
    return load_vocabulary(path, "vokabular.yml", ProblemList("vokabular.yml"))


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def _field(collection: dict[str, Any], name: str) -> dict[str, Any]:
    return next(f for f in collection["fields"] if f["name"] == name)


@pytest.mark.parametrize(("kind", "name"), [("brist", "brister"), ("positiv", "positiva")])
def test_every_field_of_the_schema_is_in_the_form_in_order(kind: str, name: str) -> None:
    vocab = _vocab()
    schema = build_schema(vocab)["$defs"][kind]
    collection = _collection(cms_config(vocab, FormOptions()), name)
    names = [f["name"] for f in collection["fields"]]
    assert names == [*schema["properties"], "body"]
    for field in collection["fields"][:-1]:
        if field["widget"] == "hidden":
            assert field["default"] == kind  # typ
            continue
        assert field["required"] is (field["name"] in schema["required"]), field["name"]
        assert field["label"][:1].isupper()
        description = schema["properties"][field["name"]].get("description", "")
        assert description in field.get("hint", ""), field["name"]
    assert collection["folder"] == "content/brister"
    assert collection["filter"] == {"field": "typ", "value": kind}
    assert collection["format"] == "frontmatter" and collection["extension"] == "md"
    assert collection["delete"] is False  # Decap would delete a merged report on the main branch directly
    # The sections of the body, with `po ny`'s own hints under the headings.
    body = collection["fields"][-1]
    assert body["widget"] == "po-avsnitt"
    assert [(s["rubrik"], s["krävs"]) for s in body["avsnitt"]] == SECTIONS[kind]
    assert all(s["hjälp"] == HINTS[s["rubrik"]] for s in body["avsnitt"])


def test_choices_come_from_the_merged_vocabulary() -> None:
    vocab = _vocab()
    brister = _collection(cms_config(vocab, FormOptions()), "brister")
    for name, terms in [("nivå", vocab.levels), ("allvarlighet", vocab.severities), ("status", vocab.statuses),
                        ("aktörer", vocab.actors), ("områden", vocab.areas), ("kategorier", vocab.categories)]:
        field = _field(brister, name)
        assert [o["value"] for o in field["options"]] == list(terms), name
        assert next(o["label"] for o in field["options"]).startswith(next(iter(terms.values())).namn)
    # The organisation's own words (content/vokabular.yml) are there.
    assert {"label": "Bostadsbolaget Exempelhem", "value": "exempelhem"} in _field(brister, "aktörer")["options"]
    assert {"label": "Bäckeby kommun", "value": "backeby"} in _field(brister, "områden")["options"]
    assert _field(brister, "kategorier")["multiple"] is True and _field(brister, "kategorier")["min"] == 1
    assert _field(brister, "kategorier")["nivåer"] == {c: list(t.nivåer) for c, t in vocab.categories.items()}
    assert _field(brister, "status")["default"] == "upptäckt"
    positiva = _collection(cms_config(vocab, FormOptions()), "positiva")
    assert [o["value"] for o in _field(positiva, "kategorier")["options"]] == list(vocab.positive_categories)


def test_a_word_added_to_the_vocabulary_is_in_the_form(tmp_path: Path) -> None:
    own = tmp_path / "vokabular.yml"
    own.write_text("områden:\n  nordanby: Nordanby kommun\naktörer:\n  tandvarden: Folktandvården\n", "utf-8")
    brister = _collection(cms_config(_vocab(own), FormOptions()), "brister")
    assert {"label": "Nordanby kommun", "value": "nordanby"} in _field(brister, "områden")["options"]
    assert {"label": "Folktandvården", "value": "tandvarden"} in _field(brister, "aktörer")["options"]
    assert "backeby" not in [o["value"] for o in _field(brister, "områden")["options"]]


def test_length_and_id_rules_are_the_schemas() -> None:
    vocab = _vocab()
    schema = build_schema(vocab)["$defs"]["brist"]["properties"]
    brister = _collection(cms_config(vocab, FormOptions()), "brister")
    pattern, message = _field(brister, "rubrik")["pattern"]
    assert re.search(r"[\s\S]*", message) and "10–120" in message
    rule = re.compile(pattern)
    assert rule.fullmatch("x" * schema["rubrik"]["minLength"])
    assert rule.fullmatch("x" * schema["rubrik"]["maxLength"])
    assert not rule.fullmatch("x" * (schema["rubrik"]["minLength"] - 1))
    assert not rule.fullmatch("x" * (schema["rubrik"]["maxLength"] + 1))
    assert not rule.fullmatch(" " * 12)  # spaces alone are no headline (PO205)
    assert not rule.fullmatch("  kort text ")
    assert _field(brister, "id")["mönster"] == schema["id"]["pattern"]
    assert _field(brister, "id")["prefix"] == "B"
    for name in ("datum", "publicerad"):
        field = _field(brister, name)
        assert field["widget"] == "datetime" and field["inte_framtid"] is True
        assert (field["format"], field["date_format"], field["time_format"]) == ("YYYY-MM-DD", "YYYY-MM-DD", False)
    assert _field(brister, "publicerad")["krävs_om"] == "publicera"
    assert _field(brister, "förekomster")["field"]["widget"] == "datetime"
    assert [f["name"] for f in _field(brister, "historik")["fields"]] == ["datum", "status", "text"]


def test_review_workflow_swedish_and_local_backend() -> None:
    config = cms_config(_vocab(), FormOptions(arkiv="po-norr/rapporter"))
    assert config["locale"] == "sv"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "po-norr/rapporter", "branch": "main"}
    assert config["local_backend"] == {"url": "http://localhost:8081/api/v1"}
    gitlab = cms_config(_vocab(), FormOptions(backend="gitlab", arkiv="po/rapporter", app_id="abc",
                                              gitlab="https://git.region.example"))["backend"]
    assert gitlab["auth_type"] == "pkce" and gitlab["app_id"] == "abc"
    assert gitlab["api_root"] == "https://git.region.example/api/v4"


def test_settings_are_checked_in_swedish() -> None:
    with pytest.raises(FormOptionsError, match="okänd inställning 'repo'"):
        FormOptions.from_dict({"repo": "a/b"})
    with pytest.raises(FormOptionsError, match="github eller gitlab"):
        FormOptions.from_dict({"backend": "bitbucket"})
    with pytest.raises(FormOptionsError, match="ägare/namn"):
        FormOptions.from_dict({"arkiv": "bara-ett-namn"})


def test_the_page_may_connect_only_to_the_git_host_and_the_local_server() -> None:
    policy = content_security_policy(FormOptions())
    assert "default-src 'self'" in policy and "script-src 'self' 'unsafe-eval'" in policy
    assert "connect-src 'self' https://api.github.com http://localhost:8081" in policy
    own = content_security_policy(FormOptions(backend="gitlab", gitlab="https://git.region.example"))
    assert "connect-src 'self' https://git.region.example http://localhost:8081" in own
    assert "https://gitlab.com" not in own


# --- the built site -----------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample site with one more area in its vocabulary, built without PDF."""
    root = tmp_path_factory.mktemp("formular")
    for name in ("content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    vocabulary = root / "content" / "vokabular.yml"
    vocabulary.write_text(vocabulary.read_text("utf-8").replace(
        "  granasa: Granåsa kommun\n", "  granasa: Granåsa kommun\n  nyby: Nyby kommun\n"), "utf-8")
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins["po"].config.pdf = False
    build(config)
    return root / "site"


def test_the_built_site_has_the_form_with_its_own_script_only(built: Path) -> None:
    page = (built / "admin" / "index.html").read_text("utf-8")
    assert '<html lang="sv">' in page and 'name="robots" content="noindex' in page
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert scripts == ["po-forst.js", "decap-cms.js", "po-slug.js", "po-cms.js"]
    for src in [*scripts, *re.findall(r'href="([^"]+)"', page)]:
        assert "//" not in src and (built / "admin" / src).is_file(), src
    assert "Content-Security-Policy" in page
    assert (built / "admin" / "decap-cms.js").stat().st_size > 1_000_000
    assert not list((built / "admin").glob("*.map"))
    assert not list((built / "admin").glob("cms.js"))


def test_the_built_config_follows_the_vocabulary_file(built: Path) -> None:
    config = yaml.safe_load((built / "admin" / "config.yml").read_text("utf-8"))
    assert config["locale"] == "sv" and config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["repo"] == "po-exempellan/webbplats"
    areas = _field(_collection(config, "brister"), "områden")["options"]
    assert {"label": "Nyby kommun", "value": "nyby"} in areas


def test_the_form_is_no_page_of_the_site(built: Path) -> None:
    sitemap = (built / "sitemap.xml").read_text("utf-8")
    assert "/admin/" not in sitemap
    search = json.loads((built / "search" / "search_index.json").read_text("utf-8"))
    assert not [d["location"] for d in search["docs"] if d["location"].startswith("admin/")]


def test_a_wrong_setting_stops_the_build_when_mkdocs_reads_it(tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    for name in ("overrides", "content"):
        (tmp_path / name).mkdir()
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    for wrong, said in [("      backend: svn\n", "backend ska vara github eller gitlab, inte 'svn'"),
                        ("      repo: a/b\n", "okänd inställning 'repo' (de som finns är backend, arkiv"),
                        ("      bakend: github\n", "okänd inställning 'bakend' – menade du 'backend'?"),
                        ("      lokal_server: 8081\n", "lokal_server ska vara en text, t.ex. lokal_server: http://")]:
        (tmp_path / "mkdocs.yml").write_text(text.replace("      backend: github\n", wrong), "utf-8")
        caplog.clear()
        with pytest.raises(Abort):
            load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        assert f"po: mkdocs.yml, plugins → po → formular: {said}" in caplog.text


def test_a_site_without_form_settings_gets_the_defaults(tmp_path: Path) -> None:
    # A mkdocs.yml from before the form (or po init's, untouched) builds as before.
    for name in ("overrides", "content"):
        (tmp_path / name).mkdir()
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    start = text.index("    formular:\n")
    end = text.index("      gren: main\n", start) + len("      gren: main\n")
    (tmp_path / "mkdocs.yml").write_text(text[:start] + text[end:], "utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    assert config.plugins["po"].config.formular == FormOptions()


# --- two submissions with the same id -----------------------------------------------


def _git(root: Path, *args: str, when: str | None = None) -> None:
    env = {"GIT_AUTHOR_NAME": "Ombud", "GIT_AUTHOR_EMAIL": "ombud@exempel.invalid",
           "GIT_COMMITTER_NAME": "Ombud", "GIT_COMMITTER_EMAIL": "ombud@exempel.invalid",
           "PATH": "/usr/bin:/bin"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def _report(root: Path, name: str) -> None:
    path = root / "content" / "brister" / "2025" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nid: {name[:10]}\n---\n", "utf-8")


def test_the_later_of_two_submissions_with_one_id_is_told_the_next_free_number(tmp_path: Path) -> None:
    root = tmp_path / "arkiv"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    _report(root, "B-2025-001-forsta.md")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "start", when="2025-06-01T10:00:00")
    content = root / "content"
    _git(root, "switch", "-qc", "cms/brister/2025/anna")
    _report(root, "B-2025-002-telefontiden.md")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Anna", when="2025-06-02T10:00:00")
    _git(root, "switch", "-q", "main")
    _git(root, "switch", "-qc", "cms/brister/2025/bo")
    _report(root, "B-2025-002-bostadsstod.md")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Bo", when="2025-06-03T10:00:00")

    # Bo came last: he is told the next number free on every branch, and how to change it.
    problems = find_clashes(content, "main")
    assert [p.code for p in problems] == ["PO327"]
    message = problems[0].message
    assert "B-2025-002-telefontiden.md" in message and "cms/brister/2025/anna" in message
    assert "'id: B-2025-003'" in message and "B-2025-003-bostadsstod.md" in message
    assert problems[0].path.endswith("content/brister/2025/B-2025-002-bostadsstod.md")

    # Anna was first: her submission keeps the number.
    _git(root, "switch", "-q", "cms/brister/2025/anna")
    assert find_clashes(content, "main") == []

    # Once Anna's is merged, a third one with her number clashes with the main branch.
    _git(root, "switch", "-q", "main")
    _git(root, "merge", "-q", "--ff-only", "cms/brister/2025/anna")
    _git(root, "switch", "-qc", "cms/brister/2025/cilla")
    _report(root, "B-2025-002-tolk.md")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Cilla", when="2025-06-01T09:00:00")
    problems = find_clashes(content, "main")
    assert len(problems) == 1 and "på main" in problems[0].message
    assert "B-2025-003" in problems[0].message


def test_no_clash_for_a_changed_report_or_outside_git(tmp_path: Path) -> None:
    root = tmp_path / "arkiv"
    root.mkdir()
    _report(root, "B-2025-001-forsta.md")
    assert find_clashes(root / "content", None) == []
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "start")
    _git(root, "switch", "-qc", "andring")
    (root / "content" / "brister" / "2025" / "B-2025-001-forsta.md").write_text("---\nid: B-2025-001\n---\n\nmer\n")
    _git(root, "commit", "-qam", "ändrad")
    assert find_clashes(root / "content", "main") == []


def test_decap_is_read_again_only_when_one_of_its_files_changed(tmp_path: Path) -> None:
    """The preview makes the form on every save: Decap's megabytes are read once, and again when changed."""
    from po_build.outputs.cms import files as cms_files

    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "decap-cms.js").write_bytes(b"skript 1")
    (dist / "decap-cms.js.map").write_bytes(b"karta")
    (dist / "cms.js").write_bytes(b"samma skript")
    first = cms_files.decap_files(dist)
    assert first == {"decap-cms.js": b"skript 1"}
    again = cms_files.decap_files(dist)
    assert again == first and again["decap-cms.js"] is first["decap-cms.js"]  # not read again
    (dist / "decap-cms.js").write_bytes(b"skript 2, langre")
    (dist / "x.wasm").write_bytes(b"wasm")
    assert cms_files.decap_files(dist) == {"decap-cms.js": b"skript 2, langre", "x.wasm": b"wasm"}
    (dist / "x.wasm").unlink()
    assert cms_files.decap_files(dist) == {"decap-cms.js": b"skript 2, langre"}


def test_the_kept_yaml_is_always_that_of_the_settings_given() -> None:
    """config_yaml keeps its last dump (serve makes the same settings at every save): the same
    settings give the same text, other settings their own, and back again the first."""
    from po_build.outputs.cms.config import config_yaml

    vocab = _vocab()
    first = config_yaml(vocab, FormOptions(), "https://exempel.se/")
    other = config_yaml(vocab, FormOptions(), "https://annan.exempel.se/")
    assert "https://annan.exempel.se/" in other and "https://annan.exempel.se/" not in first
    assert config_yaml(vocab, FormOptions(), "https://exempel.se/") == first
    assert yaml.safe_load(first) == cms_config(vocab, FormOptions(), "https://exempel.se/")
