"""Where every generated file is published, relative to the site root: one place for each URL.

A leaf module: pages, feeds, open data and the yearly report link to each other's files
through these functions instead of writing the paths again.
"""

from __future__ import annotations

from po_build.model.slug import slugify

OPEN_DATA_DIR = "oppna-data"
OPEN_DATA_PAGE = f"{OPEN_DATA_DIR}/"
BRISTER_JSON = f"{OPEN_DATA_DIR}/brister.json"
BRISTER_CSV = f"{OPEN_DATA_DIR}/brister.csv"
POSITIVA_JSON = f"{OPEN_DATA_DIR}/positiva.json"
INDEX_JSON = f"{OPEN_DATA_DIR}/index.json"
SCHEMA_PATH = "schema/rapport.schema.json"
MAIN_FEED = "flode/atom.xml"
# The small index the list's combined filters read (JavaScript): public fields only.
FILTER_INDEX = "brister/filtrering.json"
SMALL_NUMBERS_PAGE = "arsrapport/sma-tal/"
GUIDE_PAGE = "guide/"
GUIDE_CODES_PAGE = "guide/felkoder/"


def code_url(code: str) -> str:
    """The guide's explanation of an error code: its heading's id is the code in lower case."""
    return f"{GUIDE_CODES_PAGE}#{code.lower()}"


def stats_path(year: int) -> str:
    return f"{OPEN_DATA_DIR}/statistik-{year}.json"


def socialstyrelsen_path(year: int) -> str:
    return f"{OPEN_DATA_DIR}/socialstyrelsen-{year}.csv"


def applicants_path(year: int) -> str:
    return f"{OPEN_DATA_DIR}/sokande-{year}.json"


def pdf_path(year: int) -> str:
    return f"arsrapport/{year}/arsrapport-{year}.pdf"


def actor_feed_path(actor_id: str) -> str:
    return f"aktorer/{slugify(actor_id)}/atom.xml"
