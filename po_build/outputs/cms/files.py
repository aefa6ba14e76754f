"""Every file of the form under admin/: the page, config.yml, our widgets and Decap itself.

Decap's script is not fetched from a CDN: it is installed from the npm registry by
the repository's package.json and package-lock.json (`npm ci`), and copied from
node_modules into the built site, so the form loads nothing from another host. The
page's Content-Security-Policy says the same to the browser: scripts, styles,
fonts and images from the site itself, and connections only to the site, the
chosen git host's API and the local test server.
"""

from __future__ import annotations

import stat
from html import escape
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from po_build.contract.vocabulary import Vocabulary

from .config import CONTENT_DIR, config_yaml
from .options import FormOptions

ADMIN_DIR = "admin"
DECAP_PACKAGE = "decap-cms"
DECAP_SCRIPT = "decap-cms.js"
OWN_ASSETS = ("po-forst.js", "po-slug.js", "po-cms.js", "po-cms.css", "po-forhandsvisning.css")
# The hosts each backend talks to from the browser (API and sign-in token requests).
_BACKEND_HOSTS = {"github": ["https://api.github.com"], "gitlab": ["https://gitlab.com"]}


class DecapMissing(Exception):
    """node_modules/decap-cms is not installed; the message says what to run."""


# dist folder → the signature of the files read from it, and their bytes (decap_files).
_read: dict[Path, tuple[tuple[tuple[str, tuple[int, int, int]], ...], dict[str, bytes]]] = {}


def find_decap(start: Path) -> Path | None:
    """decap-cms/dist in node_modules next to mkdocs.yml or above it, else next to po-build's own source."""
    own_repo = Path(__file__).resolve().parents[3]
    for folder in [start.resolve(), *start.resolve().parents, own_repo]:
        dist = folder / "node_modules" / DECAP_PACKAGE / "dist"
        if (dist / DECAP_SCRIPT).is_file():
            return dist
    return None


def decap_files(dist: Path) -> dict[str, bytes]:
    """The main script, the chunks it loads on demand and its WebAssembly; no source maps.

    The dist folder has every file twice (cms.js and decap-cms.js, the same build under
    two names): only the decap-cms ones are needed. Read again only when one of them has
    changed (size, time, inode): the preview makes the form on every save, and reading
    the megabytes of Decap was most of that.
    """
    wanted: list[tuple[str, Path, tuple[int, int, int]]] = []
    for path in sorted(dist.iterdir()):
        name = path.name
        if name.endswith(".map") or name.startswith("cms.") or ".cms." in name:
            continue
        if not (name.endswith(("decap-cms.js", ".wasm")) or name == "decap-cms.js.LICENSE.txt"):
            continue
        try:
            info = path.stat()
        except OSError:
            continue  # a broken link: not a file, as before
        if stat.S_ISREG(info.st_mode):
            wanted.append((name, path, (info.st_size, info.st_mtime_ns, info.st_ino)))
    signature = tuple((name, seen) for name, _, seen in wanted)
    kept = _read.get(dist)
    if kept is not None and kept[0] == signature:
        return dict(kept[1])
    out = {name: path.read_bytes() for name, path, _ in wanted}
    _read[dist] = (signature, dict(out))
    return out


def content_security_policy(options: FormOptions) -> str:
    connect = ["'self'", *_backend_hosts(options)]
    local = urlsplit(options.lokal_server)
    if local.scheme and local.netloc:
        connect.append(f"{local.scheme}://{local.netloc}")
    # Decap compiles its config schema with ajv (new Function), and styles its interface
    # with CSS-in-JS: both need the two 'unsafe-' words. Neither lets in another host.
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src " + " ".join(connect),
        "frame-src 'self' blob:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def _backend_hosts(options: FormOptions) -> list[str]:
    if options.backend == "gitlab" and options.gitlab:
        parts = urlsplit(options.gitlab)
        return [f"{parts.scheme}://{parts.netloc}"]
    return _BACKEND_HOSTS[options.backend]


def admin_page(organisation: str, options: FormOptions, favicon: str = "") -> str:
    """The page at /admin/; `favicon` is the site's icon from the top of the site, if it has one."""
    title = f"Formulär för rapporter – {organisation}" if organisation else "Formulär för rapporter"
    icon = f'<link rel="icon" href="../{escape(favicon.lstrip("/"))}">\n' if favicon else ""
    return f"""<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{escape(content_security_policy(options))}">
<title>{escape(title)}</title>
{icon}<link rel="cms-config-url" type="text/yaml" href="config.yml">
<link rel="stylesheet" href="po-cms.css">
</head>
<body>
<noscript>
  <h1>{escape(title)}</h1>
  <p>Formuläret behöver JavaScript. Slå på JavaScript i webbläsaren, eller skriv rapporten
  med kommandot <code>po ny brist</code> (se guiden på webbplatsen).</p>
</noscript>
<script src="po-forst.js"></script>
<script src="{DECAP_SCRIPT}"></script>
<script src="po-slug.js"></script>
<script src="po-cms.js"></script>
</body>
</html>
"""


def _content_dir(config_dir: Path, docs_dir: Path | None) -> str:
    if docs_dir is None:
        return CONTENT_DIR
    try:
        return docs_dir.resolve().relative_to(config_dir.resolve()).as_posix()
    except ValueError:
        return CONTENT_DIR


def admin_files(vocab: Vocabulary, options: FormOptions, organisation: str, site_url: str,
                config_dir: Path, docs_dir: Path | None = None, favicon: str = "") -> dict[str, bytes]:
    """Paths under the site (admin/...) and their bytes. Raises DecapMissing without `npm ci`.

    Decap names files from the top of the repository, where mkdocs.yml is: docs_dir
    is given from there.
    """
    dist = find_decap(config_dir)
    if dist is None:
        raise DecapMissing(
            "formuläret på /admin/ behöver Decap CMS, som inte är installerat – kör 'npm ci --ignore-scripts' "
            "i webbplatsens mapp (package.json och package-lock.json ska finnas där), eller 'make site'"
        )
    files = {f"{ADMIN_DIR}/{name}": data for name, data in decap_files(dist).items()}
    assets = resources.files("po_build.outputs.cms").joinpath("assets")
    for name in OWN_ASSETS:
        files[f"{ADMIN_DIR}/{name}"] = assets.joinpath(name).read_bytes()
    files[f"{ADMIN_DIR}/index.html"] = admin_page(organisation, options, favicon).encode("utf-8")
    config = config_yaml(vocab, options, site_url, _content_dir(config_dir, docs_dir))
    files[f"{ADMIN_DIR}/config.yml"] = config.encode("utf-8")
    return files
