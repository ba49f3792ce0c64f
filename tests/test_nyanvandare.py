"""Messages a new user's review (skriv24) found wrong, reproduced on the shipped data: each
test gives the exact finding and then follows its advice, which must leave the file valid."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import SHIPPED, findings_in, stopped

HIGAB = Path("rapporter/2025/higab.yaml")


def _edited(tmp_path: Path, path: Path, edit: dict[int, str]) -> tuple[Path, Path]:
    """A copy of the shipped data with lines of ``path`` (1-based) replaced: (data, file)."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    lines = (data / path).read_text(encoding="utf-8").split("\n")
    for number, line in edit.items():
        lines[number - 1] = line
    (data / path).write_text("\n".join(lines), encoding="utf-8")
    return data, data / path


def _shifted(path: Path, first: int, last: int, by: int) -> dict[int, str]:
    lines = (SHIPPED / path).read_text(encoding="utf-8").split("\n")
    return {
        n: (" " * by + lines[n - 1] if by > 0 else lines[n - 1][-by:]) if lines[n - 1] else ""
        for n in range(first, last + 1)
    }


def test_a_pasted_last_post_is_told_to_move_its_keys_not_its_dash(tmp_path: Path) -> None:
    """The last post of higab 2025 ('- insats: "2:4"' on line 28) with its keys at 6 spaces:
    the posts above show that the '- ' stands right, so the one advice is to move lines 29–38
    (not the '- ', which the next run would call wrong)."""
    data, path = _edited(tmp_path / "a", HIGAB, _shifted(HIGAB, 29, 38, 2))
    assert findings_in(data, path) == [
        (
            29,
            7,
            "yaml-syntax",
            "YAML-syntaxfel: Raden är indragen 6 mellanslag, men nycklarna på samma nivå (t.ex. "
            "'insats' på rad 28) har 4. Ändra till 4 mellanslag före 'status'. Flytta också "
            "raderna 30–38 under den lika mycket (2 mellanslag mindre i början av varje rad): "
            "postens andra nycklar står lika långt in." + stopped(29),
        )
    ]
    data, path = _edited(tmp_path / "b", HIGAB, {})  # followed: lines 29–38 as shipped
    assert findings_in(data, path) == []


def test_a_pasted_post_with_its_dash_out_is_told_to_move_the_dash(tmp_path: Path) -> None:
    """The same post where the other posts stand 2 further in (the list at 4): the keys stand
    as theirs, so the one line to move is the '- ' line."""
    shifted = _shifted(HIGAB, 7, 27, 2)
    data, path = _edited(tmp_path / "a", HIGAB, shifted | _shifted(HIGAB, 29, 38, 2))
    assert findings_in(data, path) == [
        (
            28,
            3,
            "yaml-syntax",
            "YAML-syntaxfel: Listposten är indragen 2 mellanslag före '- ', men listans andra "
            "poster (t.ex. '- insats' på rad 18) har 4. Ändra till 4 mellanslag före '- '."
            + stopped(28),
        )
    ]
    followed = shifted | _shifted(HIGAB, 28, 38, 2)
    data, path = _edited(tmp_path / "b", HIGAB, followed)
    assert findings_in(data, path) == []
