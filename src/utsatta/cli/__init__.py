"""The command line: the only place that prints or exits. A thin shell over the library."""

from __future__ import annotations

from utsatta.cli.app import app, main

__all__ = ["app", "main"]
