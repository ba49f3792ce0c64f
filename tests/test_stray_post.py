"""A '- ' too many before a key of a list post (review granska12, finding 11): valid YAML, a
new post with only keys the post above lacks. One finding at the '- ', with both fixes; the
first, followed literally, leaves no finding. Exact texts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import utsatta
from tests.support import BASE, SHIPPED

REPORT = "rapporter/2023/grundskolenamnden.yaml"
KEY = "    samordning: Samordningen fungerar.\n"
REQUIRED = "(insats, status, nulage, omraden, bedomning, fortsatt_arbete)"
NEW_POST = (
    "Är det i stället en ny post: lägg till 'insats: …', 'status: …', 'nulage: …', "
    "'omraden: …', 'bedomning: …', 'fortsatt_arbete: …' i den."
)


def _findings(tmp_path: Path, old: str, new: str) -> list[tuple[str, int, int, str, str]]:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / REPORT
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [
        (Path(f.file).name, f.line, f.column, f.code, f.message)
        for f in utsatta.validate(data).findings
        if f.file.endswith("grundskolenamnden.yaml")
    ]


def test_a_dash_too_many_before_a_key_the_post_above_lacks_is_one_finding(
    tmp_path: Path,
) -> None:
    """Was: six 'Den obligatoriska nyckeln … saknas i post 2' and no word of the '- '."""
    found = _findings(tmp_path, KEY, "  - samordning: Samordningen fungerar.\n")
    assert found == [
        (
            "grundskolenamnden.yaml",
            12,
            3,
            "saknat-falt",
            "'- ' före 'samordning' börjar en ny post (post 2 under 'insatser') som har bara "
            "nyckeln 'samordning', som posten ovanför saknar, och ingen av de nycklar en post "
            f"måste ha {REQUIRED}. Hör 'samordning' i stället till posten ovanför: ta bort "
            "'- ' och dra in raden till 4 mellanslag, så att 'samordning' står rakt under "
            f"'fortsatt_arbete' (rad 11). {NEW_POST}",
        )
    ]


def test_the_first_fix_followed_literally_leaves_no_finding(tmp_path: Path) -> None:
    written = "  - samordning: Samordningen fungerar.\n"
    removed = written.replace("- ", "", 1)  # ta bort '- '
    fixed = " " * 4 + removed.lstrip(" ")  # dra in raden till 4 mellanslag
    assert fixed == KEY
    assert _findings(tmp_path, KEY, fixed) == []


def test_the_second_fix_followed_literally_leaves_no_finding_of_it(tmp_path: Path) -> None:
    """A new post with the keys the message names (values of the right kind) is valid."""
    new_post = (
        "  - samordning: Samordningen fungerar.\n"
        '    insats: "1:2"\n    status: pagaende\n    nulage: Arbetet pågår.\n'
        "    omraden: [bergsjon]\n    bedomning: osakert\n    fortsatt_arbete: Vi fortsätter.\n"
    )
    assert [f for f in _findings(tmp_path, KEY, new_post) if f[3] == "saknat-falt"] == []


def test_several_keys_under_the_dash_are_named(tmp_path: Path) -> None:
    found = _findings(
        tmp_path, KEY, "  - samordning: Samordningen fungerar.\n    motivering: Det går bra.\n"
    )
    assert [f[1:4] for f in found] == [(12, 3, "saknat-falt")]
    assert (
        "har bara nycklarna 'samordning' och 'motivering', som posten ovanför saknar"
        in (found[0][4])
    )


def test_a_key_the_post_above_has_is_no_key_of_that_post(tmp_path: Path) -> None:
    """'- status' where the post above has 'status' is a new post: the missing keys are told
    one by one, as before (removing the '- ' would give a duplicate key)."""
    found = _findings(tmp_path, KEY, KEY + "  - status: pagaende\n")
    assert [(f[1], f[3], f[4].split(". ")[0]) for f in found] == [
        (13, "saknat-falt", f"Den obligatoriska nyckeln '{k}' saknas i post 2 under 'insatser'")
        for k in ("bedomning", "fortsatt_arbete", "insats", "nulage", "omraden")
    ]


def test_the_reviews_case_in_a_shipped_report(tmp_path: Path) -> None:
    """'    behov: []' written '  - behov: []' (review granska12, finding 11): one finding, and
    the shipped file once the fix is followed."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = data / "rapporter/2023/arbetsmarknad-och-vuxenutbildning.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    behov: []\n", "  - behov: []\n", 1), encoding="utf-8")
    found = [f for f in utsatta.validate(data, paths=[path]).findings if f.file == str(path)]
    assert [(f.line, f.column, f.code) for f in found] == [(17, 3, "saknat-falt")]
    assert "ta bort '- ' och dra in raden till 4 mellanslag, så att 'behov' står rakt under " in (
        found[0].message
    )
    assert "'fortsatt_arbete' (rad 15)." in found[0].message
    path.write_text(text, encoding="utf-8")
    assert [f for f in utsatta.validate(data, paths=[path]).findings if f.file == str(path)] == []


