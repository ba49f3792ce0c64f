"""The parser's syntax errors as findings in Swedish: what the error usually means in a data
file and how to fix it, at the place where the mistake is (not always where the parser stopped).

No English parser text reaches the user: an error not recognised here gets a Swedish message
that says where YAML stopped and what to check. Every piece of the file echoed in a message is
shortened (``escape.shorten``): a line can be a megabyte long."""

from __future__ import annotations

import re

from ruamel.yaml.error import MarkedYAMLError

from utsatta.findings import Finding
from utsatta.load.block_comment import comment_ended_text
from utsatta.load.continued_text import continued_text, quoted_then_continued
from utsatta.load.indent import indent_problem
from utsatta.load.invisible import escape_syntax_problem, space_problem
from utsatta.load.pasted import field_names
from utsatta.load.quoting import comment_note, in_quotes, own_line_quoted, text_after_value
from utsatta.load.syntax_finding import (
    block_start,
    both_quotes,
    file_line,
    finding_at,
    piece,
    syntax_finding,
)
from utsatta.load.tab_indent import tab_message

_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "expected ',' or ']'",  # libyaml: "did not find expected …"
        "En lista inom hakparenteser ('[ … ]') är inte avslutad eller saknar ett kommatecken "
        "mellan värdena.",
    ),
    (
        "expected ',' or '}'",
        "Nycklarna inom klammerparenteser ('{ … }') är inte avslutade med '}' eller saknar ett "
        "kommatecken mellan sig.",
    ),
    (
        "mapping values are not allowed",
        "Ett kolon följt av mellanslag får inte stå här. Om texten innehåller ': ', sätt hela "
        "texten inom citattecken; annars, kontrollera indraget.",
    ),
    (
        "did not find expected key",
        "Indraget stämmer inte: här förväntades en ny nyckel på samma nivå som raderna ovanför. "
        "Kontrollera antalet mellanslag i början av raden. Hör raden till en text ovanför "
        "(efter '|'), dra in den lika mycket som textens första rad.",
    ),
    (
        "while scanning an alias",
        "En text som börjar med '*' läses i YAML som ett alias. Sätt hela texten inom citattecken.",
    ),
    (
        "while scanning an anchor",
        "En text som börjar med '&' läses i YAML som ett ankare. Sätt hela texten inom "
        "citattecken.",
    ),
    (
        "tag",
        "En text som börjar med '!' läses i YAML som en tagg, och den här går inte att läsa. "
        "Sätt hela texten inom citattecken.",
    ),
    (
        "did not find expected '-' indicator",
        "Indraget stämmer inte i listan: här förväntades en rad som börjar med '- ' på samma "
        "nivå som listans övriga rader.",
    ),
    (
        "node content",
        "Ett värde saknas här. Kontrollera att varje '- ' i en lista följs av ett värde.",
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i ett värde. Troligen saknas ett avslutande citattecken.",
    ),
    (
        "special characters are not allowed",
        "Filen innehåller otillåtna kontrolltecken. Ta bort dem (de syns ofta inte i editorn).",
    ),
    (
        "entries are not allowed",
        "En listrad ('- ') får inte stå här. Kontrollera indraget (en lista står på egna rader "
        "under sin nyckel); är det en text som börjar med '- ', sätt den inom citattecken.",
    ),
)


_GENERIC = (
    "YAML kan inte läsa filen vid rad {line}, kolumn {column}. Kontrollera den raden och raden "
    "ovanför: att indraget är lika stort som på raderna på samma nivå, att varje nyckel följs av "
    "kolon och mellanslag (': '), att citattecken och parenteser ('[ ]', '{{ }}') är avslutade, "
    "och att en text som innehåller ': ' eller ' #', eller som börjar med ett specialtecken "
    "(- ? : , [ ] {{ }} # & * ! | > ' \" % @ `), står inom citattecken."
)


