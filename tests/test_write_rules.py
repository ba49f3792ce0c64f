"""Rules every writing command keeps (schema, export, report, codeowners): refusals before
anything is written, all-or-nothing folders, Swedish reasons naming the user's paths, no data
file overwritten even with --force, and no temporary file left by SIGTERM or SIGHUP."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import CASES, build_case
from utsatta.cli.app import app
from utsatta.fileio import LIBRARY_REPLACE_HINT, REPLACE_HINT

runner = CliRunner()
SRC = Path(__file__).resolve().parents[1] / "src"
SCHEMA_NAMES = [
    "plan.schema.json",
    "organisationer.schema.json",
    "omraden.schema.json",
    "indikator.schema.json",
    "rapport.schema.json",
    "uppfoljning.schema.json",
]


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def full_disk_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> None:
    """os.fsync fails with ENOSPC from call number ``calls`` + 1 on (a disk that fills up)."""
    done = [0]

    def fsync(fd: int) -> None:
        done[0] += 1
        if done[0] > calls:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)


# --- 1. schema: refused before anything is written, never suggesting --force -------------------


def _not_regular(path: Path, kind: str) -> str:
    if kind == "fifo":
        os.mkfifo(path)
        return "en namngiven pipe (FIFO), inte en vanlig fil, och utsatta skriver bara vanliga"
    if kind == "folder":
        path.mkdir()
        return "en mapp. Ange en fil att skriva till."
    path.symlink_to("plan.schema.json")
    return "en symbolisk länk till en vanlig fil. utsatta följer inga länkar"


@pytest.mark.parametrize("kind", ["fifo", "folder", "link"])
@pytest.mark.parametrize("force", [True, False])
def test_schema_refuses_a_target_that_is_not_a_file_before_writing(
    tmp_path: Path, kind: str, force: bool
) -> None:
    folder = tmp_path / "sc"
    folder.mkdir()
    for name in SCHEMA_NAMES[:-1]:
        (folder / name).write_text("{}\n", encoding="utf-8")
    odd = folder / SCHEMA_NAMES[-1]
    said = _not_regular(odd, kind)
    code, err = invoke("schema", "--output", str(folder), *(["--force"] if force else []))
    assert code == 4
    assert err.startswith(f"fel: {odd} är {said}")
    assert REPLACE_HINT not in err
    assert LIBRARY_REPLACE_HINT not in err
    for name in SCHEMA_NAMES[:-1]:
        assert (folder / name).read_text(encoding="utf-8") == "{}\n"
    assert not leftovers(tmp_path)


@pytest.mark.parametrize("existing", [False, True])
def test_schema_on_a_full_disk_writes_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    folder = tmp_path / "sc"
    if existing:
        folder.mkdir()
        for name in SCHEMA_NAMES:
            (folder / name).write_text("{}\n", encoding="utf-8")
    full_disk_after(monkeypatch, 3)
    code, err = invoke("schema", "--output", str(folder), "--force")
    assert code == 120
    assert err == f"fel: Kan inte skriva {folder / SCHEMA_NAMES[3]} (disken är full).\n"
    if existing:
        assert sorted(p.name for p in folder.iterdir()) == sorted(SCHEMA_NAMES)
        assert all((folder / n).read_text(encoding="utf-8") == "{}\n" for n in SCHEMA_NAMES)
    else:
        assert not folder.exists()
    assert not leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["sc"] if existing else [])


# --- 2, 3. a folder that cannot be made: 120, a Swedish reason, for every command ---------------


@pytest.mark.parametrize(
    "args",
    [
        ["export", "2023", "--format", "xlsx"],
        ["export", "2023", "--format", "csv"],
        ["report", "2023"],
        ["schema"],
    ],
)
def test_a_folder_that_cannot_be_made_is_a_write_failure(tmp_path: Path, args: list[str]) -> None:
    data = build_case(CASES / "rapport-saknas", tmp_path / "d")
    (tmp_path / "file").write_text("f\n", encoding="utf-8")
    target = tmp_path / "file" / "sub" / "x"
    extra = [] if args[0] == "schema" else ["--data", str(data)]
    code, err = invoke(*args, "--output", str(target), *extra)
    assert code == 120
    assert err.endswith(
        f"fel: Mappen {target.parent} kan inte skapas (en del av sökvägen är inte en mapp).\n"
    )
    assert (tmp_path / "file").read_text(encoding="utf-8") == "f\n"


def test_no_english_system_text_is_used_outside_reason() -> None:
    """Every OSError's reason goes through fileio.reason (the system's own text is English)."""
    uses = [
        (str(p.relative_to(SRC)), line.strip())
        for p in SRC.rglob("*.py")
        for line in p.read_text(encoding="utf-8").splitlines()
        # cli/svenska.py maps the system's English texts that Typer quotes to reason()'s
        if "strerror" in line and "reason(" not in line
    ]
    # only in reason() itself, for NotRegularFile, whose own text is Swedish
    assert uses == [("utsatta/fileio.py", "return str(exc.strerror)")], uses


# --- 5. a full disk during a CSV export names the user's path -------------------------------------


@pytest.mark.parametrize("existing", [False, True])
def test_full_disk_in_csv_export_names_the_users_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    data = build_case(CASES / "rapport-saknas", tmp_path / "d")
    out = tmp_path / "ut" / "csv"
    if existing:
        out.mkdir(parents=True)
    full_disk_after(monkeypatch, 1)
    code, err = invoke(
        "export", "2023", "--format", "csv", "--output", str(out), "--data", str(data)
    )
    assert code == 120
    assert err.startswith(f"fel: Kan inte skriva {out}/"), err
    assert err.endswith(".csv (disken är full).\n"), err
    assert ".tmp" not in err
    assert not leftovers(tmp_path / "ut")
    assert (list(out.iterdir()) == []) if existing else not out.exists()


# --- 6. no output over a data file, even with --force -------------------------------------------


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["report", "2023"], "plan.yaml"),
        (["report", "2023"], "ny.yml"),
        (["export", "2023", "--format", "xlsx"], "organisationer.yaml"),
        (["codeowners"], "plan.yaml"),
    ],
)
def test_an_output_never_replaces_a_data_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str
) -> None:
    (tmp_path / ".git").mkdir()  # codeowners wants the data folder inside a repository
    data = build_case(CASES / "rapport-saknas", tmp_path)
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    target = Path("data") / name
    code, err = invoke(*args, "--data", "data", "--output", str(target), "--force")
    assert code == 4
    assert err == (
        f"fel: {target} är en datafil i datamappen data (eller skulle bli en), och utsatta skriver "
        "aldrig utdata över datafiler, inte heller med --force. Välj en fil utanför datamappen, "
        f"t.ex. {target.name}.\n"
    )
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


# --- 4. SIGTERM and SIGHUP unwind like Ctrl-C: no temporary file left -----------------------------

CHILD = """
import os, sys, time
from pathlib import Path
marker = Path(sys.argv[1])
real_fsync = os.fsync
def blocked(fd):
    marker.write_text("blocked")
    time.sleep(60)
    real_fsync(fd)
