"""`utsatta report`: stdout, --output (atomic, no silent overwrite), --check, exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from utsatta.cli.app import app
from utsatta.errors import OutputError
from utsatta.filewrite import write_atomic

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report-data"
GOLDEN = HERE / "golden"

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def golden(fmt: str) -> bytes:
    return (GOLDEN / f"report-2023.{fmt}").read_bytes()


def test_markdown_to_stdout_by_default() -> None:
    """Without --output the report goes to stdout, Markdown by default."""
    code, out, err = invoke("2023", "--data", str(FIXTURE))
    # the fixture's warnings, counted on stderr (docs/decisions/0601)
    see = f"Se dem med 'utsatta validate --year 2023 --data {FIXTURE}'."
    assert (code, err) == (0, f"Datan har 12 varningar. {see}\n")
    assert out.encode("utf-8") == golden("md")


def test_output_writes_then_refuses_to_overwrite_a_different_file(tmp_path: Path) -> None:
    """--output writes; a different existing file is left alone without --force (exit 4,
    refused: docs/decisions/0060-exit-codes-for-writing.md)."""
    target = tmp_path / "rapport.html"
    code, out, err = invoke(
        "2023", "--format", "html", "--output", str(target), "--data", str(FIXTURE)
    )
    assert (code, out) == (0, "")
    assert "Skrev" in err
    assert target.read_bytes() == golden("html")

    code, _, err = invoke("2023", "--format", "html", "-o", str(target), "--data", str(FIXTURE))
    assert code == 0
    assert "oförändrad" in err

    target.write_text("handskrivet\n", encoding="utf-8")
    code, _, err = invoke("2023", "--format", "html", "-o", str(target), "--data", str(FIXTURE))
    assert code == 4
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "handskrivet\n"

    code, _, err = invoke(
        "2023", "--format", "html", "-o", str(target), "--force", "--data", str(FIXTURE)
    )
    assert code == 0, err
    assert target.read_bytes() == golden("html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.html"]


def test_check_passes_on_an_up_to_date_file_and_fails_with_the_line(tmp_path: Path) -> None:
    """--check exits 0 when the file matches, else 1 naming the file, line and the fix."""
    target = tmp_path / "rapport.md"
    target.write_bytes(golden("md"))
    code, out, err = invoke("2023", "--output", str(target), "--check", "--data", str(FIXTURE))
    assert (code, out) == (0, "")

    lines = golden("md").decode("utf-8").splitlines(keepends=True)
    lines[4] = "ändrad rad\n"
    target.write_text("".join(lines), encoding="utf-8")
    code, out, err = invoke("2023", "--output", str(target), "--check", "--data", str(FIXTURE))
    assert (code, out) == (1, "")
    assert str(target) in err
    assert "rad 5" in err
    assert f"utsatta report 2023 --data {FIXTURE} --output {target} --force" in err
    assert target.read_text(encoding="utf-8") == "".join(lines)  # --check never writes

    target.unlink()
    code, _, err = invoke("2023", "-o", str(target), "--check", "--data", str(FIXTURE))
    assert code == 1
    # creating the file needs no --force
    assert " ".join(err.split()) == (
        f"{target} finns inte. Skapa den med: utsatta report 2023 --data {FIXTURE} --output "
        f"{target}"
    )


def test_check_names_the_format_in_the_fix(tmp_path: Path) -> None:
    """The suggested command repeats --format html when the file is HTML."""
    target = tmp_path / "r.html"
    target.write_text("gammal\n", encoding="utf-8")
    code, _, err = invoke(
        "2023", "--format", "html", "-o", str(target), "--check", "--data", str(FIXTURE)
    )
    assert code == 1
    assert "rad 1" in err
    assert "--format html" in err


@pytest.mark.parametrize(
    "args",
    [
        ("2023", "--check"),  # --check needs --output
        ("2023", "--check", "--force", "-o", "x.md"),
        ("2023", "--format", "pdf"),
        ("2030",),  # outside the plan's period
        ("tjugotjugotre",),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    """Bad arguments are usage errors (exit 2)."""
    code, out, _ = invoke(*args, "--data", str(FIXTURE))
    assert code == 2
    assert out == ""


def test_unreadable_data_folder_exits_3(tmp_path: Path) -> None:
    """A data folder that does not exist is exit 3 with a Swedish message."""
    code, out, err = invoke("2023", "--data", str(tmp_path / "finns-inte"))
    assert (code, out) == (3, "")
    assert "finns inte" in err


def test_data_errors_exit_1_and_write_nothing(tmp_path: Path) -> None:
    """Errors in the data stop the report (exit 1) and the findings are shown."""
    data = tmp_path / "data"
    for src in FIXTURE.rglob("*"):
        dest = data / src.relative_to(FIXTURE)
        if src.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(src.read_bytes())
    report = data / "rapporter/2023/kommunstyrelsen.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("status:", "statuz:"), "utf-8")
    target = tmp_path / "r.md"
    code, out, err = invoke("2023", "-o", str(target), "--data", str(data))
    assert (code, out) == (1, "")
    assert "okant-falt" in err or "saknat-falt" in err
    assert not target.exists()


def test_a_data_repository_template_is_used(tmp_path: Path) -> None:
    """templates/report.md.j2 next to the data folder wins over the bundled template."""
    data = tmp_path / "data"
    for src in FIXTURE.rglob("*"):
        dest = data / src.relative_to(FIXTURE)
        if src.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(src.read_bytes())
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/report.md.j2").write_text("Egen {{ r.ar }}\n", encoding="utf-8")
    code, out, _ = invoke("2023", "--data", str(data))
    assert (code, out) == (0, "Egen 2023\n")


def test_help_is_swedish_with_an_example() -> None:
    """The help text is Swedish and has an "Exempel:" line."""
    code, out, _ = invoke("--help")
    assert code == 0
    assert "Exempel: utsatta report 2023" in out
    assert "Samlade" in out or "samlade" in out


# --- atomic writes -------------------------------------------------------------------------------


def test_write_atomic_creates_and_refuses(tmp_path: Path) -> None:
    """A new file is written; an existing one is refused without overwrite, replaced with it."""
    target = tmp_path / "ut.md"
    write_atomic(target, "ett\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "ett\n"
    with pytest.raises(OutputError, match="--force"):
        write_atomic(target, "två\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "ett\n"
    write_atomic(target, "två\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "två\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ut.md"]


def test_write_atomic_keeps_newlines_and_permissions(tmp_path: Path) -> None:
    """The bytes are written as given (no newline translation); a replaced file keeps its mode."""
    target = tmp_path / "ut.md"
    target.write_text("gammal", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "a\r\nb\nå", overwrite=True)
    assert target.read_bytes() == "a\r\nb\nå".encode()
    assert target.stat().st_mode & 0o777 == 0o640


def test_write_atomic_cleans_up_after_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing fails, the target is untouched and no temporary file is left."""
    target = tmp_path / "ut.md"
    target.write_text("orörd\n", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OutputError, match="Kan inte skriva"):
        write_atomic(target, "ny\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "orörd\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ut.md"]


def test_write_atomic_needs_an_existing_folder(tmp_path: Path) -> None:
    """A missing folder is an OutputError in Swedish, not a traceback."""
    with pytest.raises(OutputError, match="Mappen"):
        write_atomic(tmp_path / "saknas" / "ut.md", "x", overwrite=False)


def test_output_folder_is_created(tmp_path: Path) -> None:
    """--output in a folder that does not exist yet creates it, as codeowners and schema do."""
    target = tmp_path / "ny" / "mapp" / "rapport.md"
    code, _, err = invoke("2023", "--output", str(target), "--data", str(FIXTURE))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Samlad uppföljning 2023")
