"""The vocabulary: the built-in default as the spec lists it, and vokabular.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from po_build.load.vocabulary import builtin_vocabulary, load_vocabulary
from po_build.model.problems import ProblemList
from tests.helpers import (
    assert_clean,
    assert_no_errors,
    assert_problem,
    check,
    codes,
    only,
    write,
    write_report,
)

# The spec, content-format.md version 1, copied by hand.
SPEC_LEVELS = {
    "individ": "Individnivå – i mötet med klienten",
    "lokal": "Lokal nivå",
    "nationell": "Nationell nivå",
}
SPEC_CATEGORIES = {
    "bemotande": ("Bemötande", ("individ",)),
    "metod": ("Metod och arbetssätt", ("individ", "lokal")),
    "kunskap": ("Kunskap och kompetens", ("individ", "lokal")),
    "varderingar": ("Värderingar och attityder", ("individ", "lokal", "nationell")),
    "samordning": ("Samordning och samverkan", ("individ", "lokal", "nationell")),
    "tillganglighet": ("Tillgänglighet", ("individ", "lokal", "nationell")),
    "organisation": ("Organisering och ledning", ("lokal",)),
    "mal-styrning": ("Mål och styrning", ("lokal",)),
    "gransdragning": ("Gränsdragning och ansvarsfördelning", ("lokal", "nationell")),
    "resurser": ("Resurser", ("lokal", "nationell")),
    "regelverk": ("Regelverk och lagstiftning", ("nationell",)),
    "digitalisering": ("Digitalisering och digitalt utanförskap", ("lokal", "nationell")),
}
SPEC_POSITIVE = {
    "bemotande": "Gott bemötande",
    "samordning": "Samordning och samverkan",
    "tillganglighet": "Tillgänglighet",
    "aterkoppling": "Tydlighet och återkoppling",
    "helhetssyn": "Helhetssyn",
    "lilla-extra": "Det lilla extra",
}
SPEC_ACTORS = {
    "forsakringskassan": "Försäkringskassan",
    "arbetsformedlingen": "Arbetsförmedlingen",
    "socialtjansten": "Kommunens socialtjänst",
    "ekonomiskt-bistand": "Ekonomiskt bistånd",
    "boendestod": "Boendestöd",
    "lss": "LSS-handläggning",
    "overformyndare": "Överförmyndare, god man och förvaltare",
    "psykiatrin": "Regionens psykiatri",
    "primarvarden": "Primärvården",
    "vuxenhabiliteringen": "Vuxenhabiliteringen",
    "kronofogden": "Kronofogden",
    "skatteverket": "Skatteverket",
    "migrationsverket": "Migrationsverket",
    "polisen": "Polisen",
    "bostadsbolag": "Bostadsbolag och hyresvärdar",
    "staten": "Regering och riksdag",
}
SPEC_STATUSES = {
    "upptäckt": "Upptäckt",
    "analyserad": "Analyserad",
    "påtalad": "Påtalad för ansvariga",
    "beslutad": "Åtgärd beslutad",
    "pågår": "Åtgärd pågår",
    "åtgärdad": "Åtgärdad",
    "uppföljd": "Uppföljd – effekten bekräftad",
    "kvarstår": "Kvarstår trots påtalande",
    "avslutad": "Avslutad utan åtgärd",
}
SPEC_SEVERITIES = ["låg", "medel", "hög"]


# --- the built-in default --------------------------------------------------------------------


def test_builtin_levels_match_the_spec() -> None:
    vocab = builtin_vocabulary()
    assert {k: t.namn for k, t in vocab.levels.items()} == SPEC_LEVELS
    assert list(vocab.levels) == ["individ", "lokal", "nationell"]


def test_builtin_categories_and_their_levels_match_the_spec() -> None:
    vocab = builtin_vocabulary()
    assert {k: (t.namn, t.nivåer) for k, t in vocab.categories.items()} == SPEC_CATEGORIES
    assert all(not t.utgått for t in vocab.categories.values())


def test_builtin_positive_categories_match_the_spec() -> None:
    vocab = builtin_vocabulary()
    assert {k: t.namn for k, t in vocab.positive_categories.items()} == SPEC_POSITIVE


def test_builtin_actors_match_the_spec() -> None:
    assert {k: t.namn for k, t in builtin_vocabulary().actors.items()} == SPEC_ACTORS


def test_builtin_statuses_in_work_order() -> None:
    vocab = builtin_vocabulary()
    assert {k: t.namn for k, t in vocab.statuses.items()} == SPEC_STATUSES
    assert list(vocab.statuses) == list(SPEC_STATUSES)
    assert all(t.beskrivning for t in vocab.statuses.values())


def test_builtin_severities_and_no_areas() -> None:
    vocab = builtin_vocabulary()
    assert list(vocab.severities) == SPEC_SEVERITIES
    assert vocab.areas == {}
    assert vocab.allowed_terms == []


def test_builtin_ids_are_ascii_except_fixed_swedish_ones() -> None:
    vocab = builtin_vocabulary()
    for section in (vocab.categories, vocab.positive_categories, vocab.actors):
        assert all(k.isascii() and k == k.lower() for k in section)


def test_no_vocabulary_file_means_the_default(tmp_path: Path) -> None:
    problems = ProblemList("vokabular.yml")
    vocab = load_vocabulary(tmp_path / "vokabular.yml", "vokabular.yml", problems)
    assert problems == []
    assert vocab == builtin_vocabulary()


def test_builtin_is_a_fresh_copy_each_time() -> None:
    first = builtin_vocabulary()
    first.actors.pop("lss")
    assert "lss" in builtin_vocabulary().actors


# --- an organisation's additions ----------------------------------------------------------------


def _vocab(root: Path, text: str) -> Path:
    return write(root / "vokabular.yml", text)


def test_add_areas(tmp_path: Path) -> None:
    _vocab(
        tmp_path,
        "områden:\n  norrby: Norrby kommun\n  sodra-dalen:\n"
        "    namn: Södra dalens kommun\n    beskrivning: Hela kommunen\n",
    )
    write_report(tmp_path, fields={"områden": "[norrby, sodra-dalen]"})
    result = check(tmp_path)
    assert_clean(result)
    areas = result.content.vocabulary.areas
    assert {k: t.namn for k, t in areas.items()} == {
        "norrby": "Norrby kommun",
        "sodra-dalen": "Södra dalens kommun",
    }
    assert areas["sodra-dalen"].beskrivning == "Hela kommunen"
    assert result.content.reports[0].områden == ["norrby", "sodra-dalen"]
    assert result.files_checked == 2


def test_add_an_actor(tmp_path: Path) -> None:
    _vocab(tmp_path, "aktörer:\n  fk-norr: Försäkringskassan, lokalkontor norr\n")
    write_report(tmp_path, fields={"aktörer": "[fk-norr, lss]"})
    result = check(tmp_path)
    assert_clean(result)
    actors = result.content.vocabulary.actors
    assert actors["fk-norr"].namn == "Försäkringskassan, lokalkontor norr"
    assert set(SPEC_ACTORS) < set(actors)


def test_rename_an_actor_keeps_the_id(tmp_path: Path) -> None:
    _vocab(tmp_path, "aktörer:\n  socialtjansten: Socialförvaltningen i Norrby\n")
    write_report(tmp_path)
    result = check(tmp_path)
    assert_clean(result)
    assert result.content.vocabulary.actors["socialtjansten"].namn == "Socialförvaltningen i Norrby"


def test_change_only_the_description_keeps_the_name(tmp_path: Path) -> None:
    _vocab(tmp_path, "aktörer:\n  lss:\n    beskrivning: Handläggning enligt LSS i kommunen\n")
    result = check(tmp_path)
    assert_clean(result)
    lss = result.content.vocabulary.actors["lss"]
    assert (lss.namn, lss.beskrivning) == ("LSS-handläggning", "Handläggning enligt LSS i kommunen")


def test_rename_a_status_and_a_level(tmp_path: Path) -> None:
    _vocab(tmp_path, "statusar:\n  påtalad: Lyft till styrgruppen\nnivåer:\n  lokal: Kommunen\n")
    write_report(tmp_path)
    result = check(tmp_path)
    assert_clean(result)
    vocab = result.content.vocabulary
    assert vocab.statuses["påtalad"].namn == "Lyft till styrgruppen"
    assert vocab.levels["lokal"].namn == "Kommunen"
    assert list(vocab.statuses) == list(SPEC_STATUSES)


def test_add_a_category_with_levels(tmp_path: Path) -> None:
    _vocab(
        tmp_path, "kategorier:\n  boende: {namn: Boende och bostad, nivåer: [lokal, nationell]}\n"
    )
    write_report(tmp_path, fields={"kategorier": "[boende]"})
    write_report(tmp_path, fields={"id": "B-2025-002", "nivå": "individ", "kategorier": "[boende]"})
    result = check(tmp_path)
    assert result.content.vocabulary.categories["boende"].nivåer == ("lokal", "nationell")
    assert codes(result) == ["PO304"]  # allowed on lokal, not on individ
    assert result.problems[0].path.endswith("B-2025-002-rapport.md")


def test_change_the_levels_of_a_builtin_category(tmp_path: Path) -> None:
    _vocab(tmp_path, "kategorier:\n  bemotande: {nivåer: [individ, lokal]}\n")
    write_report(tmp_path, fields={"kategorier": "[bemotande]"})
    result = check(tmp_path)
    assert_clean(result)
    assert result.content.vocabulary.categories["bemotande"].namn == "Bemötande"


def test_add_a_positive_category(tmp_path: Path) -> None:
    _vocab(tmp_path, "positiva_kategorier:\n  uthallighet: Uthållighet\n")
    write_report(tmp_path, "positiv", fields={"kategorier": "[uthallighet]"})
    assert_clean(check(tmp_path))


def test_retired_term_gives_a_warning_where_it_is_used(tmp_path: Path) -> None:
    _vocab(
        tmp_path,
        "kategorier:\n  digitalisering: {utgått: true}\naktörer:\n"
        "  staten:\n    utgått: true\nområden:\n  gamla: {namn: Gamla kommunen, "
        "utgått: true}\n",
    )
    path = write_report(
        tmp_path,
        fields={
            "kategorier": "[samordning, digitalisering]",
            "aktörer": "[staten]",
            "områden": "[gamla]",
        },
    )
    result = check(tmp_path)
    assert_no_errors(result)
    assert [(p.code, p.line, p.severity) for p in result.problems] == [
        ("PO320", 7, "varning"),
        ("PO320", 8, "varning"),
        ("PO320", 11, "varning"),
    ]
    assert "'digitalisering'" in result.problems[0].message
    assert result.problems[0].path == path.relative_to(tmp_path).as_posix()
    assert len(result.content.reports) == 1
    assert result.content.vocabulary.actors["staten"].namn == "Regering och riksdag"


def test_retired_term_not_used_gives_nothing(tmp_path: Path) -> None:
    _vocab(tmp_path, "aktörer:\n  staten: {utgått: true}\n")
    write_report(tmp_path)
    assert_clean(check(tmp_path))


def test_allowed_terms_with_reasons(tmp_path: Path) -> None:
    _vocab(
        tmp_path,
        "tillåtna_termer:\n  - term: Stiftelsen Ingrid\n    skäl: Namnet på en "
        "stiftelse, ingen person\n",
    )
    result = check(tmp_path)
    assert_clean(result)
    (allowed,) = result.content.vocabulary.allowed_terms
    assert (allowed.term, allowed.skäl) == (
        "Stiftelsen Ingrid",
        "Namnet på en stiftelse, ingen person",
    )


@pytest.mark.parametrize("text", ["", "# bara en kommentar\n", "områden: {}\n", "aktörer:\n"])
def test_empty_vocabulary_files(tmp_path: Path, text: str) -> None:
    _vocab(tmp_path, text)
    write_report(tmp_path)
    result = check(tmp_path)
    if text:
        assert_clean(result)
    else:
        assert_problem(result, "PO103", "vokabular.yml", 1)
    assert result.content.vocabulary.actors.keys() == SPEC_ACTORS.keys()


# --- errors ------------------------------------------------------------------------------------


def test_unknown_section_is_po601_with_suggestion(tmp_path: Path) -> None:
    _vocab(tmp_path, "områden:\n  norrby: Norrby\naktorer:\n  fk-norr: FK norr\n")
    p = assert_problem(check(tmp_path), "PO601", "vokabular.yml", 3, col=1)
    assert "menade du 'aktörer'?" in p.message


def test_vocabulary_that_is_a_list_is_po601(tmp_path: Path) -> None:
    _vocab(tmp_path, "- aktörer\n- områden\n")
    assert_problem(check(tmp_path), "PO601", "vokabular.yml", 1)


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("aktörer:\n  fk-norr: [Försäkringskassan]\n", 2, "ska ha ett namn"),
        ("aktörer:\n  fk-norr: ''\n", 2, "saknar namn"),
        ("aktörer:\n  fk-norr:\n", 2, "ska ha ett namn"),
        ("aktörer: [fk-norr, fk-syd]\n", 1, "'id: namn'"),
        ("aktörer:\n  fk-norr: {namn: FK, nman: x}\n", 2, "menade du 'namn'?"),
        ("aktörer:\n  fk-norr: {beskrivning: FK}\n", 2, "saknar namn"),
        ("aktörer:\n  fk-norr: {namn: FK, beskrivning: [a]}\n", 2, "beskrivning"),
        ("aktörer:\n  staten: {utgått: kanske}\n", 2, "utgått"),
        ("aktörer:\n  fk-norr: {namn: FK, nivåer: [lokal]}\n", 2, "bara för kategorier"),
    ],
    ids=[
        "list-value",
        "empty-name",
        "null-value",
        "section-list",
        "unknown-key",
        "new-without-name",
        "beskrivning-list",
        "utgått-text",
        "nivåer-on-actor",
    ],
)
def test_bad_entry_is_po602(tmp_path: Path, text: str, line: int, hint: str) -> None:
    _vocab(tmp_path, text)
    p = assert_problem(check(tmp_path), "PO602", "vokabular.yml", line)
    assert hint in p.message


@pytest.mark.parametrize(
    "term_id", ["östra-dalen", "norra dalen", "Norrby", "fk_norr", "-norrby", "fk--norr", "fk-"]
)
def test_new_id_that_is_not_plain_ascii_is_po603(tmp_path: Path, term_id: str) -> None:
    _vocab(tmp_path, f"områden:\n  '{term_id}': Ett område\n")
    p = assert_problem(check(tmp_path), "PO603", "vokabular.yml", 2, col=3)
    assert "a–z" in p.message


@pytest.mark.parametrize("term_id", ["ostra-dalen", "norrby2", "fk-norr-1", "12"])
def test_plain_ascii_new_ids_pass(tmp_path: Path, term_id: str) -> None:
    _vocab(tmp_path, f"områden:\n  '{term_id}': Ett område\n")
    assert_clean(check(tmp_path))


def test_renaming_a_builtin_swedish_id_is_not_po603(tmp_path: Path) -> None:
    _vocab(tmp_path, "statusar:\n  åtgärdad: Klar\nallvarlighet:\n  hög: Allvarlig\n")
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("kategorier:\n  boende: {namn: Boende}\n", "behöver nivåer"),
        ("kategorier:\n  boende: {namn: Boende, nivåer: []}\n", "behöver nivåer"),
        ("kategorier:\n  boende: {namn: Boende, nivåer: lokal}\n", "behöver nivåer"),
        ("kategorier:\n  boende: {namn: Boende, nivåer: [regional]}\n", "'regional'"),
        ("kategorier:\n  boende: {namn: Boende, nivåer: [lokl]}\n", "menade du 'lokal'?"),
        ("kategorier:\n  metod: {nivåer: [lokal, kommun]}\n", "'kommun'"),
    ],
    ids=["no-levels", "empty-levels", "levels-text", "unknown-level", "near-miss", "builtin"],
)
def test_category_without_or_with_unknown_levels_is_po604(
    tmp_path: Path, text: str, hint: str
) -> None:
    _vocab(tmp_path, text)
    p = assert_problem(check(tmp_path), "PO604", "vokabular.yml", 2, col=3)
    assert hint in p.message


def test_new_category_given_only_a_name_is_po604(tmp_path: Path) -> None:
    """`boende: Boende` adds a category no level allows: it could never be used."""
    _vocab(tmp_path, "kategorier:\n  boende: Boende och bostad\n")
    assert_problem(check(tmp_path), "PO604", "vokabular.yml", 2, col=3)


def test_renaming_a_category_needs_no_levels(tmp_path: Path) -> None:
    _vocab(tmp_path, "kategorier:\n  metod: Metoder\n")
    result = check(tmp_path)
    assert_clean(result)
    assert result.content.vocabulary.categories["metod"].nivåer == ("individ", "lokal")


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("tillåtna_termer:\n  - term: Ingrid\n", 2, "saknar skäl"),
        ("tillåtna_termer:\n  - term: Ingrid\n    skäl: ''\n", 2, "saknar skäl"),
        ("tillåtna_termer:\n  - skäl: Stiftelsens namn\n", 2, "saknar 'term:'"),
        ("tillåtna_termer:\n  - Ingrid\n", 2, "term:"),
        ("tillåtna_termer: Ingrid\n", 1, "en lista"),
        ("tillåtna_termer:\n  - {term: Ingrid, skäl: Stiftelse, av: mig}\n", 2, "okänt fält"),
    ],
    ids=["no-reason", "empty-reason", "no-term", "plain-text", "not-a-list", "extra-key"],
)
def test_allowed_term_without_reason_is_po605(
    tmp_path: Path, text: str, line: int, hint: str
) -> None:
    _vocab(tmp_path, text)
    p = assert_problem(check(tmp_path), "PO605", "vokabular.yml", line)
    assert hint in p.message


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("statusar:\n  vilande: Vilande\n", "statusar"),
        ("nivåer:\n  regional: Regional nivå\n", "nivåer"),
        ("allvarlighet:\n  kritisk: Kritisk\n", "allvarlighet"),
    ],
)
def test_adding_a_status_level_or_severity_is_po606(
    tmp_path: Path, text: str, section: str
) -> None:
    _vocab(tmp_path, text)
    result = check(tmp_path)
    p = assert_problem(result, "PO606", "vokabular.yml", 2, col=3)
    assert section in p.message
    assert len(
        getattr(
            result.content.vocabulary,
            {"statusar": "statuses", "nivåer": "levels", "allvarlighet": "severities"}[section],
        )
    ) in (3, 9)


def test_vocabulary_file_problems_are_reported_with_file_problems(tmp_path: Path) -> None:
    _vocab(tmp_path, "aktörer:\n  x: [1]\n")
    write_report(tmp_path, fields={"rubrik": "kort"})
    result = check(tmp_path)
    assert sorted((p.path, p.code) for p in result.problems) == [
        ("brister/2025/B-2025-001-rapport.md", "PO205"),
        ("vokabular.yml", "PO602"),
    ]
    assert result.summary() == "2 fel i 2 av 2 filer"


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b"akt\xf6rer:\n  x: y\n", "PO101", 1),
        (b'akt\xc3\xb6rer:\n  x: "y\n', "PO106", 2),
        (b"akt\xc3\xb6rer:\n  x: &a y\n", "PO107", 2),
        (b"akt\xc3\xb6rer:\n  x: y\n  x: z\n", "PO109", 3),
    ],
)
def test_vocabulary_file_goes_through_the_same_loader(
    tmp_path: Path, data: bytes, code: str, line: int
) -> None:
    _vocab(tmp_path, "")
    (tmp_path / "vokabular.yml").write_bytes(data)
    write_report(tmp_path)
    result = check(tmp_path)
    p = only(result, code)
    assert (p.path, p.line) == ("vokabular.yml", line)
    # A broken vocabulary file leaves the default in force: reports are still checked.
    assert [r.id for r in result.content.reports] == ["B-2025-001"]