os.fsync = blocked
sys.argv = ["utsatta", *sys.argv[2:]]
from utsatta.cli.app import main
main()
"""


@pytest.mark.parametrize(
    ("signum", "existing"),
    [(signal.SIGTERM, False), (signal.SIGTERM, True), (signal.SIGHUP, True)],
)
def test_a_signal_during_a_write_leaves_no_temporary_file(
    tmp_path: Path, signum: int, existing: bool
) -> None:
    folder = tmp_path / "sc"
    if existing:
        folder.mkdir()
        for name in SCHEMA_NAMES:
            (folder / name).write_text("{}\n", encoding="utf-8")
    marker = tmp_path / "marker"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(marker), "schema", "--output", str(folder), "--force"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), child.communicate()
    assert leftovers(tmp_path)  # the write is under way: a temporary file stands there
    child.send_signal(signum)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signum
    assert (
        err
        == {
            signal.SIGTERM: "Avbrutet av signalen SIGTERM (en begäran att avsluta, t.ex. när ett "
            "CI-jobb avbryts).\n",
            signal.SIGHUP: "Avbrutet av signalen SIGHUP (terminalen eller sessionen som körde "
            "kommandot stängdes).\n",
        }[signum]
    )
    assert not leftovers(tmp_path)
    if existing:
        assert all((folder / n).read_text(encoding="utf-8") == "{}\n" for n in SCHEMA_NAMES)
    else:
        assert not folder.exists()


# --- 7. the refusal names the library's force=True only where the library has it ---------------

#: each writing command → the function of ``utsatta.__all__`` that writes the same, if any
LIBRARY_OF = {"export": "write_export", "report": None, "codeowners": None, "schema": None}


def _with_force() -> set[str]:
    """The functions of ``utsatta.__all__`` that take ``force``, from their signatures."""
    import inspect

    import utsatta

    return {
        name
        for name in utsatta.__all__
        if inspect.isfunction(obj := getattr(utsatta, name))
        and "force" in inspect.signature(obj).parameters
    }


def test_only_write_export_has_force_in_the_library() -> None:
    assert _with_force() == {"write_export"}
    assert set(LIBRARY_OF.values()) - {None} == _with_force()


@pytest.mark.parametrize(
    ("args", "target", "existing"),
    [
        (["report", "2023"], "r.md", "r.md"),
        (["codeowners"], "CODEOWNERS", "CODEOWNERS"),
        (["schema"], "sc", "sc/plan.schema.json"),
        (["export", "2023", "--format", "xlsx"], "e.xlsx", "e.xlsx"),
        (["export", "2023", "--format", "csv"], "ec", "ec/kolumner.csv"),
    ],
)
def test_the_refusal_names_force_true_only_for_a_library_function_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], target: str, existing: str
) -> None:
    """granska18c F8: "Ange --force (i biblioteket force=True)" was said for schema, report and
    codeowners too, which have no library function with ``force``."""
    (tmp_path / ".git").mkdir()  # codeowners wants the data folder inside a repository
    build_case(CASES / "rapport-saknas", tmp_path)
    monkeypatch.chdir(tmp_path)
    Path(existing).parent.mkdir(parents=True, exist_ok=True)
    Path(existing).write_text("x\n", encoding="utf-8")
    extra = [] if args[0] == "schema" else ["--data", "data"]
    code, err = invoke(*args, "--output", target, *extra)
    assert code == 4
    library = LIBRARY_OF[args[0]]
    hint = LIBRARY_REPLACE_HINT if library in _with_force() else REPLACE_HINT
    state = "finns redan med annat innehåll" if args[0] == "schema" else "finns redan"
    assert err == f"fel: {existing} {state} och skrivs inte över. {hint} filen.\n"
    assert ("force=True" in err) == (args[0] == "export")
    assert Path(existing).read_text(encoding="utf-8") == "x\n"
