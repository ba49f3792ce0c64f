"""Safe reading and writing (utsatta.fileio): what is refused, what fails, and with which
exception and exit code (docs/decisions/0060-exit-codes-for-writing.md)."""

from __future__ import annotations

import errno
import os
import socket
import tempfile
import threading
from pathlib import Path

import pytest

from utsatta import fileio
from utsatta.errors import OutputError, WriteFailed, WriteRefused
from utsatta.fileio import (
    LIBRARY_REPLACE_HINT,
    REPLACE_HINT,
    NotRegularFile,
    check_output,
    data_file_refusal,
    read_regular,
)
from utsatta.filewrite import make_folders, write_atomic, write_bytes_atomic

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def test_exit_codes_are_distinct_and_documented() -> None:
    assert WriteFailed.exit_code == 120
    assert WriteRefused.exit_code == 4
    assert issubclass(WriteFailed, OutputError) and issubclass(WriteRefused, OutputError)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.md", "å\n", overwrite=False)
    assert (tmp_path / "a.md").read_bytes() == "å\n".encode()
    write_bytes_atomic(tmp_path / "b.pdf", b"%PDF\x00\xff", overwrite=False)
    assert (tmp_path / "b.pdf").read_bytes() == b"%PDF\x00\xff"
    write_bytes_atomic(tmp_path / "b.pdf", b"ny", overwrite=True)
    assert (tmp_path / "b.pdf").read_bytes() == b"ny"
    assert _leftovers(tmp_path) == []


def test_existing_file_is_refused_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("gammal", encoding="utf-8")
    with pytest.raises(WriteRefused, match=r"finns redan och skrivs inte över\. Ange --force "):
        write_atomic(target, "ny", overwrite=False)
    assert target.read_text(encoding="utf-8") == "gammal"
    assert _leftovers(tmp_path) == []


def test_fifo_is_never_replaced_or_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "rapport.md"
    os.mkfifo(fifo)
    with pytest.raises(WriteRefused, match=r"är en namngiven pipe \(FIFO\), inte en vanlig fil"):
        write_atomic(fifo, "x", overwrite=True)
    assert fifo.is_fifo()
    # Without --force too: what it is, not "exists, use --force" (which could not help).
    with pytest.raises(WriteRefused) as refused:
        write_atomic(fifo, "x", overwrite=False)
    assert str(refused.value) == (
        f"{fifo} är en namngiven pipe (FIFO), inte en vanlig fil, och utsatta skriver bara "
        "vanliga filer (inte heller med --force). Välj en vanlig fil, eller låt kommandot skriva "
        "till standard ut och led utdatan dit med '>'."
    )
    assert REPLACE_HINT not in str(refused.value)
    assert LIBRARY_REPLACE_HINT not in str(refused.value)
    assert _leftovers(tmp_path) == []


def test_link_to_dev_null_is_never_replaced(tmp_path: Path) -> None:
    link = tmp_path / "rapport.md"
    link.symlink_to("/dev/null")
    with pytest.raises(WriteRefused, match=r"är en symbolisk länk till en enhetsfil\. utsatta "):
        write_atomic(link, "x", overwrite=True)
    assert link.is_symlink() and str(link.readlink()) == "/dev/null"
    assert Path("/dev/null").is_char_device()


def test_link_to_a_regular_file_is_not_replaced_either(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("kvar", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(WriteRefused, match="symbolisk länk"):
        write_atomic(link, "x", overwrite=True)
    assert real.read_text(encoding="utf-8") == "kvar" and link.is_symlink()


def test_socket_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        with pytest.raises(WriteRefused, match="är en socket"):
            write_atomic(path, "x", overwrite=True)
    finally:
        sock.close()


def test_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mapp").mkdir()
    with pytest.raises(WriteRefused, match=r"är en mapp\. Ange en fil"):
        write_atomic(tmp_path / "mapp", "x", overwrite=True)


def test_folder_linking_out_of_the_data_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "rapporter").mkdir(parents=True)
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (data / "rapporter" / "2024").symlink_to(outside)
    target = data / "rapporter" / "2024" / "a.yaml"
    with pytest.raises(WriteRefused, match="ligger utanför") as exc:
        write_atomic(target, "x", overwrite=False, inside=data)
    assert exc.value.exit_code == 4
    assert list(outside.iterdir()) == []
    # Without a bounding folder the same write is allowed (an --output the user chose).
    write_atomic(target, "x", overwrite=False)
    assert (outside / "a.yaml").read_text(encoding="utf-8") == "x"


def test_a_sibling_whose_name_starts_with_the_data_folders_is_outside(tmp_path: Path) -> None:
    """data-kopia/ is not inside data/ though its path starts with the same letters: a link
    into it is refused, a folder is not made through it, and a YAML file there is no data
    file of data/."""
    data = tmp_path / "data"
    (data / "rapporter").mkdir(parents=True)
    sibling = tmp_path / "data-kopia"
    sibling.mkdir()
    (data / "rapporter" / "2024").symlink_to(Path("..") / ".." / "data-kopia")
    with pytest.raises(WriteRefused, match="ligger utanför"):
        write_atomic(data / "rapporter" / "2024" / "a.yaml", "x", overwrite=False, inside=data)
    with pytest.raises(WriteRefused, match="ligger utanför"):
        make_folders(data / "rapporter" / "2024" / "ny", inside=data)
    assert list(sibling.iterdir()) == []
    assert data_file_refusal(sibling / "a.yaml", data) is None
    assert data_file_refusal(data / "a.yaml", data) is not None


def test_link_inside_the_data_folder_is_allowed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "rapporter" / "2023").mkdir(parents=True)
    (data / "rapporter" / "senaste").symlink_to(data / "rapporter" / "2023")
    write_atomic(data / "rapporter" / "senaste" / "a.yaml", "x", overwrite=False, inside=data)
    assert (data / "rapporter" / "2023" / "a.yaml").read_text(encoding="utf-8") == "x"