def generic_problem(line: int, column: int) -> Finding:
    """An error not recognised: where YAML stopped and what to check, in Swedish only."""
    return syntax_finding(line, column, _GENERIC.format(line=line, column=column))


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if 0 < line <= len(lines) and 0 < column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


#: A list item with no space after its '-': "-insats: x", "-hjallbo" (not "---", not "- x").
_DASH_NO_SPACE = re.compile(r"^( *)-(?![-\s])(\S.*)$")
#: The key of a line: "  - motivering: …" → "motivering " (strip it). Each part can match a
#: piece of the line in one way only (possessive, no lazy part next to a '\s*'): a failed match
#: costs one pass, not one per space of the line (decision 0310).
_KEY = re.compile(r"^\s*+(?:-\s++)*+([^\s:#\"'\[{|>%@`][^:#]*+):(?:\s|$)")


def dash_problem(exc: MarkedYAMLError, text: str) -> Finding | None:
    """'-insats: x' for '- insats: x': the parser fails on that line (or, for a list's first
    item, on the next one); the finding says that a space is missing after '-'."""
    lines = text.split("\n")
    candidates = []
    for mark in (exc.problem_mark, exc.context_mark):
        if mark is not None:
            candidates += [mark.line + 1, mark.line]
    for number in candidates:
        m = _DASH_NO_SPACE.match(file_line(lines, number))
        if m is None:
            continue
        rest = m.group(2)
        if re.match(r"[0-9.]", rest):  # "-4": a negative number, not a list item
            continue
        return syntax_finding(
            number,
            len(m.group(1)) + 1,
            f"Mellanslag saknas efter '-' i '-{piece(rest)}': utan mellanslaget läses raden inte "
            f"som en ny post i listan. Skriv '- {piece(rest)}' (bindestreck, mellanslag och "
            "sedan värdet).",
        )
    return None


