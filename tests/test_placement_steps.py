"""Following the advice works: for each way a file ends up at a wrong place or under a wrong
name, the file gets exactly one finding, every other finding that names it points at the same
place, and doing what the finding says (rename, move, delete the copy) gives exactly the
findings of the data with the file where it belongs: nothing new, nothing contradicting."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import CASES, build_case
from utsatta import validate

Finding = tuple[str, int, int, str, str]
REPORT = "rapporter/2023/kommunstyrelsen.yaml"
INDICATOR = "indikatorer/valdeltagande.yaml"
UPPFOLJNING = "uppfoljning/2023.yaml"
#: The step a message asks for: a new name or place (a name alone: in the same folder; a path
#: ending in "/": that folder, same name).
STEP = re.compile(
    r"(?:Byt namn (?:på filen )?till|Flytta (?:den|filen) till|Filen ska heta) "
    r"([^ ,]+?)(?:\.(?: |$)|,| \(| eller)"
)


def _findings(data: Path) -> list[Finding]:
    return [
        (f.file.split("/data/", 1)[-1], f.line, f.column, f.code, f.message)
        for f in validate(data).findings
    ]


def _move(src: str, dst: str, *, keep: bool = False, edit: Callable[[str], str] | None = None):
    """A change that puts the data's ``src`` at ``dst`` (``keep``: a copy, the original stays;
    ``edit``: the copy's text changed)."""

    def apply(data: Path) -> str:
        text = (data / src).read_text(encoding="utf-8")
        (data / dst).parent.mkdir(parents=True, exist_ok=True)
        (data / dst).write_text(edit(text) if edit else text, encoding="utf-8")
        if not keep:
            (data / src).unlink()
        return dst

    return apply


def _year(year: str) -> Callable[[str], str]:
    return lambda text: text.replace("ar: 2023", f"ar: {year}", 1)


def _org(org: str) -> Callable[[str], str]:
    return lambda text: text.replace("organisation: kommunstyrelsen", f"organisation: {org}")


def _note(text: str) -> str:
    return text + "# ett utkast\n"