def test_a_post_above_in_flow_style_gets_no_indent_advice(tmp_path: Path) -> None:
    """No indent joins a key to a post written '- {…}' (review granska13, finding 1): the
    schema's own messages stay, none says 'dra in raden'."""
    found = _findings(
        tmp_path,
        "insatser:\n",
        'insatser:\n  - {insats: "1:1", status: pagaende, nulage: Arbetet pågår., omraden: '
        "[bergsjon], bedomning: bedoms-uppnas, fortsatt_arbete: Vi fortsätter.}\n"
        "  - samordning: Samordningen fungerar.\n",
    )
    assert found
    assert all("dra in raden" not in f[4] for f in found)
    assert all("'- ' före" not in f[4] for f in found)


def test_two_dashes_too_many_in_a_row_are_not_told_against_each_other(tmp_path: Path) -> None:
    """The second of two such posts does not call the first 'posten ovanför' (review
    granska13, finding 3): the first gets the finding, the second the schema's messages."""
    found = _findings(tmp_path, KEY, "  - behov: []\n  - samordning: Samordningen fungerar.\n")
    told = [f for f in found if "'- ' före" in f[4]]
    assert [(f[1], f[2]) for f in told] == [(12, 3)]
    assert told[0][4].startswith("'- ' före 'behov' börjar en ny post (post 2 under 'insatser')")


#: The first post written '-   insats:', its keys at column 7 (review granska13, finding 2)
WIDE = (
    '  -   insats: "1:1"\n      status: pagaende\n      nulage: Arbetet pågår.\n'
    "      omraden: [bergsjon]\n      bedomning: bedoms-uppnas\n"
    "      fortsatt_arbete: Vi fortsätter.\n"
)
FIRST_POST = (
    '  - insats: "1:1"\n    status: pagaende\n    nulage: Arbetet pågår.\n'
    "    omraden: [bergsjon]\n    bedomning: bedoms-uppnas\n    fortsatt_arbete: Vi fortsätter.\n"
    + KEY
)


def _follow(text: str, line: int, message: str) -> str:
    """``text`` with the first fix of the finding on ``line`` applied as the message says: the
    '- ' removed, the line indented to the spaces named, and the lines named under it moved
    by as many spaces as named."""
    lines = text.split("\n")
    spaces = int(re.findall(r"dra in raden till (\d+) mellanslag", message)[0])
    lines[line - 1] = " " * spaces + lines[line - 1].replace("- ", "", 1).lstrip(" ")
    for one, first, last, by, way in re.findall(
        r"och (?:rad (\d+)|raderna (\d+)–(\d+)) under den lika mycket \((\d+) mellanslag "
        r"(till|mindre) i början av (?:raden|varje rad)\)",
        message,
    ):
        for n in range(int(one or first), int(one or last) + 1):
            old = lines[n - 1]
            if way == "till":
                lines[n - 1] = " " * int(by) + old if old else old
            else:
                assert old[: int(by)].strip() == "" or not old
                lines[n - 1] = old[int(by) :]
    return "\n".join(lines)


