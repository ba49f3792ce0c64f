"""The pictures in docs/bilder (README) are made from the current report: a change to the
report's text, templates, CSS or charts makes them stale, and this says so
(docs/decisions/0602-bilderna-i-docs-halls-aktuella.md).

The check needs no browser: ``scripts/docs_images.py --check`` compares a fingerprint of what
the pictures are made from with the one written next to them. Making them again needs
chromium, pdftoppm and WeasyPrint, so the check is skipped on a machine without them (a
newcomer's), unless ``UTSATTA_REQUIRE_BROWSER=1`` (``.ci/run``), where it must run.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.support import ROOT

SCRIPT = ROOT / "scripts" / "docs_images.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_images", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _missing_tools() -> str | None:
    """What making the pictures needs and this machine lacks, or None."""
    from utsatta.render.pdf import PdfUnavailableError, require_weasyprint

    if not Path(_script().CHROMIUM).is_file():
        return "chromium saknas (apt-get install -y chromium)"
    if shutil.which("pdftoppm") is None:
        return "pdftoppm saknas (apt-get install -y poppler-utils)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright saknas (python -m pip install '.[test]')"
    try:
        require_weasyprint()
    except PdfUnavailableError as exc:
        return str(exc)
    return None


def test_the_pictures_are_made_from_the_current_report() -> None:
    missing = _missing_tools()
    if missing is not None:
        if os.environ.get("UTSATTA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{missing} (UTSATTA_REQUIRE_BROWSER=1)")
        pytest.skip(f"bilderna i docs/bilder kan inte göras om här: {missing}")
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (proc.returncode, proc.stdout) == (0, "Bilderna i docs/bilder är aktuella.\n"), (
        proc.stdout + proc.stderr
    )


def test_check_says_stale_pictures_and_what_makes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check itself, on a fingerprint file of its own: another fingerprint is stale (exit
    1, the command that makes them), the current one is not, no file is stale."""
    script = _script()
    written = tmp_path / "underlag.sha256"
    monkeypatch.setattr(script, "FINGERPRINT", written)
    monkeypatch.setattr(sys, "argv", ["docs_images.py", "--check"])
    assert script.main() == 1  # no fingerprint at all
    written.write_text("# kommentar\n" + "0" * 64 + "\n", encoding="utf-8")
    assert script.main() == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Bilderna i docs/bilder är inaktuella: rapporten har ändrats sedan de gjordes. Gör om "
        "dem med python scripts/docs_images.py (kräver chromium, pdftoppm och WeasyPrint)."
    )
    written.write_text(f"# kommentar\n{script.fingerprint()}\n", encoding="utf-8")
    assert script.main() == 0
    assert capsys.readouterr().out == "Bilderna i docs/bilder är aktuella.\n"
