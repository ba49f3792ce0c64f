"""The data folder and its plan.yaml, when they are not what they must be: the message says
what they are (a folder, a FIFO, a link loop …) and what to do, with exit code 3; never
"saknar plan.yaml" when a plan.yaml is there."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from utsatta.errors import DataDirError
from utsatta.load.datadir import data_dir_above, locate_data_dir


def _folder(p: Path) -> None:
    p.mkdir()


def _fifo(p: Path) -> None:
    os.mkfifo(p)


def _loop(p: Path) -> None:
    p.symlink_to(p.name)


def _to_nothing(p: Path) -> None:
    p.symlink_to("ingen.yaml")


def _file(p: Path) -> None:
    p.write_text("x\n", encoding="utf-8")


PLAN_CASES: list[tuple[Callable[[Path], None], str]] = [
    (
        _folder,
        "är plan.yaml en mapp, inte en fil, så planen går inte att läsa. Byt namn på mappen "
        "eller ta bort den, och lägg in plan.yaml som en vanlig fil.",
    ),
    (
        _fifo,
        "är plan.yaml en namngiven pipe (FIFO), inte en vanlig fil, så planen läses inte. Ta "
        "bort den och lägg in plan.yaml som en vanlig fil.",
    ),
    (
        _loop,
        "är plan.yaml en symbolisk länk som leder i en slinga (till sig själv, eller via andra "
        "länkar tillbaka), så den går inte att läsa. Ta bort länken och lägg in plan.yaml som "
        "en vanlig fil.",
    ),
    (
        _to_nothing,
        "är plan.yaml en symbolisk länk till något som inte finns. Ta bort länken och lägg in "
        "plan.yaml som en vanlig fil.",
    ),
]


@pytest.mark.parametrize(("make", "says"), PLAN_CASES)
def test_plan_that_is_no_file(tmp_path: Path, make: Callable[[Path], None], says: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    make(data / "plan.yaml")
    with pytest.raises(DataDirError) as caught:
        locate_data_dir(data)
    assert str(caught.value) == f"I datamappen {data} (från --data) {says}"


def test_plan_missing_is_still_said_so(tmp_path: Path) -> None:
    with pytest.raises(DataDirError) as caught:
        locate_data_dir(tmp_path)
    assert str(caught.value) == (
        f"Datamappen {tmp_path} (från --data) saknar plan.yaml och är därför ingen utsatta-"
        "datamapp. Ange rätt mapp med --data."
    )


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (_file, "är en vanlig fil, inte en mapp. Ange datamappen med --data."),
        (
            _loop,
            "är en symbolisk länk som leder i en slinga (till sig själv, eller via andra länkar "
            "tillbaka), så den går inte att läsa. Rätta länken eller ange en annan mapp med "
            "--data.",
        ),
        (
            _to_nothing,
            "är en symbolisk länk till något som inte finns. Rätta länken eller ange en annan "
            "mapp med --data.",
        ),
        (lambda p: None, "finns inte. Ange en mapp med --data."),
    ],
)
def test_data_folder_that_is_no_folder(
    tmp_path: Path, make: Callable[[Path], None], says: str
) -> None:
    data = tmp_path / "data"
    make(data)
    with pytest.raises(DataDirError) as caught:
        locate_data_dir(data)
    assert str(caught.value) == f"Datamappen {data} (från --data) {says}"


def test_a_broken_plan_marks_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan.yaml that is a link loop still marks its folder as the data folder: the user
    is told about it, not handed the example data or a folder higher up."""
    monkeypatch.delenv("UTSATTA_DATA", raising=False)
    _loop(tmp_path / "plan.yaml")
    (tmp_path / "rapporter").mkdir()
    monkeypatch.chdir(tmp_path / "rapporter")
    assert data_dir_above(Path("x.yaml")) == Path("..")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataDirError) as caught:
        locate_data_dir(None)
    assert str(caught.value).startswith("I datamappen . (från arbetsmappen) är plan.yaml en ")


@pytest.mark.parametrize("make", [m for m, _ in PLAN_CASES])
def test_every_command_exits_3(tmp_path: Path, make: Callable[[Path], None]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    make(data / "plan.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "UTSATTA_DATA")}
    for args in (["validate"], ["report", "2023", "-o", "r.md"], ["fmt", "--check"]):
        proc = subprocess.run(
            [sys.executable, "-m", "utsatta", *args, "--data", str(data)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 3, proc.stderr
        assert proc.stderr.startswith(f"fel: I datamappen {data} (från --data) är plan.yaml ")
        assert "saknar plan.yaml" not in proc.stderr
