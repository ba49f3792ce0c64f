"""The console entry point (``utsatta`` and ``python -m utsatta``).

Before it imports the command line (Typer, pydantic and the models take about 0.15 s), it
starts worker processes that parse the data folder's files (``utsatta.load.readers``), so on a
machine with more than one core the parsing overlaps with those imports. That needs the data
folder before Typer has read the arguments, so this looks at them first, conservatively: only
for the commands that read the whole folder, only when every argument is one it knows, and
with the same folder rules as the commands. Anything else, and any failure, simply means no
early start; the command then works exactly as without it.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

#: Per command: options that take a value, flags, how many plain arguments it accepts here
#: (file arguments to validate mean a partial check; there is no early start for those), and
#: whether it needs the reports' free texts. A test compares this with the commands' own
#: definitions.
EARLY_COMMANDS: dict[str, tuple[frozenset[str], frozenset[str], int, bool]] = {
    "validate": (
        frozenset({"--year", "--ar", "--format", "--data"}),
        frozenset({"--strict"}),
        0,
        False,
    ),
    "report": (
        frozenset({"--format", "--output", "-o", "--data"}),
        frozenset({"--check", "--force"}),
        1,
        True,
    ),
}


def early_data_dir(args: list[str]) -> Path | None:
    """The data folder that the command in ``args`` will read in full, or None if unsure."""
    if not args or args[0] not in EARLY_COMMANDS:
        return None
    values, flags, positionals, _ = EARLY_COMMANDS[args[0]]
    data: str | None = None
    plain = 0
    rest = iter(args[1:])
    for arg in rest:
        name, eq, value = arg.partition("=")
        if name in values:
            if not eq:
                value = next(rest, "")
            if not value:
                return None
            if name == "--data":
                data = value
        elif arg in flags:
            pass
        elif arg.startswith("-") or arg == "":
            return None  # --help, an unknown option, "--": leave it all to the command line
        else:
            plain += 1
    if plain != positionals:
        return None
    from utsatta.load.datadir import locate_data_dir

    return locate_data_dir(Path(data) if data is not None else None)[0]


def main() -> None:
    # A run allocates many long-lived objects (modules, models) and few cycles; with the
    # default threshold the collector walks them again and again (about 15 ms of 200 for
    # validate). mypy raises it in the same way.
    gc.set_threshold(200_000, 30, 30)
    try:
        try:
            args = sys.argv[1:]
            root = early_data_dir(args)
            if root is not None:
                from utsatta.load.readers import start_early

                start_early(root, texts=EARLY_COMMANDS[args[0]][3])
        except Exception:  # reading early is only a head start; the command decides
            pass
        from utsatta.cli import run

        run()
    except KeyboardInterrupt:  # Ctrl-C before the command line runs, or between its steps
        from utsatta.load.readers import stop_early

        stop_early()
        if sys.stderr is not None:
            sys.stderr.write("Avbrutet.\n")
        os._exit(130)