def test_data_folder_itself_may_be_reached_through_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    data = tmp_path / "data"
    data.symlink_to(real)
    write_atomic(data / "a.yaml", "x", overwrite=False, inside=data)
    assert (real / "a.yaml").exists()


def test_missing_folder_fails(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed, match=r"finns inte\. Skapa den först") as exc:
        write_atomic(tmp_path / "saknas" / "a.md", "x", overwrite=False)
    assert exc.value.exit_code == 120


def test_file_where_the_folder_should_be_fails(tmp_path: Path) -> None:
    (tmp_path / "ut").write_text("", encoding="utf-8")
    with pytest.raises(WriteFailed, match="är inte en mapp"):
        write_atomic(tmp_path / "ut" / "a.md", "x", overwrite=False)


def test_full_disk_fails_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "a.md"
    target.write_text("gammal", encoding="utf-8")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):  # type: ignore[no-untyped-def]
            self.fh = fh

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc):  # type: ignore[no-untyped-def]
            self.fh.close()

        def write(self, data):  # type: ignore[no-untyped-def]
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(WriteFailed, match=r"Kan inte skriva .*a\.md \(disken är full\)\.") as exc:
        write_atomic(target, "ny", overwrite=True)
    assert exc.value.exit_code == 120
    assert target.read_text(encoding="utf-8") == "gammal"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(AS_ROOT, reason="root may write anywhere: chmod cannot take the right away")
def test_folder_without_permission_fails(tmp_path: Path) -> None:
    folder = tmp_path / "last"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteFailed, match="behörighet saknas"):
            write_atomic(folder / "a.md", "x", overwrite=False)
        with pytest.raises(WriteFailed, match="behörighet saknas"):
            make_folders(folder / "ny")
    finally:
        folder.chmod(0o700)


