"""Advice to create, rename or move a file is one consistent step: it never points at a file
that already exists without saying so, a misplaced report is sent to the year its own 'ar'
names, and a missing report whose file is there under a wrong name points at that file."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import build_case
from utsatta import validate
from utsatta.fmt import format_file
from utsatta.load.files import misplaced

CASES = Path(__file__).parent / "cases"
LEAD = "En rapport ska ligga i rapporter/<år>/<organisation>.yaml; den här filen läses inte. "


def _findings(data: Path, *codes: str) -> list[tuple[str, int, int, str, str]]:
    return [
        (f.file.split("/data/")[-1], f.line, f.column, f.code, f.message)
        for f in validate(data).findings
        if f.code in codes
    ]


def _data(tmp_path: Path) -> tuple[Path, Path]:
    data = build_case(CASES / "_base", tmp_path)
    return data, data / "rapporter" / "2023"


def test_a_report_with_the_wrong_ending_gets_one_instruction(tmp_path: Path) -> None:
    data, year = _data(tmp_path)
    (year / "kommunstyrelsen.yaml").rename(year / "kommunstyrelsen.yml")
    found = _findings(data, "fel-filandelse", "rapport-saknas")
    rename = "Filen slutar inte på .yaml och läses inte. Byt namn till kommunstyrelsen.yaml."
    assert ("rapporter/2023/kommunstyrelsen.yml", 1, 1, "fel-filandelse", rename) in found
    missing = [m for f, _, _, c, m in found if f == "rapporter/2023/kommunstyrelsen.yaml"]
    assert len(missing) == 1
    # No "Skapa filen": creating it would leave two copies of the report.
    assert "Skapa" not in missing[0] and "utsatta ny rapport" not in missing[0]
    assert missing[0] == (
        "Kommunstyrelsen har ingen rapport för 2023 som läses: filen "
        "rapporter/2023/kommunstyrelsen.yml ser ut att vara den, men den läses inte förrän den "
        "heter rapporter/2023/kommunstyrelsen.yaml. Byt namn på den eller flytta den dit (se "
        "felet för den filen). Den ska omfatta insats 2:1."
    )


def test_a_wrong_ending_beside_the_right_file_is_told_it_exists(tmp_path: Path) -> None:
    data, year = _data(tmp_path)
    text = (year / "kommunstyrelsen.yaml").read_text(encoding="utf-8")
    (year / "kommunstyrelsen.yml").write_text(text + "# ändrad\n", encoding="utf-8")
    assert _findings(data, "fel-filandelse", "rapport-saknas") == [
        ("rapporter/2023/kommunstyrelsen.yml", 1, 1, "fel-filandelse",
         "Filen slutar inte på .yaml och läses inte. Den ska heta kommunstyrelsen.yaml, men "
         "kommunstyrelsen.yaml finns redan: jämför filerna, för över det som ska vara kvar till "
         "kommunstyrelsen.yaml och ta sedan bort den här filen."),
    ]  # fmt: skip


def test_a_misplaced_report_is_sent_to_the_year_in_its_own_ar(tmp_path: Path) -> None:
    data, year = _data(tmp_path)
    shutil.rmtree(data / "rapporter" / "2022")  # the year the misplaced report belongs to
    (year / "Nya").mkdir()
    text = (year / "kommunstyrelsen.yaml").read_text(encoding="utf-8")
    # A 2022 report dropped into rapporter/2023/Nya/: the folder's 2023 is not its year.
    (year / "Nya" / "kommunstyrelsen.yaml").write_text(
        text.replace("ar: 2023", "ar: 2022"), encoding="utf-8"
    )
    assert _findings(data, "fel-plats") == [
        ("rapporter/2023/Nya/kommunstyrelsen.yaml", 1, 1, "fel-plats",
         LEAD + "Flytta den till rapporter/2022/kommunstyrelsen.yaml (enligt 'ar' i filen)."),
    ]  # fmt: skip
    # Its year's file exists: then it says so, and never "move it there".
    (data / "rapporter" / "2022").mkdir()
    (data / "rapporter" / "2022" / "kommunstyrelsen.yaml").write_text("x: 1\n", encoding="utf-8")
    assert _findings(data, "fel-plats") == [
        ("rapporter/2023/Nya/kommunstyrelsen.yaml", 1, 1, "fel-plats",
         LEAD + "Den hör till rapporter/2022/kommunstyrelsen.yaml (enligt 'ar' i filen), men "
         "rapporter/2022/kommunstyrelsen.yaml finns redan: jämför "
         "filerna, för över det som ska vara kvar till rapporter/2022/kommunstyrelsen.yaml och "
         "ta sedan bort den här filen."),
    ]  # fmt: skip


def test_a_browser_copy_is_told_the_file_exists(tmp_path: Path) -> None:
    data, year = _data(tmp_path)
    shutil.copy(year / "kommunstyrelsen.yaml", year / "kommunstyrelsen (1).yaml")
    text = (year / "grundskolenamnden.yaml").read_text(encoding="utf-8")
    (year / "grundskolenamnden (1).yaml").write_text(
        text.replace("Arbetet pågår.", "Arbetet pågår, nu mer."), encoding="utf-8"
    )
    # "(eller rätta 'organisation')" only when the name is an id: 'kommunstyrelsen (1)' is none
    name = "Rapporten är från '{0}' men filen heter {0} (1).yaml. Filen ska heta {0}.yaml, men "
    assert _findings(data, "filnamn-matchar-inte") == [
        ("rapporter/2023/grundskolenamnden (1).yaml", 3, 15, "filnamn-matchar-inte",
         name.format("grundskolenamnden") + "grundskolenamnden.yaml "
         "finns redan: jämför filerna, för över det som ska vara kvar till "
         "grundskolenamnden.yaml och ta sedan bort den här filen."),
        ("rapporter/2023/kommunstyrelsen (1).yaml", 3, 15, "filnamn-matchar-inte",
         name.format("kommunstyrelsen") + "kommunstyrelsen.yaml "
         "finns redan med samma innehåll: den här filen är en kopia, ta bort den."),
    ]  # fmt: skip


def test_a_report_in_the_wrong_year_folder_is_told_the_other_exists(tmp_path: Path) -> None:
    data, year = _data(tmp_path)
    shutil.rmtree(data / "rapporter" / "2022")  # the test writes the year's one report
    (data / "rapporter" / "2022").mkdir()
    text = (year / "kommunstyrelsen.yaml").read_text(encoding="utf-8")
    text = text.replace("ar: 2023", "ar: 2022")
    (data / "rapporter" / "2022" / "kommunstyrelsen.yaml").write_text(text, encoding="utf-8")
    (year / "kommunstyrelsen.yaml").write_text(text + "# utkast\n", encoding="utf-8")
    assert _findings(data, "fel-ar-i-mapp") == [
        ("rapporter/2023/kommunstyrelsen.yaml", 2, 5, "fel-ar-i-mapp",
         "Rapporten gäller år 2022 men ligger i mappen rapporter/2023/. Rätta 'ar' om året är "
         "fel; annars hör den till rapporter/2022/kommunstyrelsen.yaml, men "
         "rapporter/2022/kommunstyrelsen.yaml finns redan: jämför filerna, för över det som ska "
         "vara kvar till rapporter/2022/kommunstyrelsen.yaml och ta sedan bort den här filen."),
    ]  # fmt: skip


def test_a_follow_up_with_the_wrong_ending_is_pointed_at(tmp_path: Path) -> None:
    data, _ = _data(tmp_path)
    (data / "uppfoljning" / "2023.yaml").rename(data / "uppfoljning" / "2023.yml")
    found = {(f, c): m for f, _, _, c, m in _findings(data, "uppfoljning-saknas")}
    assert found[("uppfoljning/2023.yaml", "uppfoljning-saknas")] == (
        "Den samlade uppföljningen för 2023 saknas: filen uppfoljning/2023.yml ser ut att vara "
        "den, men den läses inte förrän den heter uppfoljning/2023.yaml. Byt namn på den eller "
        "flytta den dit (se felet för den filen)."
    )


def test_fmt_gets_the_same_advice_as_validate(tmp_path: Path) -> None:
    """``misplaced`` is the finding validate gives for one file (fmt names it the same way)."""
    data, year = _data(tmp_path)
    (year / "kommunstyrelsen.yaml").rename(year / "kommunstyrelsen.yml")
    found = misplaced(data.absolute(), (year / "kommunstyrelsen.yml").absolute())
    assert found is not None
    assert (found.code, found.message) == (
        "fel-filandelse",
        "Filen slutar inte på .yaml och läses inte. Byt namn till kommunstyrelsen.yaml.",
    )
    assert misplaced(data, year / "grundskolenamnden.yaml") is None
    # The library's fmt gives it, as its own refusal, under validate's code.
    result = format_file(year / "kommunstyrelsen.yml", None, write=False, inside=data, name="k")
    assert [(f.file, f.line, f.column, f.code, f.message) for f in result.findings] == [
        (
            "k",
            1,
            1,
            "fel-filandelse",
            "fmt har varken kontrollerat eller formaterat filen. Filen slutar inte på .yaml och "
            "läses inte. Byt namn till kommunstyrelsen.yaml.",
        )
    ]
    # Outside a data folder: no advice of validate's, fmt's own refusal.
    outside = format_file(tmp_path / "x.yml", None, write=False, inside=data, name="x")
    assert [f.code for f in outside.findings] == ["fmt-okand-fil"]


def test_an_indicator_copy_is_told_the_file_exists(tmp_path: Path) -> None:
    data, _ = _data(tmp_path)
    folder = data / "indikatorer"
    original = sorted(folder.glob("*.yaml"))[0]
    shutil.copy(original, folder / f"{original.stem} (1).yaml")
    found = _findings(data, "filnamn-matchar-inte")
    assert [(f, c, m) for f, _, _, c, m in found] == [
        (
            f"indikatorer/{original.stem} (1).yaml",
            "filnamn-matchar-inte",
            f"Indikatorns id är '{original.stem}' men filen heter {original.stem} (1).yaml. "
            # never "Ändra id till 'valdeltagande (1)'": no id the id rule refuses
            f"Filen ska heta {original.stem}.yaml, men {original.stem}.yaml finns redan med "
            "samma innehåll: den här filen är en kopia, ta bort den.",
        )
    ]


def test_a_wrong_ending_in_the_wrong_place_gets_the_whole_move(tmp_path: Path) -> None:
    data, year = _data(tmp_path)
    (year / "Nya").mkdir()
    text = (year / "kommunstyrelsen.yaml").read_text(encoding="utf-8")
    (year / "Nya" / "ks.yml").write_text(text.replace("ar: 2023", "ar: 2024"), encoding="utf-8")
    assert _findings(data, "fel-filandelse", "fel-plats") == [
        ("rapporter/2023/Nya/ks.yml", 1, 1, "fel-filandelse",
         "Filen slutar inte på .yaml och läses inte. En rapport ska ligga i "
         "rapporter/<år>/<organisation>.yaml. Flytta den till "
         "rapporter/2024/kommunstyrelsen.yaml (enligt 'ar' och 'organisation' i filen)."),
    ]  # fmt: skip


def _put(data: Path, src: str, dst: str, *, keep: bool = False, year: str | None = None) -> None:
    """The data's ``src`` written at ``dst`` (``year``: its 'ar' changed), and unless ``keep``
    removed from ``src``."""
    text = (data / src).read_text(encoding="utf-8")
    if year is not None:
        text = text.replace("ar: 2023", f"ar: {year}", 1)
    (data / dst).parent.mkdir(parents=True, exist_ok=True)
    (data / dst).write_text(text, encoding="utf-8")
    if not keep:
        (data / src).unlink()


KS = "rapporter/2023/kommunstyrelsen.yaml"


def _about(data: Path, *files: str) -> list[tuple[str, int, int, str, str]]:
    return [f for f in _findings(data, *CODES) if f[0] in files]


CODES = (
    "fel-ar-i-mapp",
    "filnamn-matchar-inte",
    "fel-filandelse",
    "fel-plats",
    "okand-fil",
    "rapport-saknas",
    "ar-utanfor-planen",
)


def test_a_report_in_the_wrong_year_under_the_wrong_name_gets_one_step(tmp_path: Path) -> None:
    """Its year and organisation both decide its place: one finding, never one step per key
    (the old "move it to rapporter/2023/" and "kommunstyrelsen.yaml exists" about 2024's file)."""
    data, _ = _data(tmp_path)
    _put(data, KS, "rapporter/2024/ks.yaml")
    _put(data, "rapporter/2024/ks.yaml", "rapporter/2024/kommunstyrelsen.yaml", keep=True)
    text = (data / "rapporter/2024/kommunstyrelsen.yaml").read_text(encoding="utf-8")
    (data / "rapporter/2024/kommunstyrelsen.yaml").write_text(
        text.replace("ar: 2023", "ar: 2024"), encoding="utf-8"
    )
    assert _about(data, KS, "rapporter/2024/ks.yaml") == [
        (KS, 1, 1, "rapport-saknas",
         "Kommunstyrelsen har ingen rapport för 2023 som räknas: filen rapporter/2024/ks.yaml ser "
         "ut att vara den, men den räknas inte förrän den heter "
         "rapporter/2023/kommunstyrelsen.yaml. Byt namn på den eller flytta den dit (se felet "
         "för den filen). Den ska omfatta insats 2:1."),
        ("rapporter/2024/ks.yaml", 2, 5, "fel-ar-i-mapp",
         "Rapporten gäller år 2023 och är från 'kommunstyrelsen', men den ligger i "
         "rapporter/2024/ks.yaml. Flytta den till rapporter/2023/kommunstyrelsen.yaml (ny mapp "
         "och nytt namn), eller rätta 'ar' och 'organisation' om de är fel."),
    ]  # fmt: skip


def test_a_copy_in_the_wrong_year_under_the_wrong_name_is_told_to_go(tmp_path: Path) -> None:
    data, _ = _data(tmp_path)
    _put(data, KS, "rapporter/2024/ks.yaml", keep=True)
    assert _about(data, KS, "rapporter/2024/ks.yaml") == [
        ("rapporter/2024/ks.yaml", 2, 5, "fel-ar-i-mapp",
         "Rapporten gäller år 2023 och är från 'kommunstyrelsen', men den ligger i "
         "rapporter/2024/ks.yaml. Rätta 'ar' och 'organisation' om de är fel; annars hör den "
         "till rapporter/2023/kommunstyrelsen.yaml, men rapporter/2023/kommunstyrelsen.yaml "
         "finns redan med samma innehåll: den här filen är en kopia, ta bort den."),
    ]  # fmt: skip


def test_a_missing_report_points_at_it_in_every_wrong_place(tmp_path: Path) -> None:
    """Wrong year folder (read, so 'räknas'), wrong ending in the wrong year, top level, another
    folder: never "Skapa filen", always the file and the place it goes to, and that file's
    finding by its severity (a report at the top is only warned about: okand-fil)."""
    tail = (
        " ser ut att vara den, men den {0} inte förrän den heter "
        "rapporter/2023/kommunstyrelsen.yaml. Byt namn på den eller flytta den dit (se {1} "
        "för den filen). Den ska omfatta insats 2:1."
    )
    for place, verb, word in [
        ("rapporter/2022/kommunstyrelsen.yaml", "räknas", "felet"),
        ("rapporter/2022/kommunstyrelsen.yml", "läses", "felet"),
        ("rapporter/2024/ks.yaml.txt", "läses", "felet"),
        ("kommunstyrelsen.yaml", "läses", "varningen"),
        ("inkorg/ks.yml", "läses", "felet"),
        ("inkorg/ks.yaml", "läses", "varningen"),
    ]:
        data = build_case(CASES / "_base", tmp_path / place.replace("/", "_"))
        _put(data, KS, place)
        missing = [m for f, _, _, c, m in _findings(data, "rapport-saknas") if f == KS]
        assert missing == [
            f"Kommunstyrelsen har ingen rapport för 2023 som {verb}: filen {place}"
            + tail.format(verb, word)
        ]
        severity = {"felet": "fel", "varningen": "varning"}[word]
        assert [
            f.severity for f in validate(data).findings if f.file.endswith("/data/" + place)
        ] == [severity]


def test_a_wrong_ending_is_renamed_after_the_organisation_in_the_file(tmp_path: Path) -> None:
    data, _ = _data(tmp_path)
    _put(data, KS, "rapporter/2023/ks.yml")
    assert _about(data, "rapporter/2023/ks.yml") == [
        ("rapporter/2023/ks.yml", 1, 1, "fel-filandelse",
         "Filen slutar inte på .yaml och läses inte. Byt namn till kommunstyrelsen.yaml (enligt "
         "'organisation' i filen)."),
    ]  # fmt: skip
    # In another year's folder: its own 'ar' decides, not the folder.
    _put(data, "rapporter/2023/ks.yml", "rapporter/2022/kommunstyrelsen.yml")
    assert _about(data, "rapporter/2022/kommunstyrelsen.yml") == [
        ("rapporter/2022/kommunstyrelsen.yml", 1, 1, "fel-filandelse",
         "Filen slutar inte på .yaml och läses inte. En rapport ska ligga i "
         "rapporter/<år>/<organisation>.yaml. Flytta den till "
         "rapporter/2023/kommunstyrelsen.yaml (enligt 'ar' i filen)."),
    ]  # fmt: skip


def test_an_indicator_copy_with_a_wrong_ending_is_one_step(tmp_path: Path) -> None:
    data, _ = _data(tmp_path)
    _put(data, "indikatorer/valdeltagande.yaml", "indikatorer/foo.yaml.txt", keep=True)
    assert _findings(data, "fel-filandelse", "filnamn-matchar-inte") == [
        ("indikatorer/foo.yaml.txt", 1, 1, "fel-filandelse",
         "Filen slutar inte på .yaml och läses inte. Den ska heta valdeltagande.yaml (enligt 'id' "
         "i filen), men valdeltagande.yaml finns redan med samma innehåll: den här filen är en "
         "kopia, ta bort den."),
    ]  # fmt: skip


def test_a_report_at_the_top_is_sent_to_its_year(tmp_path: Path) -> None:
    data, _ = _data(tmp_path)
    _put(data, KS, "ks-utkast.yaml", year="2024")
    assert _about(data, "ks-utkast.yaml") == [
        ("ks-utkast.yaml", 1, 1, "okand-fil",
         "Filen ligger inte på en plats som utsatta känner till och läses inte, men den ser ut "
         "att vara en rapport. En rapport ska ligga i rapporter/<år>/<organisation>.yaml. Flytta "
         "den till rapporter/2024/kommunstyrelsen.yaml (enligt 'ar' och 'organisation' i "
         "filen)."),
    ]  # fmt: skip
    # A file that says nothing of itself gets the list of places, as before.
    (data / "anteckningar.yaml").write_text("text: hej\n", encoding="utf-8")
    assert _about(data, "anteckningar.yaml") == [
        ("anteckningar.yaml", 1, 1, "okand-fil",
         "Filen ligger inte på en plats som utsatta känner till och läses inte. Datafiler är "
         "plan.yaml, organisationer.yaml, omraden.yaml, indikatorer/<id>.yaml, "
         "rapporter/<år>/<organisation>.yaml och uppfoljning/<år>.yaml."),
    ]  # fmt: skip


def test_a_year_outside_the_plan_is_not_sent_to_a_folder_here(tmp_path: Path) -> None:
    """ar-utanfor-planen says where a file of another plan goes; no move inside this folder."""
    data, _ = _data(tmp_path)
    _put(data, KS, KS, keep=True, year="2030")  # ar: 2030 in rapporter/2023/
    assert [c for _, _, _, c, _ in _about(data, KS)] == ["ar-utanfor-planen"]


def test_a_year_check_shows_the_later_file_a_missing_report_points_at(tmp_path: Path) -> None:
    """validate --year 2023 leaves out 2024's files, but not one that is 2023's report by its
    content: the missing report's "see that file's error" is there to see."""
    data, _ = _data(tmp_path)
    _put(data, KS, "rapporter/2024/ks.yaml")
    (data / "rapporter/2025").mkdir()
    (data / "rapporter/2025/x.yml").write_text("ar: 2025\n", encoding="utf-8")
    found = [(f.file.split("/data/")[-1], f.code) for f in validate(data, year=2023).findings]
    assert found == [(KS, "rapport-saknas"), ("rapporter/2024/ks.yaml", "fel-ar-i-mapp")]


def test_a_follow_up_under_another_years_name_is_pointed_at(tmp_path: Path) -> None:
    data, _ = _data(tmp_path)
    (data / "uppfoljning" / "2023.yaml").rename(data / "uppfoljning" / "2024.yaml")
    assert _findings(data, "uppfoljning-saknas", "filnamn-matchar-inte") == [
        ("uppfoljning/2023.yaml", 1, 1, "uppfoljning-saknas",
         "Den samlade uppföljningen för 2023 saknas: filen uppfoljning/2024.yaml ser ut att vara "
         "den, men den räknas inte förrän den heter uppfoljning/2023.yaml. Byt namn på den eller "
         "flytta den dit (se felet för den filen)."),
        ("uppfoljning/2024.yaml", 3, 5, "filnamn-matchar-inte",
         "Uppföljningen gäller år 2023 men filen heter 2024.yaml. Byt namn på filen till "
         "2023.yaml eller rätta 'ar'."),
    ]  # fmt: skip
