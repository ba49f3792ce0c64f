"""Why ``utsatta fmt`` leaves a file is a finding with a registered code, printed as ``validate``
prints its findings (text and github); the library returns results, and the exit code is taken
from them in one place, ``cli.app`` (0060: 120 not written, 4 refused, 1 findings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app, outcome_code
from utsatta.codes import CODES
from utsatta.errors import WriteRefused
from utsatta.findings import at_line
from utsatta.fmt import NOT_WRITTEN, WRITE_REFUSED, FmtResult, FmtRun, format_file

DATA = Path(__file__).parent.parent / "data"
MESSY = "ar: 2023\r\nschemaversion: 1\r\ninsatser:\r\n- insats: 1:1  # kommentar\r\n"
DOUBLE = (
    "data/rapporter/2023/higab.yaml:3:1: fel [kan-inte-formateras] Filen formateras inte "
    "eftersom den har fel: Nyckeln 'ar' står två gånger på samma nivå: på rad 2 och här på rad "
    "3. Behåll den som är rätt och ta bort den andra, eller slå ihop dem; annars är det oklart "
    "vilket värde som gäller. Rätta felet först; se det med: utsatta validate --data data"
)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    (root / "rapporter" / "2023").mkdir(parents=True)
    for name in ("plan.yaml", "organisationer.yaml", "omraden.yaml"):
        (root / name).write_bytes((DATA / name).read_bytes())
    (root / "rapporter/2023/higab.yaml").write_text(
        "schemaversion: 1\nar: 2023\nar: 2024\n", encoding="utf-8"
    )
    (root / "rapporter/2023/framtiden.yaml").write_bytes(MESSY.encode())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return root


def _fmt(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["fmt", *args], catch_exceptions=False)
    return result.exit_code, result.stdout.splitlines()


def test_a_file_fmt_cannot_format_is_a_finding_line_as_validate_prints(data: Path) -> None:
    code, lines = _fmt("--check")
    assert code == 1
    assert lines == [
        "skulle formateras om: data/rapporter/2023/framtiden.yaml (rad 1 blir: `schemaversion: 1`)",
        DOUBLE,
        "1 fil av 5 skulle formateras om. Formatera den med: utsatta fmt",
        "1 fil kunde inte formateras; rätta felen ovan och försök igen. Se felen med: utsatta "
        "validate --data data",
    ]


@pytest.mark.parametrize("how", [["--format", "github"], ["GITHUB_ACTIONS"]])
def test_github_format_gives_annotations(
    data: Path, monkeypatch: pytest.MonkeyPatch, how: list[str]
) -> None:
    if how == ["GITHUB_ACTIONS"]:
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
        how = []
    code, lines = _fmt("--check", *how)
    assert code == 1
    assert lines[0] == (
        "::error file=data/rapporter/2023/framtiden.yaml,line=1,col=1,title=fmt-formateras-om::"
        "Filen skulle formateras om av utsatta fmt: rad 1 blir: `schemaversion: 1`."
    )
    assert lines[1] == (
        "::error file=data/rapporter/2023/higab.yaml,line=3,col=1,title=kan-inte-formateras::"
        + DOUBLE.split("] ", 1)[1]
    )
    code, lines = _fmt("--check", "--format", "text")  # asked for, also in CI
    assert code == 1 and lines[1] == DOUBLE


def test_a_named_file_utsatta_does_not_know_is_a_finding(data: Path) -> None:
    (data / "ovrigt.yaml").write_text("a: 1\n", encoding="utf-8")
    code, lines = _fmt("data/ovrigt.yaml")
    assert code == 1
    assert lines[0] == (
        "data/ovrigt.yaml:1:1: fel [okand-fil] fmt har varken kontrollerat eller formaterat "
        "filen. Filen ligger inte på en plats som utsatta känner till och läses inte. Datafiler "
        "är plan.yaml, organisationer.yaml, omraden.yaml, indikatorer/<id>.yaml, "
        "rapporter/<år>/<organisation>.yaml och uppfoljning/<år>.yaml."
    )


def test_a_refused_write_is_exit_4_with_its_code(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import utsatta.filewrite

    def refuse(path: Path, *args: object, **kwargs: object) -> None:
        raise WriteRefused(f"{path} får inte skrivas.")

    monkeypatch.setattr(utsatta.filewrite, "write_atomic", refuse)
    code, lines = _fmt()
    assert code == 4
    assert lines[0] == (
        "data/rapporter/2023/framtiden.yaml:1:1: fel [fmt-skrivning-vagrad] "
        "data/rapporter/2023/framtiden.yaml får inte skrivas."
    )
    assert lines[-1] == (
        "1 fil kunde inte skrivas; rätta orsaken som står ovan (behörighet, full disk, "
        "skrivskyddat filsystem …) och försök igen."
    )
    assert (data / "rapporter/2023/framtiden.yaml").read_bytes() == MESSY.encode()


@pytest.mark.parametrize("mode", [0o444, 0o400])
def test_a_read_only_file_is_not_formatted_even_in_a_writable_folder(data: Path, mode: int) -> None:
    # The folder is writable, so a rename could replace the file: fmt must not (0o400 as root
    # still has no write bit; Windows' Skrivskyddad is the same bits).
    target = data / "rapporter/2023/framtiden.yaml"
    target.chmod(mode)
    try:
        code, lines = _fmt()
        assert code == 4
        assert lines[0] == (
            "data/rapporter/2023/framtiden.yaml:1:1: fel [fmt-skrivning-vagrad] Filen är "
            "skrivskyddad, så fmt formaterar den inte (utsatta tar inte bort ett skrivskydd). Ta "
            "bort skrivskyddet om filen ska formateras (chmod u+w; i Windows: Egenskaper → "
            "avmarkera Skrivskyddad) och kör utsatta fmt igen."
        )
        assert target.read_bytes() == MESSY.encode()
        assert target.stat().st_mode & 0o777 == mode
        # --check only reads: the file is reported as one that would change, as before.
        code, lines = _fmt("--check")
        assert code == 1
        assert (
            lines[0] == "skulle formateras om: data/rapporter/2023/framtiden.yaml "
            "(rad 1 blir: `schemaversion: 1`)"
        )
    finally:
        target.chmod(0o644)
    code, _ = _fmt()
    assert code == 1  # higab.yaml's duplicate key; framtiden.yaml is written now
    assert target.read_bytes() != MESSY.encode()


def test_every_code_fmt_gives_is_registered(tmp_path: Path) -> None:
    link = tmp_path / "l.yaml"
    link.symlink_to(tmp_path / "x.yaml")
    (tmp_path / "x.yaml").write_text("a: [\n", encoding="utf-8")
    codes = {
        f.code
        for r in (
            format_file(tmp_path / "x.yaml", None),
            format_file(link, "rapport"),
            format_file(tmp_path / "x.yaml", "rapport"),
            format_file(tmp_path / "saknas.yaml", "rapport"),
        )
        for f in r.findings
    }
    assert codes == {"fmt-okand-fil", "fmt-lank", "kan-inte-formateras", "kan-inte-lasa"}
    assert codes | {NOT_WRITTEN, WRITE_REFUSED, "fmt-fil-andrad", "fmt-internt-fel"} <= set(CODES)


def _run(*codes: str, check: bool = False, changed: bool = False) -> FmtRun:
    results = [
        FmtResult(Path(f"{c}.yaml"), findings=(at_line(f"{c}.yaml", 1, 1, c, "x"),)) for c in codes
    ]
    return FmtRun([*results, FmtResult(Path("ok.yaml"), changed=changed)], check=check)


@pytest.mark.parametrize(
    ("run", "code"),
    [
        (_run(), 0),
        (_run(changed=True), 0),  # formatted
        (_run(check=True, changed=True), 1),  # would be formatted
        (_run("kan-inte-formateras"), 1),
        (_run("kan-inte-formateras", WRITE_REFUSED), 4),
        (_run(WRITE_REFUSED, NOT_WRITTEN, "kan-inte-formateras"), 120),
    ],
)
def test_the_exit_code_is_taken_from_the_result_in_one_place(run: FmtRun, code: int) -> None:
    assert outcome_code(run) == code


def test_a_tab_only_fmt_cannot_write_is_not_sent_to_validate(data: Path) -> None:
    """validate shows nothing for a tab in a one-line text; the advice is the one fix that works
    (a space: quoting it would be refused next), and the closing line does not send the user to
    validate (granska17b F8)."""
    (data / "rapporter/2023/higab.yaml").write_text(
        "schemaversion: 1\nar: 2023\norganisation: higab\nkontakt: Anna\tBerg\n", encoding="utf-8"
    )
    (data / "rapporter/2023/framtiden.yaml").unlink()
    code, lines = _fmt("--check")
    assert code == 1
    assert lines == [
        "data/rapporter/2023/higab.yaml:4:14: fel [kan-inte-formateras] Filen formateras inte: "
        "formateraren (ruamel.yaml) kan inte läsa den här raden (found character '\\t' that "
        "cannot start any token), fast den är giltig YAML. Ersätt tabbtecknet på raden med ett "
        "mellanslag.",
        "1 fil kunde inte formateras; rätta felen ovan och försök igen.",
    ]
    # the advice followed: no refusal (the file is then formatted as any other)
    path = data / "rapporter/2023/higab.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\t", " "), encoding="utf-8")
    code, lines = _fmt("--check")
    assert not any("kunde inte formateras" in line for line in lines)