def test_no_permission_simulated(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The same as above, for root too: mkstemp and mkdir refused by the system."""

    def denied(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(WriteFailed, match=r"Kan inte skriva i .* \(behörighet saknas\)\."):
        write_atomic(tmp_path / "a.md", "x", overwrite=False)
    monkeypatch.setattr(Path, "mkdir", denied)
    with pytest.raises(WriteFailed, match=r"kan inte skapas \(behörighet saknas\)\."):
        make_folders(tmp_path / "ny")


def test_make_folders(tmp_path: Path) -> None:
    make_folders(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()
    make_folders(tmp_path / "a" / "b")  # already there: fine
    (tmp_path / "fil").write_text("", encoding="utf-8")
    with pytest.raises(WriteFailed, match="det finns en fil med det namnet"):
        make_folders(tmp_path / "fil")
    with pytest.raises(WriteFailed, match="en del av sökvägen är inte en mapp"):
        make_folders(tmp_path / "fil" / "under")


def test_make_folders_inside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    outside = tmp_path / "ut"
    outside.mkdir()
    (data / "rapporter").symlink_to(outside)
    with pytest.raises(WriteRefused, match="ligger utanför"):
        make_folders(data / "rapporter" / "2024", inside=data)
    assert list(outside.iterdir()) == []
    make_folders(data / "indikatorer", inside=data)
    assert (data / "indikatorer").is_dir()


# --- reading ------------------------------------------------------------------------------------


def test_read_regular(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 100)
    assert read_regular(path) == b"x" * 100
    assert read_regular(path, limit=10) == b"x" * 11
    assert read_regular(path, limit=100) == b"x" * 100


def test_read_regular_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "a.yaml"
    os.mkfifo(fifo)
    done: list[BaseException] = []

    def read() -> None:
        try:
            read_regular(fifo)
        except BaseException as exc:  # handed to the test thread
            done.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # pragma: no cover - the bug this test is for; unblock the reader
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("read_regular blocked on a FIFO")
    assert len(done) == 1 and isinstance(done[0], NotRegularFile)
    assert done[0].kind == "en namngiven pipe (FIFO)"


def test_read_regular_refuses_devices_and_folders(tmp_path: Path) -> None:
    link = tmp_path / "a.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(NotRegularFile) as exc:
        read_regular(link)
    assert exc.value.kind == "en enhetsfil"
    with pytest.raises(NotRegularFile, match="en mapp"):
        read_regular(tmp_path)


def test_read_regular_checks_the_open_descriptor(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A FIFO swapped in between the check and the open: O_NONBLOCK keeps open() from
    blocking, and the check on the descriptor refuses it."""
    fifo = tmp_path / "a.yaml"
    os.mkfifo(fifo)

    class Regular:
        st_mode = 0o100644  # what the check before the open is made to see

    real_stat = Path.stat
    monkeypatch.setattr(
        Path, "stat", lambda p, *a, **k: Regular() if p == fifo else real_stat(p, *a, **k)
    )
    with pytest.raises(NotRegularFile, match="FIFO"):
        read_regular(fifo)


def test_reason_is_swedish() -> None:
    assert fileio.reason(OSError(errno.ENOSPC, "No space left on device")) == "disken är full"
    assert fileio.reason(OSError(errno.EROFS, "x")) == "filsystemet är skrivskyddat"
    # never the system's English text, not even for an errno without a Swedish reason
    assert fileio.reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "systemfel EXDEV"
    assert fileio.reason(OSError(999, "Unknown error")) == "okänt systemfel"


def test_a_device_is_named_without_force_and_not_replaced_with_it() -> None:
    for overwrite in (False, True):
        with pytest.raises(WriteRefused, match=r"^/dev/null är en enhetsfil, inte en vanlig fil"):
            write_atomic(Path("/dev/null"), "x", overwrite=overwrite)


def test_a_link_to_a_folder_is_said_to_be_a_link(tmp_path: Path) -> None:
    (tmp_path / "realdir").mkdir()
    link = tmp_path / "e2link"
    link.symlink_to("realdir")
    message = (
        f"{link} är en symbolisk länk till en mapp. utsatta följer inga länkar när den skriver "
        "och ersätter dem inte, inte heller med --force. Ange målet direkt eller välj en annan "
        "sökväg."
    )
    for overwrite in (False, True):
        with pytest.raises(WriteRefused) as refused:
            write_atomic(link, "x", overwrite=overwrite)
        assert str(refused.value) == message
    with pytest.raises(WriteRefused) as refused:
        check_output(link, want="en mapp")
    assert str(refused.value) == message
    dangling = tmp_path / "borta"
    dangling.symlink_to("finns-inte")
    with pytest.raises(WriteRefused, match="är en symbolisk länk som inte leder till något som"):
        check_output(dangling)


def test_check_output_names_the_kind_and_passes_what_fits(tmp_path: Path) -> None:
    (tmp_path / "fil.csv").write_text("x", encoding="utf-8")
    (tmp_path / "mapp").mkdir()
    check_output(tmp_path / "ny")  # missing: the write decides
    check_output(tmp_path / "fil.csv")  # a regular file: --force decides
    check_output(tmp_path / "mapp", want="en mapp")
    with pytest.raises(WriteRefused, match=r"fil\.csv är en vanlig fil, inte en mapp\. Ange en"):
        check_output(tmp_path / "fil.csv", want="en mapp")
    with pytest.raises(WriteRefused, match=r"mapp är en mapp\. Ange en fil att skriva till\.$"):
        check_output(tmp_path / "mapp")


def test_a_path_in_a_message_is_one_visible_line(tmp_path: Path) -> None:
    evil = tmp_path / "evil\n::error file=README.md::PR-INJ\u202e.md"
    evil.write_text("x", encoding="utf-8")
    with pytest.raises(WriteRefused) as refused:
        write_atomic(evil, "y", overwrite=False)
    assert str(refused.value) == (
        f"{tmp_path}/evil\\n::error file=README.md::PR-INJ<U+202E>.md finns redan och skrivs "
        "inte över. Ange --force för att ersätta filen."
    )
