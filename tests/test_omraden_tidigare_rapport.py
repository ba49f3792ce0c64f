"""Bilaga A's column "Områden som nåtts" for an organisation whose latest report is from an
earlier plan year: the areas of that report with its year, as the status and bedömning columns
beside it ("2023: Bergsjön, …"), never "–", which bilaga B reads as "not reached" (granska18,
G9; docs/decisions/0554)."""

from __future__ import annotations

import html as htmllib
import re

ALLA = (
    "Bergsjön, Biskopsgården, Gårdsten, Hammarkullen, Hjällbo, Lövgärdet, "
    "Tynnered/Grevegården/Opaltorget, Hisings Backa"
)
#: the rows of 3:3 in the slutuppföljning 2025: five organisations last reported in 2023 or 2024
ROWS_3_3 = [
    "| Idrotts- och föreningsnämnden | Samordnande och ansvarig | Rapporterad ett tidigare år "
    "· senast 2023: Pågående | 2023: Bedöms uppnås (prognos, ingen slutbedömning) | "
    f"2023: {ALLA} |",
    "| Kulturnämnden | Ansvarig | Rapporterad ett tidigare år · senast 2023: Pågående | "
    "2023: Bedöms uppnås (prognos, ingen slutbedömning) | "
    "2023: Bergsjön, Biskopsgården, Hammarkullen |",
    "| Socialnämnden Hisingen | Ansvarig | Rapporterad ett tidigare år · senast 2024: Pågående "
    "| 2024: Bedöms uppnås (prognos, ingen slutbedömning) | 2024: Biskopsgården, Hisings Backa |",
    "| Socialnämnden Nordost | Ansvarig | Rapporterad ett tidigare år · senast 2023: Pågående | "
    "2023: Bedöms uppnås (prognos, ingen slutbedömning) | 2023: Bergsjön, Hammarkullen |",
    "| Förvaltnings AB Framtiden | Ansvarig | Rapporterad ett tidigare år · senast 2023: "
    "Pågående | 2023: Bedöms uppnås (prognos, ingen slutbedömning) | "
    "2023: Bergsjön, Biskopsgården, Gårdsten, Hammarkullen, Hjällbo, Lövgärdet, "
    "Tynnered/Grevegården/Opaltorget |",
]


def _bilaga_a(md: str) -> str:
    return md[md.index("## Bilaga A.") : md.index("## Bilaga B.")]


def test_the_rows_of_3_3_name_the_areas_of_the_earlier_report(
    report_2025: tuple[str, str],
) -> None:
    md, _ = report_2025
    part = _bilaga_a(md)
    part = part[part.index("#### Insats 3:3 ") :]
    rows = [r for r in part.splitlines() if "· senast " in r]
    assert rows == ROWS_3_3


def test_every_earlier_report_in_the_table_says_what_its_detail_says(
    report_2025: tuple[str, str],
) -> None:
    """Each row "senast ÅÅÅÅ" has in its last column the areas its detail below lists as
    "Områden som nåtts ÅÅÅÅ: …" (with "–" for "inga angivna"), in every insats of bilaga A."""
    md, html = report_2025
    part = _bilaga_a(md)
    detail = {
        (ins, org, ar): areas
        for ins, org, ar, ar2, areas in re.findall(
            r"^##### (\S+) · (.+?) · rapporten för (\d{4})\n\n(?:.*\n\n){2}"
            r"Områden som nåtts (\d{4}): (.*)$",
            part,
            re.M,
        )
        if ar == ar2
    }
    table: dict[tuple[str, str, str], str] = {}
    insats = ""
    for line in part.splitlines():
        if line.startswith("#### Insats "):
            insats = line.split()[2]
        elif m := re.match(r"^\| (.+?) \|.*· senast (\d{4}): .*\| (.*) \|$", line):
            table[(insats, m[1], m[2])] = m[3]
    # 1:4 (1), 1:7 (4) and 3:3 (5): the 10 that section 1 counts as reported an earlier year
    assert len(table) == 10
    assert table.keys() == detail.keys()
    for key, areas in detail.items():
        assert table[key] == f"{key[2]}: {'–' if areas == 'inga angivna' else areas}", key
    # the HTML's cell, the same text
    cell = '<td role="cell" data-label="Områden som nåtts">'
    found = re.findall(re.escape(cell) + r"(\d{4}: [^<]*)</td>", html)
    assert sorted(htmllib.unescape(c) for c in found) == sorted(table.values())
