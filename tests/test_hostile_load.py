"""Hostile input to loading, round two (issue 16): numbers Python refuses to convert, folders
that cannot be read, FIFOs, sockets and devices named *.yaml, and what is not data. Each gives a
finding with the documented exit code, never a traceback, a hang or a process left behind."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.support import BASE, build_case
from utsatta.cli.app import app
from utsatta.load.scalars import MAX_INT_DIGITS, NumberTooLarge, resolve_plain
from utsatta.load.yamlread import parse

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _data(tmp_path: Path) -> Path:
    return build_case(BASE / "no-such-case", tmp_path)


def _validate(data: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(
        app,
        ["validate", "--data", str(data), "--format", "json", *args],
        catch_exceptions=False,
    )
    return result.exit_code, json.loads(result.stdout)["findings"]


def _codes(findings: list[dict[str, object]]) -> list[tuple[str, str, str]]:
    return [(str(f["file"]), str(f["code"]), str(f["severity"])) for f in findings]


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1" * MAX_INT_DIGITS, int("1" * MAX_INT_DIGITS)),
        ("-" + "9" * MAX_INT_DIGITS, -int("9" * MAX_INT_DIGITS)),
        ("+2023", 2023),
        ("1e308", 1e308),
        ("0x" + "f" * MAX_INT_DIGITS, int("f" * MAX_INT_DIGITS, 16)),
        ("0.000001", 0.000001),
    ],
)
def test_numbers_within_bounds_resolve(text: str, value: object) -> None:
    assert resolve_plain(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "1" * (MAX_INT_DIGITS + 1),
        "-" + "1" * (MAX_INT_DIGITS + 1),
        "9" * 4301,
        "9" * 100_000,
        "0x" + "f" * (MAX_INT_DIGITS + 1),
        "0o" + "7" * 5000,
        "1e999",
        "-1e999",
        "1" * 400 + ".5",
    ],
)
def test_numbers_too_large_raise_one_exception(text: str) -> None:
    with pytest.raises(NumberTooLarge) as exc:
        resolve_plain(text)
    assert exc.value.text == text


def test_inf_and_nan_keywords_are_left_to_the_models() -> None:
    assert resolve_plain(".inf") == float("inf")
    nan = resolve_plain(".nan")
    assert nan != nan


def test_huge_integer_is_a_finding_with_a_bounded_echo() -> None:
    text = "ar: " + "12" * 2500 + "\nnamn: x\n"
    result = parse(text)
    assert result.data is None
    [problem] = result.problems
    assert (problem.line, problem.column, problem.code) == (1, 5, "for-stort-tal")
    assert problem.message.startswith(
        "Talet 12121212121212121212… (5 000 siffror) är för stort: utsatta läser heltal med "
        "högst 20 siffror. Kontrollera värdet"
    )
    assert not re.search("[0-9]{21}", problem.message)


def test_huge_integer_in_a_list_with_tracking() -> None:
    result = parse("utfall:\n  - 1\n  - " + "5" * 5000 + "\n", track=True)
    assert [(p.line, p.column, p.code) for p in result.problems] == [(3, 5, "for-stort-tal")]


def test_a_lower_python_limit_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """PYTHONINTMAXSTRDIGITS can lower Python's limit to 640: still a finding."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        result = parse("ar: " + "7" * 700 + "\n")
    finally:
        sys.set_int_max_str_digits(old)
    assert [p.code for p in result.problems] == ["for-stort-tal"]


@given(digits=st.text(st.sampled_from("0123456789"), min_size=1, max_size=6000))
def test_any_digit_string_parses_without_exception(digits: str) -> None:
    for number in (digits, f"-{digits}", f"{digits}.5", f"{digits}e{digits}"):
        text = f"v: {number}\n"
        result = parse(text)
        for problem in result.problems:
            assert problem.code == "for-stort-tal"
            assert not re.search("[0-9]{21}", problem.message)


def _big_indicator(tmp_path: Path) -> Path:
    data = _data(tmp_path)
    path = data / "indikatorer" / "valdeltagande.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("varde: 81.05", "varde: " + "7" * 4400, 1), encoding="utf-8")
    path = data / "rapporter" / "2023" / "grundskolenamnden.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ar: 2023", "ar: " + "7" * 4400, 1), encoding="utf-8")
    return data


