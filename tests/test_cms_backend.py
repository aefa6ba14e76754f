"""po-cms.js around Decap's git backends, run with Node against stand-ins for GitHub and GitLab.

The browser test reaches only Decap's local server; here the same wrapping of the GitHub
and GitLab backends is driven directly, with the config.yml the build writes: a new
report's file is named as `po ny` names it, an existing one keeps its name, the web
editor's templates are not listed, no picture comes from the git host, the id counts
the submissions still open, and nothing is written straight to the main branch.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from po_build.load.vocabulary import load_vocabulary
from po_build.model.problems import ProblemList
from po_build.outputs.cms.config import cms_config
from po_build.outputs.cms.options import FormOptions

ASSETS = Path(__file__).resolve().parents[1] / "po_build" / "outputs" / "cms" / "assets"

# A stand-in for window.CMS: it records what po-cms.js registers, and gives it backends
# whose methods answer like Decap's GitHub and GitLab backends.
_HARNESS = r"""
const fs = require("fs");
const [assets, input] = [process.argv[1], JSON.parse(fs.readFileSync(0, "utf8"))];
const registered = { widgets: {}, listeners: [], backends: {} };
function fakeBackend(name) {
  return { init: (config, options) => ({
    name, seen: [], options,
    authenticate() { return Promise.resolve({ login: "ombud", avatar_url: "https://avatars.example/1" }); },
    restoreUser(user) { return Promise.resolve({ ...user, avatar_url: "https://avatars.example/2" }); },
    entriesByFolder(folder) {
      return Promise.resolve([
        { file: { path: folder + "/2025/B-2025-001-ett.md" }, data: "" },
        { file: { path: folder + "/_mallar/brist.md" }, data: "" },
        { file: { path: folder + "/2025/.utkast.md" }, data: "" },
      ]);
    },
    allEntriesByFolder(folder) { return this.entriesByFolder(folder); },
    unpublishedEntries() {
      return Promise.resolve(["brister/2026/b-2025-030-telefon", "positiva/2026/p-2025-009-bra"]);
    },
    persistEntry(entry, options) { this.seen.push(entry.dataFiles.map(f => f.path)); return Promise.resolve(); },
    persistMedia(file) { this.direct.push(file.path); return Promise.resolve(); },
    deleteFiles(paths) { this.direct.push(...paths); return Promise.resolve(); },
    direct: [],
  }) };
}
for (const name of ["proxy", "github", "gitlab"]) registered.backends[name] = fakeBackend(name);
global.window = global;
window.CMS = {
  registerLocale() {}, getLocale() { return {}; },
  registerWidget(name, control) { registered.widgets[name] = control; },
  getWidget() { return { control: function () {}, preview: function () {} }; },
  registerEventListener(listener) { registered.listeners.push(listener); },
  getBackend(name) { return registered.backends[name]; },
  registerPreviewTemplate() {}, registerPreviewStyle() {}, init() {},
};
window.h = () => null;
window.createClass = (spec) => spec;
window.addEventListener = () => {};
require(assets + "/po-slug.js");
require(assets + "/po-cms.js");