def _findings_of(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    """The findings of the base data's report written as ``text``."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / REPORT
    path.write_text(text, encoding="utf-8")
    return [
        (f.line, f.column, f.code, f.message)
        for f in utsatta.validate(data).findings
        if f.file.endswith("grundskolenamnden.yaml")
    ]


@pytest.mark.parametrize(
    ("stray", "expected"),
    [
        (
            "  - samordning: |\n      Samordningen fungerar.\n",
            "och rad 13 under den lika mycket (2 mellanslag till i början av raden)",
        ),
        (
            "  - samordning: >\n      Samordningen fungerar\n\n      och går bra.\n",
            "och raderna 13–15 under den lika mycket (2 mellanslag till i början av varje rad)",
        ),
        (
            "  - samordning: Samordningen fungerar\n      och går bra.\n",
            "och rad 13 under den lika mycket (2 mellanslag till i början av raden)",
        ),
        (
            "  -         samordning: |\n              Samordningen fungerar.\n",
            "och rad 13 under den lika mycket (6 mellanslag mindre i början av raden)",
        ),
    ],
)
def test_a_block_text_under_the_key_moves_with_it(
    tmp_path: Path, stray: str, expected: str
) -> None:
    """ "Dra in raden" alone left the text under the key where it was: followed literally, it
    gave text-ej-indragen (review granska13, finding 2). The lines under it are named, with
    the count of spaces; followed once, the file is valid."""
    text = (BASE / REPORT).read_text(encoding="utf-8")
    assert text.count(FIRST_POST) == 1
    written = text.replace(FIRST_POST, WIDE + stray)
    found = _findings_of(tmp_path / "fel", written)
    assert [f[:3] for f in found] == [(12, 3, "saknat-falt")]
    assert (
        "Hör 'samordning' i stället till posten ovanför: ta bort '- ' och dra in raden till 6 "
        f"mellanslag, {expected}, så att 'samordning' står rakt under 'fortsatt_arbete' (rad 11)."
    ) in found[0][3]
    fixed = _follow(written, found[0][0], found[0][3])
    assert _findings_of(tmp_path / "rättad", fixed) == []


def test_a_key_on_one_line_gets_no_word_of_lines_under_it(tmp_path: Path) -> None:
    found = _findings(tmp_path, FIRST_POST, WIDE + "  - samordning: Samordningen fungerar.\n")
    assert [f[1:4] for f in found] == [(12, 3, "saknat-falt")]
    assert "ta bort '- ' och dra in raden till 6 mellanslag, så att 'samordning'" in found[0][4]
    assert "under den lika mycket" not in found[0][4]


def test_an_unknown_key_under_the_dash_counts_as_a_key_the_post_above_lacks(
    tmp_path: Path,
) -> None:
    """'samordnign' (misspelt) under a '- ' too many: before, the '- ' was not named, as the
    rule counted only the model's keys; the post got six saknat-falt besides the okant-falt
    (decision 0511). Now the finding at the '- ' and the okant-falt; both fixes done as they
    say (remove the '- ', indent; rename the key as the okant-falt then says): no finding."""
    written = "  - samordnign: Samordningen fungerar.\n"
    found = _findings(tmp_path / "a", KEY, written)
    assert found == [
        (
            "grundskolenamnden.yaml",
            12,
            3,
            "saknat-falt",
            "'- ' före 'samordnign' börjar en ny post (post 2 under 'insatser') som har bara "
            "nyckeln 'samordnign', som posten ovanför saknar, och ingen av de nycklar en post "
            f"måste ha {REQUIRED}. Hör 'samordnign' i stället till posten ovanför: ta bort "
            "'- ' och dra in raden till 4 mellanslag, så att 'samordnign' står rakt under "
            f"'fortsatt_arbete' (rad 11). {NEW_POST}",
        ),
        (
            "grundskolenamnden.yaml",
            12,
            5,
            "okant-falt",
            "Okänd nyckel 'samordnign' i post 2 under 'insatser'. Menade du 'samordning'? "
            "Tillåtna nycklar här: insats, status, nulage, omraden, bedomning, motivering, "
            "fortsatt_arbete, behov, samordning.",
        ),
    ]
    moved = "    " + written.replace("- ", "", 1).lstrip(" ")
    (left,) = _findings(tmp_path / "b", KEY, moved)
    assert left[1:4] == (12, 5, "okant-falt")
    assert "Menade du 'samordning'?" in left[4]
    assert _findings(tmp_path / "c", KEY, moved.replace("samordnign", "samordning")) == []


def test_a_key_told_to_be_renamed_to_one_the_post_lacks_is_no_dash_too_many(
    tmp_path: Path,
) -> None:
    """'statsu' alone under a '- ': okant-falt says it is to be renamed 'status', which the post
    above has already; the '- ' advice would give it a second 'status'. The schema's findings
    stay (decision 0511)."""
    found = _findings(tmp_path, KEY, "  - statsu: pagaende\n")
    assert [f[1:4] for f in found] == [
        (12, 5, "okant-falt"),
        *[(12, 5, "saknat-falt")] * 5,
    ]
    assert found[0][4] == "Nyckeln 'statsu' ska heta 'status'. Byt namn på den."
    assert not [f for f in found if "'- '" in f[4]]