FINDING = "Talet 77777777777777777777… (4 400 siffror) är för stort"


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["validate"], 1, FINDING),
        (["fmt", "--check"], 1, FINDING),
        (["report", "2023"], 1, FINDING),
        (["indikatorer"], 1, FINDING),
        # status counts a report with errors as missing and says so (its documented way).
        (["status", "2023"], 0, "Grundskolenämnden: rapporter/2023/grundskolenamnden.yaml"),
    ],
)
def test_huge_number_gives_a_finding_in_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int, says: str
) -> None:
    data = _big_indicator(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(app, [*args, "--data", "data"], catch_exceptions=False)
    assert result.exit_code == code, result.output
    output = result.stdout + result.stderr
    assert says in output
    assert not re.search("[0-9]{21}", output)
    assert data.joinpath("indikatorer/valdeltagande.yaml").stat().st_size > 4400


# --- folders and files that are not data files --------------------------------------------------


def test_unreadable_folder_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, chmod cannot take reading away: the refusal is simulated (os.walk lists a
    folder with os.scandir)."""
    data = _data(tmp_path)
    locked = data / "rapporter" / "2023"
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    code, findings = _validate(data, "--strict")
    assert code == 1
    assert (str(locked), "mapp-kan-inte-lasas", "fel") in _codes(findings)
    [finding] = [f for f in findings if f["code"] == "mapp-kan-inte-lasas"]
    assert finding["message"] == (
        "Mappen går inte att läsa (behörighet saknas), så filerna i den kontrolleras inte. Ge "
        "läsbehörighet till mappen (chmod u+rx) eller ta bort den."
    )


@pytest.mark.skipif(AS_ROOT, reason="root reads a folder with mode 000: simulated above")
def test_unreadable_folder_for_real(tmp_path: Path) -> None:
    data = _data(tmp_path)
    locked = data / "rapporter" / "2023"
    locked.chmod(0)
    try:
        code, findings = _validate(data)
    finally:
        locked.chmod(0o755)
    assert code == 1
    assert (str(locked), "mapp-kan-inte-lasas", "fel") in _codes(findings)


def test_socket_named_yaml_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _data(tmp_path)
    path = data / "rapporter" / "2023" / "trafiknamnden.yaml"
    sock = socket.socket(socket.AF_UNIX)
    # bound by its name in its own folder: a socket's path may have at most 107 bytes, and a
    # deep temporary folder (a test worker's, CI's TMPDIR) is longer
    monkeypatch.chdir(path.parent)
    try:
        sock.bind(path.name)
        code, findings = _validate(data)
    finally:
        sock.close()
    assert code == 1
    assert _codes(findings) == [(str(path), "inte-en-vanlig-fil", "fel")]
    assert findings[0]["message"] == (
        "Det här är en socket, inte en vanlig fil, och läses inte. Ta bort den och lägg in "
        "datafilen som en vanlig fil."
    )


@pytest.mark.skipif(not AS_ROOT, reason="creating a device node needs root")
def test_device_named_yaml_is_a_finding(tmp_path: Path) -> None:
    data = _data(tmp_path)
    path = data / "rapporter" / "2023" / "trafiknamnden.yaml"
    # A copy of /dev/null: if it were read, the file would be empty ("tom-fil"), not a hang.
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    code, findings = _validate(data)
    assert code == 1
    assert _codes(findings) == [(str(path), "inte-en-vanlig-fil", "fel")]
    assert "en enhetsfil" in str(findings[0]["message"])


def test_hidden_and_version_control_folders_are_skipped(tmp_path: Path) -> None:
    data = _data(tmp_path)
    (data / ".git" / "refs").mkdir(parents=True)
    (data / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (data / ".git" / "config.yaml").write_text("a: [\n", encoding="utf-8")
    (data / ".github" / "workflows").mkdir(parents=True)
    (data / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    (data / "rapporter" / "2023" / ".gitkeep").write_text("", encoding="utf-8")
    assert _validate(data, "--strict") == (0, [])
    # a hidden YAML file below the top is not read either, but warned about (0663)
    draft = data / "rapporter" / ".utkast.yaml"
    draft.write_text("x: [\n", encoding="utf-8")
    code, findings = _validate(data)
    assert (code, _codes(findings)) == (0, [(str(draft), "okand-fil", "varning")])


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "UTSATTA_DATA")}
    return subprocess.run(
        [sys.executable, "-m", "utsatta", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _processes_using(marker: str) -> list[int]:
    """Processes (other than this one) whose command line names ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to look for processes")
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["validate", "--data", "FIFODATA"], 1),
        (["validate", "--data", "FIFODATA", "FIFODATA/rapporter/2023/trafiknamnden.yaml"], 1),
        (["fmt", "--check", "--data", "FIFODATA"], 1),  # never green over a file it skipped
        (["fmt", "--check", "FIFODATA/rapporter/2023/trafiknamnden.yaml"], 1),
        (["report", "2023", "--data", "FIFODATA"], 1),
    ],
)
def test_fifo_named_yaml_never_blocks(tmp_path: Path, args: list[str], code: int) -> None:
    """A FIFO is never opened for reading: the command ends (a timeout fails the test), with
    a finding, and leaves no process behind."""
    data = build_case(BASE / "no-such-case", tmp_path / "fifo-case-unique")
    fifo = data / "rapporter" / "2023" / "trafiknamnden.yaml"
    os.mkfifo(fifo)
    argv = [a.replace("FIFODATA", str(data)) for a in args]
    proc = _run(argv, tmp_path)
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output
    assert proc.returncode == code, output
    if args[0] == "validate" or args[0] == "report":
        assert "[inte-en-vanlig-fil]" in output or "inte en vanlig fil" in output, output
    else:
        assert "FIFO" in output or code == 0, output
    assert fifo.is_fifo()
    assert _processes_using(str(data)) == []


def test_folder_named_yaml_is_a_finding(tmp_path: Path) -> None:
    """Built here, not as a case folder: tests/test_fmt.py reads every *.yaml under cases/."""
    data = _data(tmp_path)
    (data / "rapporter" / "2023" / "trafiknamnden.yaml").mkdir()
    (data / "anteckningar.yaml").mkdir()
    (data / "anteckningar.yaml" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    code, findings = _validate(data)
    assert code == 1
    assert _codes(findings) == [
        (str(data / "anteckningar.yaml"), "mapp-i-stallet-for-fil", "varning"),
        (str(data / "rapporter/2023/trafiknamnden.yaml"), "mapp-i-stallet-for-fil", "fel"),
    ]
    assert findings[1]["message"] == (
        "Det här är en mapp, inte en fil, och läses inte. En datafil ska vara en vanlig fil: ta "
        "bort mappen och lägg in filen i dess ställe."
    )