const immutable = (data) => ({
  get: (k) => data[k],
  set: (k, v) => immutable({ ...data, [k]: v }),
  filter: (f) => immutable(Object.fromEntries(Object.entries(data).filter(([k, v]) => f(v, k)))),
});
(async () => {
  const out = {};
  for (const name of ["github", "gitlab"]) {
    const backend = registered.backends[name].init(input.config, { useWorkflow: true });
    const user = await backend.authenticate({});
    const restored = await backend.restoreUser({ login: "ombud" });
    const listed = (await backend.entriesByFolder("content/brister", "md", 2)).map(e => e.file.path);
    const all = (await backend.allEntriesByFolder("content/brister", "md", 2)).map(e => e.file.path);
    // preSave (Decap calls it before the backend) gives the id and the rubrik.
    const entry = { get: (k) => (k === "collection" ? "brister" : immutable(input.data)) };
    registered.listeners.find(l => l.name === "preSave").handler({ entry });
    const decapName = "content/brister/2026/" + input.data.id.toLowerCase() +
      "-telefontiden-hos-kundtjansten-racker-int.md";
    await backend.persistEntry({ dataFiles: [{ path: decapName, raw: "" }] },
                               { newEntry: true, collectionName: "brister" });
    await backend.persistEntry({ dataFiles: [{ path: "content/brister/2025/B-2025-003-gammal.md", raw: "" }] },
                               { newEntry: false, collectionName: "brister" });
    // What Decap would write straight to the main branch: refused, with the reason.
    const refused = [];
    for (const call of [() => backend.persistMedia({ path: "content/bilagor/brev.pdf" }, {}),
                        () => backend.deleteFiles(["content/bilagor/brev.pdf"], "Borttagen bilaga"),
                        () => backend.deleteFiles(["content/brister/2025/B-2025-001-ett.md"], "Borttagen")]) {
      refused.push(await call().then(() => "sparades", (err) => err.message));
    }
    out[name] = { user, restored, listed, all, saved: backend.seen, options: backend.options, refused,
                  direct: backend.direct };
  }
  // The id widget: the next number counts the main branch and the open submissions.
  const field = immutable({ prefix: "B", samling: "brister", "mönster": "^B-[0-9]{4}-[0-9]{3,4}$" });
  const chosen = [];
  const control = Object.create(registered.widgets["po-id"]);
  control.state = control.getInitialState();
  control.setState = (s) => Object.assign(control.state, s);
  control.props = {
    field, forID: "id-field-1", value: "", onChange: (v) => chosen.push(v),
    entry: immutable({ newRecord: true, data: immutable({ datum: "2025-05-10" }) }),
    query: () => Promise.resolve({ payload: { hits: input.onMain.map(id => ({ data: { id } })) } }),
  };
  control.componentDidMount();
  await new Promise(resolve => setTimeout(resolve, 50));
  process.stdout.write(JSON.stringify({ backends: out, chosen }));
})();
"""


def _run(config: dict[str, Any], data: dict[str, Any], on_main: list[str]) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js saknas: make test installerar det (formuläret och decap-server behöver det)")
    given = json.dumps({"config": config, "data": data, "onMain": on_main})
    done = subprocess.run([node, "-e", _HARNESS, str(ASSETS)], input=given, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    vocab = load_vocabulary(None, "vokabular.yml", ProblemList("vokabular.yml"))
    config = cms_config(vocab, FormOptions(arkiv="po-norr/rapporter"))
    data = {"id": "B-2025-031", "typ": "brist", "rubrik": "Telefontiden hos kundtjänsten räcker inte för klienterna"}
    return _run(config, data, ["B-2025-004", "B-2025-012", "B-2024-040", "P-2025-050"])


@pytest.mark.parametrize("host", ["github", "gitlab"])
def test_a_new_file_is_named_as_po_ny_names_it(result: dict[str, Any], host: str) -> None:
    new, old = result["backends"][host]["saved"]
    assert new == ["content/brister/2025/B-2025-031-telefontiden-hos-kundtjansten-racker-inte-for.md"]
    assert old == ["content/brister/2025/B-2025-003-gammal.md"]  # an existing file keeps its name


@pytest.mark.parametrize("host", ["github", "gitlab"])
def test_templates_and_hidden_files_are_not_listed(result: dict[str, Any], host: str) -> None:
    assert result["backends"][host]["listed"] == ["content/brister/2025/B-2025-001-ett.md"]
    assert result["backends"][host]["all"] == ["content/brister/2025/B-2025-001-ett.md"]


@pytest.mark.parametrize("host", ["github", "gitlab"])
def test_no_picture_from_the_git_host(result: dict[str, Any], host: str) -> None:
    assert result["backends"][host]["user"] == {"login": "ombud"}
    assert result["backends"][host]["restored"] == {"login": "ombud"}


def test_the_id_counts_the_open_submissions(result: dict[str, Any]) -> None:
    # Highest on main for 2025 is B-2025-012; an open submission has B-2025-030.
    assert result["chosen"] == ["B-2025-031"]


@pytest.mark.parametrize("host", ["github", "gitlab"])
def test_a_saved_report_waits_for_review_not_as_a_draft(result: dict[str, Any], host: str) -> None:
    assert result["backends"][host]["options"] == {"useWorkflow": True, "initialWorkflowStatus": "pending_review"}


@pytest.mark.parametrize("host", ["github", "gitlab"])
def test_nothing_is_written_straight_to_the_main_branch(result: dict[str, Any], host: str) -> None:
    # Decap's media library and its deletion of a merged report commit to the main branch
    # even in the editorial workflow: the form refuses both and says what to do instead.
    upload, remove_file, remove_report = result["backends"][host]["refused"]
    assert upload.startswith("Filer sparas inte här") and "pull request" in upload
    assert remove_file == upload
    assert remove_report.startswith("En rapport som redan är inlagd i arkivet tas inte bort i formuläret")
    assert result["backends"][host]["direct"] == []
