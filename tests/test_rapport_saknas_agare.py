"""rapport-saknas when a file in the year's folder under another name is, by its own finding,
that organisation's report (granska17b F13): it points at that file and its finding, never
"utsatta ny rapport" (a second report, whose empty fields the next run calls errors), and the
file's advice followed exactly leaves no finding for either."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import utsatta
from tests.support import CASES, build_case

MISSING = (
    "Grundskolenämnden har ingen rapport för 2023 som räknas: filen rapporter/2023/skolan.yaml "
    "ser ut att vara den, efter insatserna i den. Rätta den som felet för den filen säger, i "
    "stället för att skapa en ny rapport. Den ska omfatta insatserna 1:1 och 2:1."
)
POST = (
    '  - insats: "2:1"\n    status: pagaende\n    nulage: Arbetet pågår.\n'
    "    omraden: [bergsjon]\n    bedomning: bedoms-uppnas\n"
    "    fortsatt_arbete: Vi fortsätter.\n"
)


def _found(data: Path) -> list[tuple[str, int, int, str, str]]:
    return [
        (Path(f.file).relative_to(data).as_posix(), f.line, f.column, f.code, f.message)
        for f in utsatta.validate(data).findings
    ]


@pytest.mark.parametrize(
    ("folder", "code", "keys"),
    [
        # 'ar' 2024 besides: the file's reading (fel-ar-i-mapp)
        ("agare-fel-ar-utan-namn", "fel-ar-i-mapp", "rätta 'ar' till 2023 och 'organisation'"),
        # the year right: the owner from the posts (organisation-upphord)
        ("agare-ur-posterna", "organisation-upphord", "rätta 'organisation'"),
    ],
)
def test_a_missing_report_points_at_the_file_that_looks_like_it(
    tmp_path: Path, folder: str, code: str, keys: str
) -> None:
    data = build_case(CASES / folder, tmp_path)
    found = [f for f in _found(data) if "grundskolenamnden" in f[0] or "skolan" in f[0]]
    assert [f[:4] for f in found] == [
        ("rapporter/2023/grundskolenamnden.yaml", 1, 1, "rapport-saknas"),
        ("rapporter/2023/skolan.yaml", found[1][1], found[1][2], code),
    ]
    assert found[0][4] == MISSING
    advice = found[1][4]
    assert (
        f"Om Grundskolenämnden skrev rapporten: {keys} till 'grundskolenamnden'" in advice
        and "byt namn på filen till grundskolenamnden.yaml. Lägg också till en post under "
        "'insatser' för insats 2:1, som Grundskolenämnden ska rapportera för 2023."
        in advice
    )
    # the file's advice, done exactly as it says
    path = data / "rapporter/2023/skolan.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^ar: 2024$", "ar: 2023", text)
    text = re.sub(r"(?m)^organisation: .*$", "organisation: grundskolenamnden", text)
    path.unlink()
    (data / "rapporter/2023/grundskolenamnden.yaml").write_text(text + POST, encoding="utf-8")
    assert [f for f in _found(data) if "grundskolenamnden" in f[0] or "skolan" in f[0]] == []
