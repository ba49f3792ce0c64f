"""The parser's syntax errors as findings in Swedish: what the error usually means in a data
file and how to fix it, at the place where the mistake is (not always where the parser stopped)."""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from utsatta.findings import Finding, Severity


def _at(line: int, column: int, code: str, message: str) -> Finding:
    """A problem at a known place; the caller names the file (``Finding.in_file``)."""
    return Finding("", line, column, code, Severity.FEL, message)


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "did not find expected ',' or ']'",
        "En lista inom hakparenteser ('[ … ]') är inte avslutad eller saknar ett kommatecken "
        "mellan värdena.",
    ),
    (
        "did not find expected ',' or '}'",
        "En mappning inom klammerparenteser ('{ … }') är inte avslutad eller saknar ett "
        "kommatecken mellan paren.",
    ),
    (
        "mapping values are not allowed",
        "Ett kolon följt av mellanslag får inte stå här. Om texten innehåller ': ', sätt hela "
        "texten inom citattecken; annars, kontrollera indraget.",
    ),
    (
        "could not find expected ':'",
        "Ett kolon (':') saknas efter nyckeln, eller så är en text inom citattecken inte avslutad.",
    ),
    (
        "did not find expected key",
        "Indraget stämmer inte: här förväntades en ny nyckel på samma nivå som raderna ovanför. "
        "Kontrollera antalet mellanslag i början av raden. Hör raden till en text ovanför "
        "(efter '|'), dra in den lika mycket som textens första rad.",
    ),
    (
        "while scanning an alias",
        "En text som börjar med '*' läses i YAML som ett alias. Sätt hela texten inom "
        'citattecken, t.ex. "*Konceptet* finns".',
    ),
    (
        "while scanning an anchor",
        "En text som börjar med '&' läses i YAML som ett ankare. Sätt hela texten inom "
        "citattecken.",
    ),
    (
        "did not find expected '-' indicator",
        "Indraget stämmer inte i listan: här förväntades en rad som börjar med '- ' på samma "
        "nivå som listans övriga rader.",
    ),
    (
        "did not find expected node content",
        "Ett värde saknas här. Kontrollera att varje '- ' i en lista följs av ett värde.",
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i ett värde. Troligen saknas ett avslutande citattecken.",
    ),
    (
        "found unknown escape character",
        "Okänd escape-sekvens ('\\') inom dubbla citattecken. Använd enkla citattecken eller "
        "skriv '\\\\'.",
    ),
    (
        "special characters are not allowed",
        "Filen innehåller otillåtna kontrolltecken. Ta bort dem (de syns ofta inte i editorn).",
    ),
    (
        "found undefined tag handle",
        "Okänd tagg ('!'). Taggar är inte tillåtna; ta bort den.",
    ),
    (
        "block sequence entries are not allowed",
        "En listrad ('- ') får inte stå här. Kontrollera indraget: listan ska stå på en egen "
        "rad under sin nyckel.",
    ),
    (
        "found a tab character",
        "Tabbtecken får inte användas för indrag i YAML. Använd mellanslag.",
    ),
)


_TAB_HINT = (
    "YAML-syntaxfel: Tabbtecken får inte användas för indrag i YAML. Använd mellanslag (VS Code: "
    "'Convert Indentation to Spaces')."
)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if 0 < line <= len(lines) and 0 < column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


_NBSP_INDENT = re.compile(r"^[ \t]*\u00a0", re.MULTILINE)


def syntax_problem(exc: MarkedYAMLError, text: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    # A non-breaking space in the indentation (pasted from Word or a web page) is invisible and
    # makes the parser fail a line or two later: point at it instead.
    nbsp = _NBSP_INDENT.search(text)
    if nbsp is not None:
        at = nbsp.end() - 1
        nbsp_line = text.count("\n", 0, at) + 1
        if nbsp_line <= line:
            return _at(
                nbsp_line,
                at - (text.rfind("\n", 0, at) + 1) + 1,
                "yaml-syntax",
                "YAML-syntaxfel: Indraget innehåller ett hårt mellanslag (U+00A0), som inte syns "
                "men inte räknas som indrag. Ta bort blanktecknen i början av raden och skriv "
                "vanliga mellanslag.",
            )
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    if "\t" in problem or "tab" in problem or "cannot start any token" in problem:
        if _char_at(text, line, column) == "\t" or "\t" in problem:
            return _at(line, column, "yaml-syntax", _TAB_HINT)
        char = _char_at(text, line, column)
        return _at(
            line,
            column,
            "yaml-syntax",
            f"YAML-syntaxfel: Tecknet '{char}' kan inte inleda ett värde i YAML. Sätt värdet "
            "inom citattecken.",
        )
    if "while scanning a quoted scalar" in context and exc.context_mark is not None:
        # The parser stops at the end of the file; the mistake is the quote that never closes.
        cm = exc.context_mark
        return _at(
            cm.line + 1,
            cm.column + 1,
            "yaml-syntax",
            "YAML-syntaxfel: Citattecknet här avslutas aldrig. Lägg till samma citattecken i "
            "slutet av texten (en apostrof inne i en text inom apostrofer skrivs '').",
        )
    if ("while scanning an alias" in context or "while scanning an anchor" in context) and (
        exc.context_mark is not None
    ):
        line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
    if "expected <block end>" in problem:
        # The pure-Python parser's words for what libyaml calls "did not find expected …".
        problem = (
            "did not find expected '-' indicator"
            if "block collection" in context
            else "did not find expected key"
        )
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem or needle in context:
            return _at(line, column, "yaml-syntax", f"YAML-syntaxfel: {hint}")
    detail = f"{context}: {problem}" if context else problem
    return _at(
        line,
        column,
        "yaml-syntax",
        f"YAML-syntaxfel som utsatta inte känner igen ({detail.strip()}). Kontrollera indrag, "
        "kolon och citattecken på den här raden och raden ovanför.",
    )


def reader_problem(exc: ReaderError, text: str) -> Finding:
    position = max(0, int(getattr(exc, "position", 0) or 0))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = getattr(exc, "character", "")
    code = ord(character) if isinstance(character, str) and character else int(character or 0)
    return _at(
        line,
        column,
        "otillatet-tecken",
        f"Filen innehåller ett otillåtet kontrolltecken (U+{code:04X}). Ta bort det; sådana "
        "tecken syns ofta inte i editorn men kommer med vid kopiering från Word eller PDF.",
    )
