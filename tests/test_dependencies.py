"""The dependencies: the minimum versions CI installs are pyproject's lower bounds, and a Typer
whose internals moved or changed costs some Swedish, never the tool (cli/svenska.py)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.support import BASE, ROOT

MINIMUMS = ROOT / ".ci" / "minimums.txt"
#: The extras whose lower bounds CI installs with the package (dev and bench are tools).
CHECKED_EXTRAS = ("pdf", "xlsx", "test")


def _lower_bounds() -> dict[str, Version]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in CHECKED_EXTRAS:
        lines += project["optional-dependencies"][extra]
    bounds: dict[str, Version] = {}
    for line in lines:
        requirement = Requirement(line)
        if requirement.name == "utsatta":
            continue
        lower = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
        assert len(lower) == 1, f"{line}: exactly one lower bound (>=) is expected"
        name = requirement.name.lower().replace("_", "-")
        assert bounds.setdefault(name, lower[0]) == lower[0], f"{name}: two lower bounds"
    return bounds


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in MINIMUMS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = Version(version)
    return pins


def test_the_minimums_ci_installs_are_pyprojects_lower_bounds() -> None:
    # As versions: ">=13.8" is pinned as "==13.8.0".
    assert _pins() == _lower_bounds()


def test_typer_has_an_upper_bound() -> None:
    # svenska.py patches Typer's private internals: a new minor version is tried before use.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (typer,) = [Requirement(r) for r in project["dependencies"] if r.startswith("typer")]
    assert any(s.operator == "<" for s in typer.specifier)


#: Run utsatta COMMANDS in one fresh interpreter after SIMULATE has changed Typer's internals;
#: each command's output ends with its exit code.
_SCRIPT = """
import sys
import typer.core
{simulate}
from utsatta.cli import main
for args in {commands}:
    sys.argv = ["utsatta", *args]
    try:
        main()
    except SystemExit as end:
        code = end.code
    for stream in (sys.stdout, sys.stderr):
        print(f"@@ {{code}}", file=stream, flush=True)
"""

_NO_CLICK_MODULES = """
sys.modules["typer._click.exceptions"] = None
sys.modules["typer._click.formatting"] = None
"""
_NO_FORMATTING = 'sys.modules["typer._click.formatting"] = None'
_NO_EXCEPTIONS = 'sys.modules["typer._click.exceptions"] = None'
# A later Typer where these methods take other parameters than the ones we pass on.
_CHANGED_SIGNATURES = """
from typer._click.formatting import HelpFormatter
write_usage = HelpFormatter.write_usage
HelpFormatter.write_usage = lambda self, prog, arguments="", prefix=None: write_usage(
    self, prog, arguments, prefix
)
for cls in (typer.core.TyperArgument, typer.core.TyperOption):
    cls.display_type = lambda self, context, shown=cls.display_type: shown(self, context)
"""


#: ``utsatta report --help``, ``utsatta report`` (a usage error), ``utsatta validate``.
_COMMANDS = (["report", "--help"], ["report"], ["validate", "--data", str(BASE)])


def _run(simulate: str, commands: tuple[list[str], ...] = _COMMANDS) -> list[tuple[str, str, str]]:
    """(exit code, stdout, stderr) of each command."""
    script = _SCRIPT.format(simulate=simulate, commands=repr(commands))
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    outs, errs = done.stdout.split("@@ "), done.stderr.split("@@ ")
    codes = [part.split("\n", 1)[0] for part in outs[1:]]
    strip = [part.split("\n", 1)[-1] if i else part for i, part in enumerate(outs[:-1])]
    strip_err = [part.split("\n", 1)[-1] if i else part for i, part in enumerate(errs[:-1])]
    return list(zip(codes, strip, strip_err, strict=True))


@pytest.mark.parametrize(
    ("simulate", "english", "swedish"),
    [
        (_NO_CLICK_MODULES, ["Usage: utsatta report [OPTIONS] {ÅR}"], ["Flaggor:", "<heltal>"]),
        (_NO_FORMATTING, ["Usage: utsatta report [OPTIONS] {ÅR}"], ["Flaggor:", "<heltal>"]),
        (_NO_EXCEPTIONS, [], ["Användning: utsatta report [FLAGGOR] {ÅR}", "<heltal>"]),
        (_CHANGED_SIGNATURES, ["Usage: utsatta report", "ÅR <int>"], ["Flaggor:", "[krävs]"]),
    ],
    ids=["no-typer-click", "no-formatting", "no-exceptions", "changed-signatures"],
)
def test_missing_or_changed_typer_internals_leave_english_never_a_traceback(
    simulate: str, english: list[str], swedish: list[str]
) -> None:
    help_, usage, validate = _run(simulate)
    assert (help_[0], help_[2]) == ("0", "")
    for text in english + swedish:
        assert text in help_[1], (text, help_[1])
    assert "Visa den här hjälpen och avsluta." in help_[1]

    assert usage[0] == "2", usage
    assert "Traceback" not in usage[2]
    if simulate in (_NO_CLICK_MODULES, _NO_EXCEPTIONS):
        assert "Error: Missing argument 'ÅR'." in usage[2], usage[2]
    else:
        assert "fel: Argumentet ÅR saknas." in usage[2], usage[2]

    assert (validate[0], validate[2]) == ("0", ""), validate


def test_typer_without_display_type_still_runs() -> None:
    # Typer before 0.29 had no display_type: nothing is added, and the commands run (help is
    # left out: this Typer's own help code calls the method we took away).
    simulate = """
for cls in typer.core.TyperOption.__mro__:
    if "display_type" in vars(cls):
        delattr(cls, "display_type")
import utsatta.cli.app
assert not hasattr(typer.core.TyperOption, "display_type"), "svenska added display_type"
"""
    usage, validate = _run(simulate, _COMMANDS[1:])
    assert usage[0] == "2"
    assert "fel: Argumentet ÅR saknas." in usage[2], usage[2]
    assert (validate[0], validate[2]) == ("0", ""), validate
