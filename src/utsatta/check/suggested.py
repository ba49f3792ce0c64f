"""The commands that findings suggest (``utsatta ny rapport 2024 kommunstyrelsen``), written so
that they work when pasted: quoted by the one helper (``escape.shell_command``), and with the
data folder as the command line was given it (``--data D``) when the check was run so
(``DataSet.data_option``; docs/decisions/0365-foreslagna-kommandon-med-datamapp.md)."""

from __future__ import annotations

from utsatta.escape import shell_command
from utsatta.load.dataset import DataSet


def utsatta_command(ds: DataSet, *args: str) -> str:
    """``utsatta ARGS…`` for the data set ``ds``, with ``--data`` last when it was checked
    for a command line that named its folder; the library's text without it otherwise."""
    data = () if ds.data_option is None else ("--data", ds.data_option)
    return shell_command("utsatta", *args, *data)
