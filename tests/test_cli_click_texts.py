"""Every message Typer (and its bundled Click) can write to a user is in Swedish: the test
walks the message templates of Typer's own source and requires each to be known here, with a
sample of the English text it makes and the exact Swedish the user reads (cli/svenska.py).
A Typer that gains or changes a message fails here until svenska.py has Swedish for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from utsatta.cli.app import app
from utsatta.cli.svenska import translate, translate_error

TYPER = Path(typer.__file__).parent

#: The exceptions whose text reaches a user (printed by UsageError.show or as "Ogiltigt
#: värde"), and the calls that raise one. ValueError counts in the modules where Typer's
#: pydantic validators raise it: pydantic turns it into "Value error, …" in a BadParameter.
_USER_RAISE = re.compile(
    r"(?:raise (?:BadParameter|UsageError|BadOptionUsage|BadArgumentUsage|NoSuchOption|"
    r"MissingParameter|FileError)|\bfail)\("
)
_VALUE_ERROR = re.compile(r"raise ValueError\(")
_STRING = re.compile(r'f?"(?:[^"\\\n]|\\.)*"')


def _call(text: str, start: int) -> str:
    """The text of a call from its opening parenthesis to the one that closes it."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return text[start : i + 1]
    return text[start:]


def _templates() -> set[str]:
    found: set[str] = set()
    files = [*sorted((TYPER / "_click").glob("*.py")), *sorted(TYPER.glob("*.py"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        raises = [*_USER_RAISE.finditer(text)]
        if path.name in ("_adapters.py", "_param_types.py"):
            raises += [*_VALUE_ERROR.finditer(text)]
        for m in raises:
            for literal in _STRING.findall(_call(text, m.end() - 1)):
                found.add(f"{path.relative_to(TYPER).as_posix()}: {literal}")
        if path.name == "exceptions.py":  # the texts format_message puts around them
            for m in re.finditer(r"(?:return|message =|suggest =) (f\"[^\"\n]*\")", text):
                found.add(f"exceptions: {m.group(1)}")
    return found


#: Each template of Typer's source → (a text it makes as it reaches ``translate_error``, the
#: Swedish the user reads). A template that only wraps another is given as None.
KNOWN: dict[str, tuple[str, str] | None] = {
    '_click/core.py: f"Got unexpected extra argument(s) ({extra_args})"': (
        "Got unexpected extra argument(s) (a b)",
        "Oväntat extra argument: a b.",
    ),
    '_click/parser.py: f"Argument {self.dest!r} takes {self.nargs} values."': (
        "Argument 'AR' takes 2 values.",
        "Argumentet AR ska ha 2 värden.",
    ),
    '_click/parser.py: f"Option {opt!r} does not take a value."': (
        "Option '--strict' does not take a value.",
        "Flaggan --strict tar inget värde: skriv bara --strict, utan '=' och värde.",
    ),
    '_click/parser.py: f"Option {option_name!r} requires {msg}"': (
        "Option '--year' requires an argument.",
        "Flaggan --year behöver ett värde.",
    ),
    '_coercion.py: "Value must be an iterable."': (
        "Invalid value for '--fil': Value must be an iterable.",
        "Ogiltigt värde för --fil: ange ett eller flera värden.",
    ),
    '_coercion.py: f"Value {value!r} is not a valid {label}."': (
        "Invalid value for '--fil': Value 'x' is not a valid Path.",
        "Ogiltigt värde för --fil: 'x' går inte att använda här.",
    ),
    '_coercion.py: f"Value {value!r} is not a valid {annotation.__name__}."': (
        "Value 'x' is not a valid Path.",
        "Värdet 'x' går inte att använda här.",
    ),
    '_adapters.py: "value is not a valid tuple"': (
        "Invalid value for '--par': Value error, value is not a valid tuple",
        "Ogiltigt värde för --par: ange flera värden.",
    ),
    '_adapters.py: f"{len(adapters)} values are required, but {len(value)} given."': (
        "Invalid value for '--par': Value error, 2 values are required, but 1 given.",
        "Ogiltigt värde för --par: 2 värden behövs, men 1 angavs.",
    ),
    '_adapters.py: f"{value!r} does not match the formats {formats_str}."': (
        "Invalid value for '--dag': Value error, 'x' does not match the formats '%Y-%m-%d'.",
        "Ogiltigt värde för --dag: 'x' har inte formen '%Y-%m-%d'.",
    ),
    '_adapters.py: "None is not a valid string"': (
        "Invalid value for '--namn': Value error, None is not a valid string",
        "Ogiltigt värde för --namn: ange en text.",
    ),
    '_param_types.py: f"Expected one list item type, got: {args!r}"': None,  # at definition
    '_param_types.py: f"{value!r} is not one of {choices_str}."': (
        "Invalid value for '--format': Value error, 'pdfx' is not one of 'md', 'html'.",
        "Ogiltigt värde för --format: 'pdfx' är inte ett av 'md', 'html'.",
    ),
    '_param_types.py: f"{label} {format_filename(value)!r} does not exist."': (
        "Invalid value for '--data': Directory 'x' does not exist.",
        "Ogiltigt värde för --data: mappen 'x' finns inte.",
    ),
    '_param_types.py: f"{label} {loc} is a file."': (
        "Invalid value for '--data': Directory 'x' is a file.",
        "Ogiltigt värde för --data: mappen 'x' är en fil; ange en mapp.",
    ),
    '_param_types.py: f"{label} {loc} is a directory."': (
        "Invalid value for '--output': File 'x' is a directory.",
        "Ogiltigt värde för --output: filen 'x' är en mapp; ange en fil.",
    ),
    '_param_types.py: f"{label} {loc} is not readable."': (
        "Invalid value for 'FIL': Path 'x' is not readable.",
        "Ogiltigt värde för FIL: sökvägen 'x' går inte att läsa (behörighet saknas).",
    ),
    '_param_types.py: f"{label} {loc} is not writable."': (
        "Invalid value for '--output': File 'x' is not writable.",
        "Ogiltigt värde för --output: filen 'x' går inte att skriva till (behörighet saknas).",
    ),
    "_param_types.py: f\"'{filename}': {exc.strerror}\"": (
        "Invalid value for '--output': 'x/y': No such file or directory",
        "Ogiltigt värde för --output: 'x/y': mappen eller filen finns inte.",
    ),
    'exceptions: f"Invalid value: {self.message}"': (
        "Invalid value: Input should be a valid path",
        "Ogiltigt värde: värdet har fel form. Se hjälpen för vad kommandot tar.",
    ),
    'exceptions: f"(Possible options: {possibility_str})"': None,  # in "{self.message} {suggest}"
    'core.py: "Missing command."': ("Missing command.", "Kommando saknas."),
    'core.py: "No such command {name!r}."': (
        "No such command 'x'.",
        "Kommandot 'x' finns inte.",
    ),
    'exceptions: f"Invalid value for {hint}: {self.message}"': (
        "Invalid value for '--year' / '--ar': Input should be a valid integer, unable to "
        "parse string as an integer",
        "Ogiltigt värde för --year / --ar: ange ett heltal.",
    ),
    'exceptions: f"Missing {param_type}{param_hint}. {msg}"': (
        "Missing argument 'FORMAT'. Choose from:\n\tmd,\n\thtml",
        "Argumentet FORMAT saknas. Välj ett av: md, html.",
    ),
    'exceptions: f"Missing {param_type}{param_hint}."': (
        "Missing argument 'ÅR'.",
        "Argumentet ÅR saknas.",
    ),
    'exceptions: f"Missing parameter: {param_name}"': (
        "Missing parameter: ar",
        "Argumentet ar saknas.",
    ),
    'exceptions: f"No such option: {_escape_control_characters(option_name)}"': (
        "No such option: --jsonx",
        "Flaggan --jsonx finns inte.",
    ),
    'exceptions: f"{self.message} {suggest}"': (
        "No such option: --stric (Possible options: --strict, --struct)",
        "Flaggan --stric finns inte. Menade du --strict eller --struct?",
    ),
    'exceptions: f"Could not open file {self.ui_filename!r}: {self.message}"': (
        "Could not open file 'x': Permission denied",
        "Filen 'x' går inte att öppna: behörighet saknas.",
    ),
}


def test_every_template_of_typer_is_known() -> None:
    """Typer's source has exactly the templates known here: a new one needs its Swedish."""
    found = _templates()
    assert found, "no template found: has Typer moved its source?"
    assert sorted(found - set(KNOWN)) == [], "new Typer texts: add Swedish to cli/svenska.py"
    assert sorted(set(KNOWN) - found) == []


@pytest.mark.parametrize(("english", "swedish"), [v for v in KNOWN.values() if v is not None])
def test_every_template_reads_in_swedish(english: str, swedish: str) -> None:
    assert translate_error(english) == swedish


@pytest.mark.parametrize(
    ("english", "swedish"),
    [
        # pydantic's texts for the parameter types of the commands
        ("Invalid value for 'ÅR': Input should be a valid integer", "Ogiltigt värde för ÅR: "
         "ange ett heltal."),
        ("Invalid value for '-n': Input should be a valid number, unable to parse string as a "
         "number", "Ogiltigt värde för -n: ange ett tal."),
        ("Invalid value for '-n': Input should be greater than or equal to 1",
         "Ogiltigt värde för -n: ange ett värde som är minst 1."),
        ("Invalid value for '-n': Input should be less than 10", "Ogiltigt värde för -n: ange "
         "ett värde som är mindre än 10."),
        ("Invalid value for '-x': Input should be a valid boolean, unable to interpret input",
         "Ogiltigt värde för -x: ange true eller false."),
        ("Invalid value for '-x': Input should be a valid path", "Ogiltigt värde för -x: "
         "värdet har fel form. Se hjälpen för vad flaggan tar."),
        ("Invalid value: Input should be a valid integer", "Ogiltigt värde: ange ett heltal."),
        # "requires {msg}" with msg "an argument." or f"{nargs} arguments."
        ("Option '--x' requires 2 arguments.", "Flaggan --x behöver 2 värden."),
        # Typer's and our own words
        ("No such command 'x'.", "Kommandot 'x' finns inte."),
        ("Missing command.", "Kommando saknas."),
        ("Missing option '--ut'.", "Flaggan --ut saknas."),
    ],
)  # fmt: skip
def test_pydantic_texts_read_in_swedish(english: str, swedish: str) -> None:
    assert translate_error(english) == swedish


def test_every_gettext_word_of_typer_core_is_swedish() -> None:
    text = (TYPER / "core.py").read_text(encoding="utf-8")
    words = re.findall(r'\b_\(\s*"((?:[^"\\]|\\.)*)"', text)
    assert words
    assert [w for w in words if translate(w) == w] == []


@pytest.mark.parametrize(
    ("args", "last"),
    [
        (["validate", "--strict=ja"], "fel: Flaggan --strict tar inget värde: skriv bara "
         "--strict, utan '=' och värde."),
        (["report", "2023", "--force=ja"], "fel: Flaggan --force tar inget värde: skriv bara "
         "--force, utan '=' och värde."),
        (["fmt", "--check=1"], "fel: Flaggan --check tar inget värde: skriv bara --check, "
         "utan '=' och värde."),
        (["validate", "--year"], "fel: Flaggan --year behöver ett värde."),
        (["validate", "--year", "abc"], "fel: Ogiltigt värde för --year: ange ett heltal."),
        # the option as typed, also when the library refuses the year (its hint is ÅR)
        (["validate", "--ar", "abc"], "fel: Ogiltigt värde för --ar: ange ett heltal."),
        (["validate", "--ar", "1999"], "fel: Ogiltigt värde för --ar: 1999 ligger utanför "
         "planens giltighetstid 2022–2025. Ange ett år från 2022 till 2025."),
        (["status", "1999"], "fel: Ogiltigt värde för ÅR: 1999 ligger utanför planens "
         "giltighetstid 2022–2025. Ange ett år från 2022 till 2025."),
        # the year after the plan: most often next year's follow-up, which needs a new plan
        (["status", "2026"], "fel: Ogiltigt värde för ÅR: datan har ingen plan för 2026: planen "
         "gäller 2022–2025. För uppföljning efter 2025 behövs den nya planen: flytta den här "
         "datamappen till ett arkiv och lägg in den nya planen (README, ”Ny planperiod”). Gällde "
         "kommandot den här planen: ange ett år från 2022 till 2025."),
        (["ny", "rapport", "2026", "higab"], "fel: Ogiltigt värde för ÅR: datan har ingen plan "
         "för 2026: planen gäller 2022–2025. För uppföljning efter 2025 behövs den nya planen: "
         "flytta den här datamappen till ett arkiv och lägg in den nya planen (README, ”Ny "
         "planperiod”). Gällde kommandot den här planen: ange ett år från 2022 till 2025."),
        (["validate", "--ar", "2026"], "fel: Ogiltigt värde för --ar: datan har ingen plan för "
         "2026: planen gäller 2022–2025. För uppföljning efter 2025 behövs den nya planen: "
         "flytta den här datamappen till ett arkiv och lägg in den nya planen (README, ”Ny "
         "planperiod”). Gällde kommandot den här planen: ange ett år från 2022 till 2025."),
        # a message of ours that names the option says it once
        (["report", "2023", "--check"], "fel: --check behöver --output FIL: filen som ska "
         "jämföras."),
        (["report"], "fel: Argumentet ÅR saknas."),
        # a Windows path as typed: its backslashes single (doubled only beside a shown break)
        (["validate", "data\\rapporter\\2023\\x.yaml"], "fel: Ogiltigt värde för FILER: "
         "Filen data\\rapporter\\2023\\x.yaml finns inte."),
        (["validate", "a\\b\nc.yaml"], "fel: Ogiltigt värde för FILER: Filen a\\\\b\\nc.yaml "
         "finns inte."),
    ],
)  # fmt: skip
def test_the_command_line_says_it_in_swedish(args: list[str], last: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == last