def _both(*edits: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        for edit in edits:
            text = edit(text)
        return text

    return apply


#: name → the change that puts a data file at a wrong place or under a wrong name
MATRIX: dict[str, Callable[[Path], str]] = {
    # a report
    "fel-namn": _move(REPORT, "rapporter/2023/ks.yaml"),
    "fel-ar-mapp": _move(REPORT, "rapporter/2022/kommunstyrelsen.yaml"),
    "fel-ar-mapp-och-namn": _move(REPORT, "rapporter/2024/ks.yaml"),
    "fel-andelse": _move(REPORT, "rapporter/2023/kommunstyrelsen.yml"),
    "fel-andelse-txt": _move(REPORT, "rapporter/2023/kommunstyrelsen.yaml.txt"),
    "fel-andelse-och-namn": _move(REPORT, "rapporter/2023/ks.yml"),
    "fel-andelse-och-ar": _move(REPORT, "rapporter/2022/kommunstyrelsen.yml"),
    "fel-andelse-namn-och-ar": _move(REPORT, "rapporter/2024/ks.yaml.txt"),
    "undermapp": _move(REPORT, "rapporter/2023/Nya/kommunstyrelsen.yaml"),
    "i-rapporter": _move(REPORT, "rapporter/ks-2023.yaml"),
    "overst": _move(REPORT, "kommunstyrelsen.yaml"),
    "annan-mapp": _move(REPORT, "inkorg/ks.yaml"),
    "annan-mapp-yml": _move(REPORT, "inkorg/ks.yml"),
    # a copy beside the report it copies, or a draft of it (the report stays)
    "kopia-fel-ar-och-namn": _move(REPORT, "rapporter/2024/ks.yaml", keep=True),
    "kopia-fel-andelse": _move(REPORT, "rapporter/2023/ks.yml", keep=True),
    "kopia-overst": _move(REPORT, "kommunstyrelsen.yaml", keep=True),
    "utkast-fel-ar-och-namn": _move(REPORT, "rapporter/2022/ks.yaml", keep=True, edit=_note),
    "utkast-fel-andelse": _move(REPORT, "rapporter/2023/ks.yml", keep=True, edit=_note),
    # an indicator and an uppföljning
    "indikator-fel-andelse": _move(INDICATOR, "indikatorer/valdeltagande.yml"),
    "indikator-fel-andelse-och-namn": _move(INDICATOR, "indikatorer/val.yaml.txt"),
    "indikator-kopia": _move(INDICATOR, "indikatorer/foo.yaml.txt", keep=True),
    "indikator-fel-namn": _move(INDICATOR, "indikatorer/val.yaml"),
    "uppfoljning-fel-ar-i-namnet": _move(UPPFOLJNING, "uppfoljning/2024.yaml"),
    "uppfoljning-fel-andelse": _move(UPPFOLJNING, "uppfoljning/2023.yml"),
    "uppfoljning-fel-namn": _move(UPPFOLJNING, "uppfoljning/utkast-2023.yaml"),
    "plan-fel-andelse": _move("plan.yaml", "plan.yml"),
    # capitals in the name: the name the file's own id (or its id form) gives, never an id
    # that the id rule refuses
    "indikator-versaler": _move(INDICATOR, "indikatorer/Valdeltagande.yaml"),
    "indikator-versaler-fel-andelse": _move(INDICATOR, "indikatorer/Nya-Omraden.Yaml"),
    "rapport-versaler": _move(REPORT, "rapporter/2023/KS.yaml"),
    "rapport-versaler-fel-andelse": _move(REPORT, "rapporter/2023/Kommunstyrelsen.YML"),
    "uppfoljning-versaler": _move(UPPFOLJNING, "uppfoljning/Uppfoljning-2023.Yaml"),
    # known by what the file says (its keys), wherever it lies, also at another kind's place
    "uppfoljning-overst": _move(UPPFOLJNING, "uppfoljning-2023.yaml"),
    "uppfoljning-overst-samma-namn": _move(UPPFOLJNING, "2023.yaml"),
    "uppfoljning-annan-mapp": _move(UPPFOLJNING, "inkorg/sammanstallning.yaml"),
    "uppfoljning-i-rapporter": _move(UPPFOLJNING, "rapporter/2023/uppfoljning.yaml"),
    "uppfoljning-i-indikatorer": _move(UPPFOLJNING, "indikatorer/uppfoljning.yaml"),
    "indikator-overst": _move(INDICATOR, "valdeltagande.yaml"),
    "indikator-undermapp": _move(INDICATOR, "indikatorer/gamla/valdeltagande.yaml"),
    "indikator-annan-mapp-annat-namn": _move(INDICATOR, "inkorg/val.yaml"),
    "indikator-i-rapporter": _move(INDICATOR, "rapporter/2023/valdeltagande.yaml"),
    "indikator-i-rapporter-annat-ar": _move(INDICATOR, "rapporter/2024/valdeltagande.yaml"),
    "indikator-i-uppfoljning": _move(INDICATOR, "uppfoljning/2024.yaml"),
    "indikator-kopia-overst": _move(INDICATOR, "valdeltagande.yaml", keep=True),
    "indikator-utkast-i-rapporter": _move(
        INDICATOR, "rapporter/2023/valdeltagande.yaml", keep=True, edit=_note
    ),
    "rapport-i-indikatorer": _move(REPORT, "indikatorer/kommunstyrelsen.yaml"),
    "rapport-i-uppfoljning": _move(REPORT, "uppfoljning/2023-ks.yaml"),
    "plan-i-rapporter": _move("plan.yaml", "rapporter/2023/plan.yaml"),
    "omraden-i-indikatorer": _move("omraden.yaml", "indikatorer/omraden.yaml"),
    "organisationer-i-undermapp": _move("organisationer.yaml", "gamla/organisationer.yaml"),
}

#: name → a change that also writes the file's id in a form the id rule refuses: the name
#: advice gives the id form, and ogiltigt-id asks for the same id, so two steps end it
TWO_STEPS: dict[str, tuple[Callable[[Path], str], str, str, str]] = {
    # name → (the change, the file's place, its key, that key's id)
    "indikator-ogiltigt-id-versaler": (
        _move(
            INDICATOR,
            "indikatorer/Nya-Omraden.Yaml",
            edit=lambda t: t.replace("id: valdeltagande", "id: Valdeltagande", 1),
        ),
        INDICATOR,
        "id",
        "valdeltagande",
    ),
    "indikator-ogiltigt-id-citerat": (
        _move(
            INDICATOR,
            "indikatorer/Valdeltagande.yml",
            edit=lambda t: t.replace("id: valdeltagande", 'id: "VALDELTAGANDE"', 1),
        ),
        INDICATOR,
        "id",
        "valdeltagande",
    ),
    "rapport-ogiltig-organisation": (
        _move(REPORT, "rapporter/2023/KS.yml", edit=_org("Kommunstyrelsen")),
        REPORT,
        "organisation",
        "kommunstyrelsen",
    ),
    "rapport-ogiltig-organisation-overst": (
        _move(REPORT, "Kommunstyrelsen.yaml", edit=_org("Kommunstyrelsen")),
        REPORT,
        "organisation",
        "kommunstyrelsen",
    ),
}
VALID_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CODES = {"fel-plats", "fel-filandelse", "okand-fil", "fel-ar-i-mapp", "filnamn-matchar-inte"}


def _target(data: Path, where: str, message: str) -> Path | None:
    """Where ``message`` (the finding for the file ``where``) says to put the file; None when
    it says to delete it (a copy; or, after the merge it asks for, a draft with nothing left)."""
    if "bort den" in message:
        return None
    m = STEP.search(message)
    assert m is not None, message
    step = m.group(1)
    if "ligga överst i datamappen" in message:  # a shared file: its name at the top
        return data / step
    if "/" not in step:
        return (data / where).parent / step
    if step.endswith("/"):
        return data / step / Path(where).name
    return data / step


def _follow(data: Path, where: str, target: Path | None) -> None:
    path = data / where
    if target is None:
        path.unlink()
        return
    assert not target.exists(), f"{target} finns redan"
    target.parent.mkdir(parents=True, exist_ok=True)
    path.rename(target)


def _drop_empty_folders(data: Path) -> None:
    """Git keeps no empty folder: one emptied by a move is gone in the repository."""
    for folder in sorted((p for p in data.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_following_the_advice_gives_the_data_with_the_file_in_place(
    tmp_path: Path, name: str
) -> None:
    change = MATRIX[name]
    data = build_case(CASES / "_base", tmp_path)
    # the year before has no report of the organisation: a report moved there takes no
    # other's place (the base data has one)
    (data / "rapporter/2022/kommunstyrelsen.yaml").unlink()
    baseline = _findings(data)
    where = change(data)
    before = _findings(data)
    steps = [f for f in before if f[0] == where and f[3] in CODES]
    # One file, one piece of advice about where it belongs.
    assert len(steps) == 1, before
    _only_valid_ids(where, steps[0][4])
    target = _target(data, where, steps[0][4])
    # A finding elsewhere that names the file (a missing report) names the same place.
    for f in before:
        if f[0] != where and f" {where} " in f[4]:
            assert "Skapa filen" not in f[4], f
            m = re.search(r"förrän den heter ([^ ]+)\. ", f[4])
            assert m is not None, f
            assert m.group(1) == f[0], f
            assert target == data / f[0], (f, steps)
    _follow(data, where, target)
    _drop_empty_folders(data)
    assert _findings(data) == baseline


def _only_valid_ids(where: str, message: str) -> None:
    """A step never asks for an id that the id rule refuses: neither a named one nor
    "rätta 'organisation'" to match a name that is no id."""
    for m in re.finditer(r"ändra id till '([^']*)'", message):
        assert VALID_ID.fullmatch(m.group(1)), message
    if "rätta 'organisation'" in message:
        assert VALID_ID.fullmatch(Path(where).stem), message


@pytest.mark.parametrize("name", sorted(TWO_STEPS))
def test_an_id_in_another_form_takes_the_name_and_the_id_the_id_rule_asks_for(
    tmp_path: Path, name: str
) -> None:
    change, place, key, ident = TWO_STEPS[name]
    data = build_case(CASES / "_base", tmp_path)
    baseline = _findings(data)
    where = change(data)
    steps = [f for f in _findings(data) if f[0] == where and f[3] in CODES]
    assert len(steps) == 1, steps
    _only_valid_ids(where, steps[0][4])
    target = _target(data, where, steps[0][4])
    assert target == data / place, steps
    _follow(data, where, target)
    _drop_empty_folders(data)
    # the one finding left: the id, in the form that the new name has already
    after = _findings(data)
    assert [(f[0], f[3]) for f in after if f not in baseline] == [(place, "ogiltigt-id")]
    ogiltigt = next(f[4] for f in after if f[3] == "ogiltigt-id")
    assert f"här blir det '{ident}'" in ogiltigt, after
    path = data / place
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(f"^{key}: .*$", f"{key}: {ident}", text, count=1, flags=re.M), encoding="utf-8"
    )
    assert _findings(data) == baseline
