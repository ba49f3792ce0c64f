"""Swedish for the texts Typer and its bundled Click write themselves: help headings, the help
option, and usage errors. Every text a user reads is Swedish.

Typer has no translation catalogue of its own; its texts are either passed through gettext
(looked up at call time in ``typer.core``) or fixed in the code. We swap the gettext function
and wrap the few places with fixed texts. These are Typer's private internals (its vendored
Click, ``typer._click``, since 0.26; ``display_type`` since 0.29), so each patch is applied only
when what it patches is there with the parameters we call it with: a Typer that moved or
changed one of them gets that text in English, never a traceback. Unknown texts are left as
they are.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from typing import IO, Any

import typer.core

_WORDS = {
    "Options": "Flaggor",
    "Arguments": "Argument",
    "Commands": "Kommandon",
    "required": "krävs",
    "(dynamic)": "(beräknas)",
    "Aborted!": "Avbrutet.",
    "Missing command.": "Kommando saknas.",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljövariabel: {var}",
    "No such command {name!r}.": "Kommandot {name!r} finns inte.",
}

#: Typer's type labels in help (``<int>``); choices (``<md|html>``) are the user's own words.
_TYPES = {
    "int": "heltal",
    "float": "tal",
    "str": "text",
    "Path": "sökväg",
    "list[Path]": "sökvägar",
    "list[str]": "texter",
}

_HELP_OPTION = "Visa den här hjälpen och avsluta."

# Click's and Typer's usage errors, most specific first. Each pattern gets the match's groups,
# option and argument names without their quotes ('--year' → --year, as in every other
# message) and "File"/"Directory"/"Path" in Swedish. Kept as text: re compiles (and caches) a
# pattern only when a usage error is shown, so that no command pays for compiling them at
# start-up. tests/test_cli_click_texts.py walks every message template of Typer's source and
# fails when Typer gains one that has no Swedish here.
#: The last resort for a bad value: the message is our own (Swedish) text, or Click's.
_OWN = r"Invalid value for (?P<name>.+?): (?:Value error, )?(.+)"
_ERRORS: tuple[tuple[str, str], ...] = (
    # What the value of an option or argument is checked against (BadParameter, pydantic).
    (
        r"Invalid value for (?P<name>.+?): (?:Value error, )?(.+?) is not one of (.+)\.",
        "Ogiltigt värde för {0}: {1} är inte ett av {2}.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (?:(.+?) is not a valid integer\.|Input should be a "
        r"valid integer.*)",
        "Ogiltigt värde för {0}: ange ett heltal.",
    ),
    (
        r"Invalid value for (?P<name>.+?): Input should be a valid number.*",
        "Ogiltigt värde för {0}: ange ett tal.",
    ),
    (
        r"Invalid value for (?P<name>.+?): Input should be a valid boolean.*",
        "Ogiltigt värde för {0}: ange true eller false.",
    ),
    (
        r"Invalid value for (?P<name>.+?): Input should be greater than or equal to (\S+?)\.?",
        "Ogiltigt värde för {0}: ange ett värde som är minst {1}.",
    ),
    (
        r"Invalid value for (?P<name>.+?): Input should be less than or equal to (\S+?)\.?",
        "Ogiltigt värde för {0}: ange ett värde som är högst {1}.",
    ),
    (
        r"Invalid value for (?P<name>.+?): Input should be greater than (\S+?)\.?",
        "Ogiltigt värde för {0}: ange ett värde som är större än {1}.",
    ),
    (
        r"Invalid value for (?P<name>.+?): Input should be less than (\S+?)\.?",
        "Ogiltigt värde för {0}: ange ett värde som är mindre än {1}.",
    ),
    (
        r"Invalid value for (?P<name>.+?): Input should be (.+)",
        "Ogiltigt värde för {0}: värdet har fel form. Se hjälpen för vad flaggan tar.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (File|Directory|Path) (.+?) does not exist\.",
        "Ogiltigt värde för {0}: {1} {2} finns inte.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (File|Directory|Path) (.+?) is a file\.",
        "Ogiltigt värde för {0}: {1} {2} är en fil; ange en mapp.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (File|Directory|Path) (.+?) is a directory\.",
        "Ogiltigt värde för {0}: {1} {2} är en mapp; ange en fil.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (File|Directory|Path) (.+?) is not readable\.",
        "Ogiltigt värde för {0}: {1} {2} går inte att läsa (behörighet saknas).",
    ),
    (
        r"Invalid value for (?P<name>.+?): (File|Directory|Path) (.+?) is not writable\.",
        "Ogiltigt värde för {0}: {1} {2} går inte att skriva till (behörighet saknas).",
    ),
    (
        r"Invalid value for (?P<name>.+?): (?:Value error, )?Value (.+?) is not a valid (.+?)\.",
        "Ogiltigt värde för {0}: {1} går inte att använda här.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (?:Value error, )?Value must be an iterable\.",
        "Ogiltigt värde för {0}: ange ett eller flera värden.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (?:Value error, )?value is not a valid tuple",
        "Ogiltigt värde för {0}: ange flera värden.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (?:Value error, )?(\d+) values are required, but (\d+) "
        r"given\.",
        "Ogiltigt värde för {0}: {1} värden behövs, men {2} angavs.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (?:Value error, )?(.+?) does not match the formats "
        r"(.+)\.",
        "Ogiltigt värde för {0}: {1} har inte formen {2}.",
    ),
    (
        r"Invalid value for (?P<name>.+?): (?:Value error, )?None is not a valid string",
        "Ogiltigt värde för {0}: ange en text.",
    ),
    (r"Invalid value for (?P<name>.+?): '(.+)': (.+)", "Ogiltigt värde för {0}: '{1}': {2}."),
    (_OWN, "Ogiltigt värde för {0}: {1}"),
    (r"Invalid value: Input should be a valid integer.*", "Ogiltigt värde: ange ett heltal."),
    (
        r"Invalid value: Input should be (.+)",
        "Ogiltigt värde: värdet har fel form. Se hjälpen för vad kommandot tar.",
    ),
    (r"Invalid value: (?:Value error, )?(.+)", "Ogiltigt värde: {0}"),
    (r"Value (.+?) is not a valid (.+?)\.", "Värdet {0} går inte att använda här."),
    # How the command line is written (the parser).
    (
        r"Missing argument (?P<name>.+?)\. Choose from:\s*(.+)",
        "Argumentet {0} saknas. Välj ett av: {1}.",
    ),
    (
        r"Missing option (?P<name>.+?)\. Choose from:\s*(.+)",
        "Flaggan {0} saknas. Välj ett av: {1}.",
    ),
    (r"Missing (?:argument|parameter):? (?P<name>.+?)\.?", "Argumentet {0} saknas."),
    (r"Missing option (?P<name>.+?)\.", "Flaggan {0} saknas."),
    (
        r"No such option: (?P<name>.+?)(?: \(Possible options: (.+)\)| Did you mean (\S+)\?)?",
        "Flaggan {0} finns inte.",
    ),
    (
        r"Option (?P<name>.+?) does not take a value\.",
        "Flaggan {0} tar inget värde: skriv bara {0}, utan '=' och värde.",
    ),
    (r"Option (?P<name>.+?) requires an argument\.", "Flaggan {0} behöver ett värde."),
    (r"Option (?P<name>.+?) requires (\d+) arguments\.", "Flaggan {0} behöver {1} värden."),
    (r"Argument (?P<name>.+?) takes (\d+) values\.", "Argumentet {0} ska ha {1} värden."),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", "Oväntat extra argument: {0}."),
    (r"Could not open file (.+?): (.+)", "Filen {0} går inte att öppna: {1}."),
    (r"No such command (.+?)\.", "Kommandot {0} finns inte."),
    (r"(Kommandot .+ finns inte\.)", "{0}"),
    (r"Missing command\.", "Kommando saknas."),
)
_SUGGESTION = r"\(Possible options: (.+)\)|Did you mean (\S+)\?"
_LABELS = {"File": "filen", "Directory": "mappen", "Path": "sökvägen"}


def _group(text: str, name: bool) -> str:
    """A part of a usage error in Swedish: a parameter's name without its quotes ('--year' /
    '--ar' → --year / --ar, as in every other message), a label or an OS error text in
    Swedish; anything else (a value the user typed) as it is."""
    if name:
        return " / ".join(
            part[1:-1] if len(part) > 2 and part[0] == part[-1] == "'" else part
            for part in text.split(" / ")
        )
    if ",\n\t" in text:  # the choices of a missing parameter, one a line
        return text.replace(",\n\t", ", ")
    return _LABELS.get(text) or _os_errors().get(text) or text


def _os_errors() -> dict[str, str]:
    """The operating system's English texts for its errors, each with the Swedish of
    ``fileio.reason`` (Typer quotes the system's text when it cannot open a file)."""
    import errno
    import os

    from utsatta.fileio import reason

    return {os.strerror(code): reason(OSError(code, "")) for code in errno.errorcode}


def translate(message: str) -> str:
    return _WORDS.get(message, message)


#: Typer adds its suggestion for a mistyped command after the (already Swedish) message.
_TRAILING_SUGGESTION = r"\.?\s*Did you mean (.+?)\?\s*$"


def _alternatives(text: str) -> str:
    """``'a', 'b'`` → ``'a' eller 'b'``."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} eller {parts[-1]}"


def translate_error(message: str) -> str:
    suggestion = ""
    trailing = re.search(_TRAILING_SUGGESTION, message, re.DOTALL)
    if trailing and not message.startswith("No such option"):
        suggestion = f" Menade du {_alternatives(trailing.group(1))}?"
        message = message[: trailing.start()].rstrip(".") + "."
    for pattern, swedish in _ERRORS:
        m = re.fullmatch(pattern, message.strip(), re.DOTALL)
        if m and pattern == _OWN:
            # Our own message that names the parameter itself ("--check behöver --output
            # FIL"): said once, without "Ogiltigt värde för --check:" before it.
            names = _group(m.group(1), True).split(" / ")
            if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", m.group(2)) for n in names):
                return m.group(2) + suggestion
        if m:
            at = m.re.groupindex.get("name", 0) - 1
            text = swedish.format(
                *(_group(g, i == at) if g else "" for i, g in enumerate(m.groups()))
            )
            hint = re.search(_SUGGESTION, message)
            if hint:
                text += f" Menade du {_alternatives(hint.group(1) or hint.group(2))}?"
            return text + suggestion
    return message + suggestion


#: Where the command line's arguments are kept (``Context.meta`` is shared by a command's
#: context and its parents'), so that a usage error can name the option as it was typed.
_ARGS = "utsatta.args"


def _wrap_parse_args(original: Callable[..., Any]) -> Callable[..., Any]:
    def parse_args(self: Any, ctx: Any, args: list[str]) -> Any:
        ctx.meta[_ARGS] = tuple(args)
        return original(self, ctx, args)

    return parse_args


def _name_as_typed(error: Any) -> None:
    """Name an option in an error about its value as the user typed it: ``--year 1999`` →
    "--year", ``--ar 1999`` → "--ar" (not both aliases, nor a metavar such as ÅR, which is
    also an argument's name). An error that names an argument, or an option not typed, is
    left as it is."""
    ctx = error.ctx
    if ctx is None or type(error).__name__ != "BadParameter":
        return
    param = error.param
    hint = error.param_hint
    if param is None and isinstance(hint, str):
        param = next(
            (p for p in ctx.command.params if hint in (getattr(p, "metavar", None), p.name)),
            None,
        )
    if param is None or getattr(param, "param_type_name", "") != "option":
        return
    args = ctx.meta.get(_ARGS, ())
    names = [*param.opts, *param.secondary_opts]
    typed = [a.split("=", 1)[0] for a in args if a.split("=", 1)[0] in names]
    if typed:
        error.param_hint = typed[-1]  # the last one typed is the value Click took


def _usage_error_show(self: Any, file: IO[Any] | None = None) -> None:
    # Through the output layer, like every other message: the error names what the user typed
    # (a file name, an option, a value), which is escaped and kept on one line there.
    from utsatta.cli.output import err, err_message

    if self.ctx is not None:
        usage = self.ctx.get_usage()
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = f"Se '{self.ctx.command_path} {self.ctx.help_option_names[0]}' för hjälp.\n"
        err(f"{usage}\n{hint}")
    _name_as_typed(self)
    # "fel:" as every other error the commands write (cli/app.py, cli/output.py)
    err_message(f"fel: {translate_error(self.format_message())}")


def _wrap_write_usage(original: Callable[..., None]) -> Callable[..., None]:
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[FLAGGOR]").replace(
            "COMMAND [ARGS]...", "KOMMANDO [ARGUMENT]..."
        )
        original(self, prog, args, "Användning: " if prefix is None else prefix)

    return write_usage


def _wrap_display_type(original: Callable[..., str]) -> Callable[..., str]:
    def display_type(self: Any, ctx: Any) -> str:
        label = original(self, ctx)
        inner = label[1:-1] if label.startswith("<") and label.endswith(">") else None
        return f"<{_TYPES[inner]}>" if inner in _TYPES else label

    return display_type


def _wrap_help_option(original: Callable[..., Any]) -> Callable[..., Any]:
    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = _HELP_OPTION
        return option

    return get_help_option


_done = False


def _attribute(module: str, name: str) -> Any:
    """``module.name``, or None when this Typer has no such module or name."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def _patch(owner: Any, name: str, wrap: Callable[[Any], Any], *params: str) -> None:
    """``owner.name = wrap(owner.name)``, only when ``owner.name`` is a function whose first
    parameters are ``params`` (the ones the replacement is called with and passes on)."""
    original = getattr(owner, name, None)
    if not callable(original):
        return
    try:
        found = list(inspect.signature(original).parameters)
    except (TypeError, ValueError):
        return
    if found[: len(params)] == list(params):
        setattr(owner, name, wrap(original))


def install() -> None:
    """Make Typer speak Swedish (idempotent); what this Typer lacks stays English."""
    global _done
    if _done:
        return
    _done = True
    core = typer.core
    if callable(getattr(core, "_", None)):
        core._ = translate  # type: ignore[attr-defined]
    command = _attribute("typer._click.core", "Command")
    _patch(command, "parse_args", _wrap_parse_args, "self", "ctx", "args")
    error = _attribute("typer._click.exceptions", "UsageError")
    _patch(error, "show", lambda _original: _usage_error_show, "self", "file")
    formatter = _attribute("typer._click.formatting", "HelpFormatter")
    _patch(formatter, "write_usage", _wrap_write_usage, "self", "prog", "args", "prefix")
    for name in ("TyperCommand", "TyperGroup"):
        _patch(getattr(core, name, None), "get_help_option", _wrap_help_option, "self", "ctx")
    for name in ("TyperArgument", "TyperOption"):
        _patch(getattr(core, name, None), "display_type", _wrap_display_type, "self", "ctx")
