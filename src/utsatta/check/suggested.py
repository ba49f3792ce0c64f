"""The commands that findings suggest (``utsatta ny rapport 2024 kommunstyrelsen``), written so
that they work when pasted: built by the one helper (``escape.utsatta_command``), and with the
data folder as the command line was given it (``--data D``) when the check was run so
(``DataSet.data_option``; docs/decisions/0365-foreslagna-kommandon-med-datamapp.md)."""

from __future__ import annotations

import os

from utsatta import escape
from utsatta.load.dataset import DataSet


def utsatta_command(ds: DataSet, command: str, *args: str) -> str:
    """``utsatta COMMAND --data D ARGS…`` for the data set ``ds`` (``escape.utsatta_command``,
    the one builder), with ``--data`` when it was checked for a command line that named its
    folder; the library's text without it otherwise."""
    return escape.utsatta_command(command, *args, data=ds.data_option)


#: why no 'utsatta ny …' can be given for the bundled example data: 'ny' refuses it, and
#: the user's own folder is another data set (docs/decisions/0461)
_EXAMPLES = (
    "kontrollen läste utsattas inbyggda exempeldata, som inte ändras; ange din datamapp med "
    "--data och kontrollera den"
)


def command_sentence(ds: DataSet, lead: str, command: str, *args: str) -> str:
    """``escape.command_sentence`` for the data set ``ds``: "{lead} 'utsatta COMMAND …'.", or
    why no command can be given, as plain words; --data as in :func:`utsatta_command`. A
    command that writes into the data folder ('ny …') is never given for the bundled example
    data, however it was named (``DataSet.examples``)."""
    if ds.examples and command.split()[0] == "ny":
        # the copy advice of 'ny' and 'fmt' (load.datadir.bundled_refused), the command last
        # with no period after it: every caller ends its message with this sentence (0430)
        copy = escape.shell_command("cp", "-r", os.path.realpath(ds.root), "min-data")
        return (
            escape.no_command_sentence(lead, command, _EXAMPLES)
            + " Har du ingen egen datamapp: gör en av en kopia och ange den med --data "
            f"min-data. Kopiera med: {copy}"
        )
    return escape.command_sentence(lead, command, *args, data=ds.data_option)