def syntax_problem(exc: MarkedYAMLError, text: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    odd = space_problem(exc, text)
    if odd is not None:
        return odd
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    if "\t" in problem or "tab" in problem or "cannot start any token" in problem:
        if _char_at(text, line, column) == "\t" or "\t" in problem:
            return finding_at(line, column, "yaml-syntax", tab_message(text.split("\n"), line))
        char = _char_at(text, line, column)
        return finding_at(
            line,
            column,
            "yaml-syntax",
            f"YAML-syntaxfel: Tecknet '{char}' kan inte inleda ett värde i YAML. Sätt värdet "
            "inom citattecken.",
        )
    lines = text.split("\n")
    cm = exc.context_mark
    near = {line, line - 1} | ({cm.line + 1} if cm is not None else set())
    if any(len(file_line(lines, number)) > LONG_LINE for number in near):
        return _long_line(exc, lines, line, column)
    # A comment less indented than a text ends it: the error is on the next line, the cause
    # is the comment (0539).
    ended = comment_ended_text(lines, line)
    if ended is not None:
        return ended
    if "quoted scalar" in context and cm is not None:
        start = cm.column if cm.line + 1 == line else None
        found = escape_syntax_problem(problem, lines, line, column, start)
        if found is not None:
            return found
        # The parser stops at the end of the file; the mistake is the quote that never closes.
        return syntax_finding(
            cm.line + 1,
            cm.column + 1,
            "Citattecknet här avslutas aldrig. Lägg till samma citattecken i slutet av texten "
            "(en apostrof inne i en text inom apostrofer skrivs '').",
        )
    if "simple key" in context and cm is not None:
        return _missing_colon(lines, cm.line + 1, cm.column + 1)
    if "block scalar" in context and cm is not None:
        return _block_header(problem, lines, cm.line + 1, cm.column + 1)
    if "found unexpected ':'" in problem and cm is not None:
        return _colon_in_flow(lines, cm.line + 1, cm.column + 1, column)
    if "mapping keys are not allowed" in problem:
        return _question_mark(lines, line, column)
    if "mapping values are not allowed" in problem:
        found = _key_above(lines, line) or indent_problem(lines, line, field_names())
        found = found or continued_text(lines, line, column) or _colon_in_text(lines, line, column)
        if found is not None:
            return found
    if "document start" in problem or "directive" in problem + context or "YAML" in problem:
        found = document_end_problem(text, line) or _directive(lines, line)
        if found is not None:
            return found
    if ("while scanning an alias" in context or "while scanning an anchor" in context) and (
        cm is not None
    ):
        line, column = cm.line + 1, cm.column + 1
        found = _starts_with_mark(lines, line, column)
        if found is not None:
            return found
    if "expected <block end>" in problem:
        # The pure-Python parser's words for what libyaml calls "did not find expected …".
        problem = (
            "did not find expected '-' indicator"
            if "block collection" in context
            else "did not find expected key"
        )
    if cm is not None and "expected ','" in problem and cm.line + 1 < line:
        braces = "flow mapping" in context
        if ("}" if braces else "]") not in file_line(lines, cm.line + 1)[cm.column :]:
            return _unclosed_flow(lines, line, cm.line + 1, cm.column + 1, braces)
    if "did not find expected key" in problem or "expected '-' indicator" in problem:
        found = quoted_then_continued(lines, line) or text_after_value(lines, line, column)
        found = found or indent_problem(lines, line, field_names())
        if found is not None:
            return found
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem or needle in context:
            return syntax_finding(line, column, hint)
    return generic_problem(line, column)


def _starts_with_mark(lines: list[str], line: int, column: int) -> Finding | None:
    """A plain text that begins with '*' (an alias to YAML) or '&' (an anchor) at ``column``:
    the user's own line with the text in quotes, to copy (review skriv24); or, when it goes on
    over the lines below, the block form. None when no text stands there."""
    written = file_line(lines, line)
    value = written[column - 1 :].rstrip()
    if value[:1] not in ("*", "&") or any(c in written[: column - 1] for c in "[{"):
        return None  # within '[ ]' or '{ }': the general advice
    reads = "ett alias" if value[0] == "*" else "ett ankare"
    lead = f"En text som börjar med '{value[0]}' läses i YAML som {reads}."
    below = next((n for n in lines[line:] if n.strip() and not n.lstrip().startswith("#")), "")
    indent = len(written) - len(written.lstrip(" "))
    if below and len(below) - len(below.lstrip(" ")) > indent and ": " not in below.strip():
        block, than = block_start(written)
        return syntax_finding(
            line,
            column,
            f"{lead} Texten fortsätter på raderna under: skriv {block} och hela texten på raderna "
            f"under, indragen två mellanslag mer än {than}.",
        )
    shown = own_line_quoted(written, column)
    if shown is None:
        return syntax_finding(line, column, f"{lead} {both_quotes(written)}.")
    return syntax_finding(line, column, f"{lead} Sätt hela texten inom citattecken: {shown}.")


#: The longest line the helpers below re-read to say what is wrong with it. Beyond it the
#: finding gives the general advice for the parser's error at its line and column: no message
#: may cost work that grows faster than the line (``validate`` runs on untrusted pull
#: requests in CI), and a line this long is no line anyone wrote by hand (decision 0310).
LONG_LINE = 10_000


def _long_line(exc: MarkedYAMLError, lines: list[str], line: int, column: int) -> Finding:
    """The finding for an error on (or next to) a line longer than ``LONG_LINE``: the general
    advice, but for the help that reads the line in one pass without a pattern."""
    problem, context, cm = str(exc.problem or ""), str(exc.context or ""), exc.context_mark
    if "simple key" in context and cm is not None:
        found = _unclosed_or_long_key(lines, cm.line + 1, cm.column + 1)
        if found is not None:
            return found
    if "quoted scalar" in context:
        found = escape_syntax_problem(problem, lines, line, column)  # without the corrected line
        if found is not None:
            return found
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem or needle in context:
            return syntax_finding(line, column, hint)
    return generic_problem(line, column)


def _unclosed_or_long_key(lines: list[str], line: int, column: int) -> Finding | None:
    """A would-be key that is a quote not closed on its line, or longer than YAML reads as a
    key: told from the line by plain string operations (any length, ``LONG_LINE``)."""
    written = file_line(lines, line)[column - 1 :].strip()
    if written[:1] in ("'", '"'):
        block, than = block_start(file_line(lines, line)[: column - 1])
        return syntax_finding(
            line,
            column,
            f"Citattecknet ({written[0]}) avslutas inte på sin rad. Lägg till samma citattecken "
            "i slutet av texten; står det citattecken inne i texten, sätt hela texten inom den "
            f"andra sortens citattecken, eller skriv {block} och texten på raden under, "
            f"indragen två mellanslag mer än {than}.",
        )
    if written.find(":") > 1000 and re.search(r":(?:\s|$)", written):
        return syntax_finding(
            line,
            column,
            f"Nyckeln '{piece(written)}' är för lång: YAML läser högst 1024 tecken före kolonet "
            "som en nyckel. Korta nyckeln; är det en text, skriv den som värde under rätt nyckel.",
        )
    return None


def _missing_colon(lines: list[str], line: int, column: int) -> Finding:
    """'bedomning bedoms-uppnas' or 'status:pagaende': the parser notices only on the next
    line; the mistake is at the start of the would-be key (the context mark)."""
    found = _unclosed_or_long_key(lines, line, column)
    if found is not None:
        return found
    written = file_line(lines, line)[column - 1 :].strip()
    glued = re.match(r"([^\s:#]+):([^\s:].*)$", written)
    if glued is not None and glued.group(1) in field_names():
        key, value = glued.group(1), glued.group(2)
        return syntax_finding(
            line,
            column,
            f"Mellanslag saknas efter kolonet i '{piece(written)}'. YAML läser en nyckel och "
            "ett värde bara med mellanslag efter kolonet: skriv "
            f"'{piece(key, 40)}: {piece(value)}'.",
        )
    parts = written.split(None, 1)
    if len(parts) == 2 and parts[0] in field_names():
        key, value = parts
        if piece(value) == value:
            fix = f"Skriv '{key}: {value}' (kolon och mellanslag mellan nyckeln och värdet)."
        else:  # too long to show whole: a cut text is not something to write
            fix = f"Skriv ett kolon direkt efter '{key}' och ett mellanslag före värdet."
        return syntax_finding(line, column, f"Ett kolon (':') saknas efter nyckeln '{key}'. {fix}")
    above = file_line(lines, line - 1).strip() if line > 1 else ""
    if re.match(r"(?:- +)*[a-z_][a-z0-9_]*:[ \t]+[^|>\s\"'\[{&*!#]", above):
        # The line above is 'nyckel: text': this line is the rest of that text.
        key = above.lstrip("- ").split(":", 1)[0]
        return syntax_finding(
            line,
            column,
            f"Raden '{piece(written)}' är ingen nyckel: den läses som fortsättningen på texten "
            f"efter '{piece(key, 40)}:' på raden ovanför, men en text på flera rader måste "
            f"skrivas under '{piece(key, 40)}: |' med varje rad indragen (mer än nyckeln), "
            "eller på en enda rad.",
        )
    return syntax_finding(
        line,
        column,
        f"Raden '{piece(written)}' är ingen nyckel: den saknar kolon och börjar inte med något "
        "av filernas nyckelnamn, så YAML kan inte läsa den. Hör raden till en text ovanför, "
        "skriv '|' efter kolonet på textens nyckelrad (som 'nulage: |') och textens rader under "
        "den, alla indragna lika mycket (mer än nyckeln), eller skriv hela texten på en rad. "
        "Är det en nyckel, rätta namnet och skriv ett kolon och ett mellanslag efter det.",
    )


_KEY_NO_COLON = re.compile(r"^( *(?:- +)*)([a-z_][a-z0-9_]*) +[^\s#]")


def _key_above(lines: list[str], line: int) -> Finding | None:
    """'- insats "1:2"' and then 'status: genomford': YAML reads the second line as the rest of
    a text and stops at its colon; the mistake is the key without a colon on the line above."""
    above = line - 1
    while above >= 1 and file_line(lines, above).strip()[:1] in ("", "#"):
        above -= 1
    if above < 1:
        return None
    text = file_line(lines, above)
    m = _KEY_NO_COLON.match(text)
    if m is None or m.group(2) not in field_names() or re.search(r":(?:\s|$)", text):
        return None
    return _missing_colon(lines, above, len(m.group(1)) + 1)


def _colon_in_text(lines: list[str], line: int, column: int) -> Finding | None:
    """'motivering: Nuläge: klart' (pasted): YAML stops at the 2nd colon; the fix is quotes."""
    text = file_line(lines, line)
    m = _KEY.match(text)
    if m is None or m.end() > column - 1 or text[column - 1 : column] != ":":
        return None
    key, value = m.group(1).strip(), text[m.end() :].strip()
    if not value or value[0] in "\"'[{|>&*!%@`":
        return None
    typographic = len(value) > 2 and {value[0], value[-1]} <= set("”“„‘’«»")  # Word's
    quoted = in_quotes(value[1:-1] if typographic else value)
    why = " (raka: ”…” från Word räknas inte som citattecken i YAML)" if typographic else ""
    if quoted is None:
        fix = both_quotes(text)
    else:
        fix = quoted if quoted[:1] not in "\"'" else f"{piece(key, 40)}: {quoted}"
        fix = f"Sätt hela texten inom citattecken{why}: {fix}{comment_note(value)}"
    # 'Orsak:' at the line's end: the colon is followed by the line break, not a space.
    colon = "sist på raden" if not text[column:].strip() else "följt av mellanslag"
    return syntax_finding(
        line,
        column,
        f"Texten efter '{piece(key, 40)}:' innehåller ett kolon {colon} "
        f"('{piece(text[m.end() : column].strip(), 40)}'), och YAML läser det som början på "
        f"en ny nyckel. {fix}.",
    )


_BLOCK_HEADER = re.compile(r"([|>])([-+0-9]*)(.*)$")


def _block_header(problem: str, lines: list[str], line: int, column: int) -> Finding:
    """Something after '|' or '>' on the key's line: most often the text itself."""
    header = file_line(lines, line)[column - 1 :]
    m = _BLOCK_HEADER.match(header)
    sign, indicators, rest = (m.group(1), m.group(2), m.group(3).strip()) if m else ("|", "", "")
    key = _KEY.match(file_line(lines, line))
    name = piece(key.group(1).rstrip(), 40) if key else "nyckel"
    if "equal to 0" in problem or "found 0" in problem:
        return syntax_finding(
            line,
            column,
            f"Siffran 0 efter '{sign}' är inte tillåten (en siffra där anger textens indrag, "
            f"1–9). Ta bort siffran: skriv bara '{name}: {sign}' och texten indragen på raderna "
            "under.",
        )
    if rest and not rest.startswith("#") and re.fullmatch(r"[-+0-9]*", indicators):
        return syntax_finding(
            line,
            column,
            f"Texten står på samma rad som '{sign}'. Efter '{name}: {sign}' ska raden sluta: "
            f"flytta texten ('{piece(rest)}') till raden under, indragen mer än nyckeln, så "
            "som 'utsatta ny rapport' skriver den. Ska texten börja med "
            f"'{sign}', sätt hela texten inom citattecken.",
        )
    return syntax_finding(
        line,
        column,
        f"Efter '{sign}' får bara stå ett '-' eller '+' och en siffra 1–9 (här: "
        f"'{piece(indicators + (' ' + rest if rest else ''), 40)}'). Skriv bara '{name}: {sign}' "
        "och texten indragen på raderna under.",
    )


def _unclosed_flow(lines: list[str], line: int, opened: int, column: int, braces: bool) -> Finding:
    """'omraden: [a, b' without ']': the parser reads on to the next line's colon (or the end
    of the file) and stops there; the mistake is on the line where the bracket opened."""
    opener, closer = ("{", "}") if braces else ("[", "]")
    kind = "Nycklarna inom klammerparenteser" if braces else "Listan inom hakparenteser"
    written = file_line(lines, opened).strip()
    whole = closer not in written and "#" not in written and piece(written, 80) == written
    fix = f"sist på raden: '{written}{closer}'" if whole else "efter det sista värdet"
    return syntax_finding(
        opened,
        column,
        f"{kind} som börjar med '{opener}' här avslutas aldrig med '{closer}': YAML letar efter "
        f"'{closer}' (eller ett kommatecken före nästa värde) ända till rad {line} och kan inte "
        f"läsa vidare. Skriv '{closer}' {fix}. Står värdena på flera rader, skilj dem med "
        "kommatecken.",
    )


def _colon_in_flow(lines: list[str], line: int, start: int, at: int) -> Finding:
    """'[2:1, 2:4]': in a list within brackets a ':' must be quoted (libyaml, YAML 1.1)."""
    text = file_line(lines, line)
    if text[start - 2 : start - 1] in ("'", '"'):
        # The word follows a quote that closes one opened earlier (not a list's id).
        closed = text_after_value(lines, line, start)
        if closed is not None:
            return closed
    end = len(text)
    for stop in ",]}":
        found = text.find(stop, at - 1)
        if found != -1:
            end = min(end, found)
    word = text[start - 1 : end].strip()
    if re.fullmatch(r"[0-9]+:[0-9]+", word):
        return syntax_finding(
            line,
            start,
            f"Ett id med kolon inom '[ ]' eller '{{ }}' måste stå inom citattecken: skriv "
            f'"{word}" (till exempel ["{word}"]).',
        )
    return syntax_finding(
        line,
        start,
        f"Ett kolon inom '[ ]' eller '{{ }}' måste stå inom citattecken: skriv "
        f'"{piece(word)}". Är hela värdet en text, inte en lista eller nycklar inom '
        "'{ }', sätt hela texten inom citattecken.",
    )


def _question_mark(lines: list[str], line: int, column: int) -> Finding:
    value = file_line(lines, line)[column - 1 :].strip()
    quoted = in_quotes(value)
    fix = (
        f"Sätt hela texten inom citattecken: {quoted}"
        if quoted is not None
        else both_quotes(file_line(lines, line))
    )
    return syntax_finding(
        line,
        column,
        f"Ett frågetecken följt av mellanslag läses i YAML som början på en nyckel. {fix}.",
    )


def document_end_problem(text: str, before: int) -> Finding | None:
    """A line '...' ends the YAML document: what follows cannot be read. The nearest such line
    above line ``before``, or None."""
    lines = text.split("\n")
    for number in range(min(before, len(lines)), 0, -1):
        if re.fullmatch(r"\.\.\.(?:\s+#.*)?\s*", file_line(lines, number)):
            return syntax_finding(
                number,
                1,
                "Raden '...' avslutar YAML-dokumentet, så resten av filen kan inte läsas. Ta bort "
                "raden; hör '...' till en text, sätt texten inom citattecken, eller skriv '|' "
                "efter kolonet på textens nyckelrad (som 'nulage: |') och textens rader, med "
                "'...', indragna under den.",
            )
    return None


def _directive(lines: list[str], before: int) -> Finding | None:
    for number in range(1, min(before, len(lines)) + 1):
        written = file_line(lines, number)
        if written.startswith("%"):
            return syntax_finding(
                number,
                1,
                f"Raden '{piece(written, 40)}' läses i YAML som ett direktiv (en rad som börjar "
                "med '%'), och det här går inte att läsa. Ta bort raden: utsattas datafiler "
                "behöver inga direktiv. Ska texten börja med '%', sätt den inom citattecken.",
            )
    return None
