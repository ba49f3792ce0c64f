"""A warning for what in a free text the reports show otherwise than an editor's preview
(``utsatta.mdtext``): a link that loses its address, an image, a reference definition (gone)
and raw HTML (text), and in a nämnd's Markdown a code block (indented or fenced: a paragraph
and text in the reports) and a list nested deeper than the reports keep as a list (read flat;
docs/decisions/0546, 0547); the author learns it when they commit, not when they read the
report.

Every text an author writes is checked, in every file kind: each field the model types as
``Text`` (or a list of them), at any depth, found from the models' own annotations, not from a
list of names, so a field added later is covered too.

Only the nämnders' free texts (:data:`MARKDOWN_FIELDS`) are Markdown in the reports; every
other text (a name, a title) is shown as written in both formats, so its warning says that
instead (docs/decisions/0321-namn-som-text.md).

Which constructs, and why: docs/decisions/0098-varning-lank-som-text.md. A text without ``[``
or ``<`` cannot hold one (``mdlinks.may_show_as_text``), so markdown-it is imported only for a
text that could; most data never needs it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, Final, Union, get_args, get_origin

from pydantic import BaseModel

from utsatta import escape, lineends, mdlinks
from utsatta.fileio import read_regular
from utsatta.findings import Finding, Path_, varning
from utsatta.load.dataset import NOT_KEPT, SourceFile
from utsatta.load.yamlread import decode
from utsatta.mdlinks import is_web_address
from utsatta.model.common import Text
from utsatta.model.rapport import InsatsRapport
from utsatta.model.uppfoljning import (
    DelmalBedomning,
    FokusBedomning,
    MalBedomning,
    OmradesBedomning,
    Slutuppfoljning,
    TidigareBehov,
    UppfoljningFil,
)
from utsatta.numbers import heltal
from utsatta.wording import och
from utsatta.wordlist import word_bullets

if TYPE_CHECKING:
    from markdown_it.token import Token

CODE = "visas-som-text"
#: how many constructs one warning names (one warning per field, however many it has)
_NAMED = 3
#: the longest link text, address or tag quoted in a message
_QUOTE = 60


#: The texts the reports read as Markdown (the HTML report renders them, the .md report writes
#: them again with their emphasis and lists): what the nämnder and the uppföljning write in
#: their own words. Every other ``Text`` is plain, shown as written in both formats. A test
#: renders every text of the data with Markdown in it and holds the reports to this table.
MARKDOWN_FIELDS: Final[Mapping[type[BaseModel], frozenset[str]]] = {
    InsatsRapport: frozenset({"nulage", "motivering", "fortsatt_arbete", "behov", "samordning"}),
    UppfoljningFil: frozenset({"nulage", "fortsatt_arbete"}),
    MalBedomning: frozenset({"text"}),
    DelmalBedomning: frozenset({"text"}),
    FokusBedomning: frozenset({"text"}),
    OmradesBedomning: frozenset({"text"}),
    TidigareBehov: frozenset({"text"}),
    Slutuppfoljning: frozenset({"lardomar", "forslag"}),
}


def check(src: SourceFile[Any]) -> list[Finding]:
    """One warning per free text of the file that holds what :func:`shown_as_text` lists."""
    if src.model is None:
        return []
    out: list[Finding] = []
    _walk(src, src.model, (), out)
    return out


def _walk(src: SourceFile[Any], node: BaseModel, path: Path_, out: list[Finding]) -> None:
    # Runs on every part of every file in pre-commit: the fields to look at come from a cache
    # per class, a text is parsed only when it passes the cheap pre-test (a report's text that
    # validate did not keep reads NOT_KEPT, which does not), and the model's __dict__ spares
    # pydantic's attribute lookup.
    may = mdlinks.may_show_as_text
    texts, lists, parts = _fields(type(node))
    markdown = MARKDOWN_FIELDS.get(type(node), frozenset())
    values = node.__dict__
    for name in texts:
        text = values[name]
        if text is not None and text is not NOT_KEPT and may(text):
            out += _warning(src, (*path, name), text, markdown=name in markdown)
    for name in lists:
        for i, text in enumerate(values[name] or ()):
            if text is not NOT_KEPT and may(text):
                out += _warning(src, (*path, name, i), text, markdown=name in markdown)
    for name in parts:
        value = values[name]
        if isinstance(value, BaseModel):
            _walk(src, value, (*path, name), out)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _walk(src, item, (*path, name, i), out)


#: the mark that makes a ``str`` a ``Text`` (model.common): the check every free text passes
_TEXT_CHECK = get_args(Text)[1]


@functools.cache
def _fields(cls: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A model's text fields, its fields of lists of texts, and its fields that may hold
    models, in the model's order, from its annotations."""
    texts: list[str] = []
    lists: list[str] = []
    parts: list[str] = []
    for name, info in cls.model_fields.items():
        plain = info.annotation is str and any(m is _TEXT_CHECK for m in info.metadata)
        if plain or _is_text(info.annotation):
            texts.append(name)
        elif get_origin(info.annotation) is list and _is_text(get_args(info.annotation)[0]):
            lists.append(name)
        elif _holds_model(info.annotation):
            parts.append(name)
    return tuple(texts), tuple(lists), tuple(parts)


def _is_text(tp: Any) -> bool:
    """``Text`` or ``Text | None``."""
    if get_origin(tp) is Annotated:
        return any(m is _TEXT_CHECK for m in tp.__metadata__)
    if get_origin(tp) in (Union, UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return len(args) == 1 and _is_text(args[0])
    return False


def _holds_model(tp: Any) -> bool:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return True
    return any(_holds_model(a) for a in get_args(tp))


def _warning(
    src: SourceFile[Any], path: Path_, text: str, *, markdown: bool = True
) -> list[Finding]:
    said = shown_as_text(text)
    if markdown:  # a plain field is shown as written: no Markdown block to differ
        looks = looks_otherwise(text, block=lambda: _is_block(src, path))
        said = sorted(said + looks, key=lambda item: item[2])
    if not said:
        return []
    said_kinds = [(k, w) for k, w, _ in said]
    text_message = message(said_kinds) if markdown else plain_message(text, said_kinds)
    found = varning(src.display, path, CODE, text_message)
    place = _place(src, path, text, said[0][2])
    return [found if place is None else found.at(*place)]


def _value_line(src: SourceFile[Any], path: Path_) -> tuple[list[str], int, int] | None:
    """The file's lines, and the line and column where the value at ``path`` starts (its '|'
    or '>' in a block text); None when the file cannot be read as it was."""
    at, column = src.positions().locate(path)
    if src.changed:
        return None
    try:
        # decoded as the positions were (a byte-order mark is not a character of line 1)
        raw, _ = decode(read_regular(src.path))
    except OSError:
        return None
    if raw is None:
        return None
    lines = lineends.lines(raw)  # not str.splitlines: VT, NEL, U+2028 … end no line of a file
    return (lines, at, column) if lines[at - 1 : at] else None


def _is_block(src: SourceFile[Any], path: Path_) -> bool:
    """Whether the value is a block text (after '|' or '>'); False when that cannot be told
    (a heading is then warned about, perhaps beside kommentar-i-text, rather than not)."""
    value = _value_line(src, path)
    return value is not None and value[0][value[1] - 1][value[2] - 1 :][:1] in ("|", ">")


def _place(src: SourceFile[Any], path: Path_, text: str, line: int) -> tuple[int, int] | None:
    """The file's line and column of line ``line`` of the text, when that is exact: in a
    literal block (``|``) the text's lines are the file's lines after the value's. Else None
    (the value's own place; a folded, quoted or plain text's lines are not the file's)."""
    if text.count("\n") != escape.prose(text).count("\n"):
        return None  # a break YAML does not count as one (VT, NEL …) moved the lines
    value = _value_line(src, path)
    if value is None:
        return None
    lines, at, column = value
    if not lines[at - 1][column - 1 :].startswith("|"):
        return None
    row = at + 1 + line
    if row > len(lines):  # pragma: no cover - the text's lines are in the file
        return None
    content = lines[row - 1]
    return row, len(content) - len(content.lstrip(" ")) + 1


def shown_as_text(text: str) -> list[tuple[str, str, int]]:
    """What in ``text`` the reports show otherwise than the editor's preview, by line of the
    text (links and images before tags on a line): (kind, what becomes of it, line).
    Kinds: ``lank``, ``tom-lank`` (a link without text, to no web address: nothing of it
    shows), ``bild``, ``referens``, ``html``. A link to a web address keeps its
    address (the ``.md`` shows it, HTML and PDF keep the link), and a link whose text is
    empty or its address shows its address: not listed.

    Links, images and reference definitions come from a parse with the reports' own options
    (``mdlinks.source_parser``: no raw HTML), so what is said of them is what the reports do;
    tags and comments from a parse with raw HTML on (``mdlinks.tag_parser``)."""
    prose = escape.prose(text)
    md = mdlinks.source_parser()
    env: dict[str, Any] = {}
    found: list[tuple[str, str, int]] = []
    hrefs: set[str] = set()  # every link's address (a used reference's among them)
    for block in md.parse(prose, env):
        if block.type == "inline" and block.children:
            line = block.map[0] if block.map else 0
            found += [(k, w, line) for k, w in _inline(block.children, md.normalizeLinkText)]
            hrefs.update(str(t.attrGet("href")) for t in block.children if t.type == "link_open")
    lines = prose.split("\n")
    for ref in env.get("references", {}).values():
        first = ref["map"][0] if ref.get("map") else 0
        written = _quoted(lines[first].strip() if first < len(lines) else "")
        address = _quoted(md.normalizeLinkText(ref["href"]))
        if not is_web_address(ref["href"]):
            what = "syns inte där, inte heller i en länk som använder den."
        elif ref["href"] in hrefs:
            what = "syns bara i länken som använder den."
        else:
            what = "syns inte där."
        found.append(
            (
                "referens",
                f"Referensen {written} visas inte i rapporten: adressen {address} {what}",
                first,
            )
        )
    if "<" in prose:
        found += _tags(prose)
    found.sort(key=lambda item: item[2])  # stable: in a line, links before tags
    return list(dict.fromkeys(found))


def looks_otherwise(
    text: str, *, block: Callable[[], bool] | None = None
) -> list[tuple[str, str, int]]:
    """What in a nämnd's Markdown a preview shows otherwise than every report format
    (``mdlinks.preview_differences``: an indented code block, a fence, a list nested too
    deep, a quote, a rule, a heading; docs/decisions/0546 and 0547), as :func:`shown_as_text`
    lists it. A list pasted from Word is read as the reports read it, a Markdown list
    (``word_bullets``, which keeps the lines: 0548, 0565); the lines are quoted as written.

    A heading '# text' first on its line is left out when ``block`` says that the text is a
    block text (after '|' or '>'; asked once, at the first such heading): kommentar-i-text
    warns at that line there (0539, 0551), and its own test says which lines those are
    (0583). In a quoted text, and after a list marker ('- # text'), it is a heading like any
    other."""
    lines = escape.prose(text).split("\n")
    listed = word_bullets(text)
    found: list[tuple[str, str, int]] = []
    in_block: bool | None = None
    for kind, at in mdlinks.preview_differences(escape.prose(listed), lineends.to_lf(listed)):
        if kind == "rubrik" and at[0] < len(lines) and _comment_look()(lines[at[0]]):
            if in_block is None:
                in_block = block is not None and block()
            if in_block:
                continue
        quoted = [_quoted(lines[line].strip() if line < len(lines) else "") for line in at]
        if len(at) == 1:
            looks = _LOOKS[kind]
            if kind == "linje" and _read_as_list(lines[at[0]]):
                looks = _RULE_AS_LIST
            found.append((kind, looks.format(written=quoted[0]), at[0]))
            continue
        # Several lines to change, each named, or the first and last of many: every indented
        # paragraph of one code block in a preview (each one's first line must change, or the
        # next run warns about the next; granska17b F5), every line of a quote with a '>'.
        few, many, them, kind = _SEVERAL[kind]
        named = (
            few.format(lines=och(quoted))
            if len(at) <= _NAMED
            else many.format(n=heltal(len(at)), first=quoted[0], last=quoted[-1])
        )
        found.append((kind, named + them, at[0]))
    return found


def _read_as_list(line: str) -> bool:
    """Whether the reports read a rule's line as a list: '- - -' and '* * *' are list items in
    list items to a parser without rules (``mdlinks.NOT_READ``)."""
    return any(tok.type.endswith("_list_open") for tok in mdlinks.parser().parse(line.strip()))


@functools.cache
def _comment_look() -> Callable[[str], bool]:
    """kommentar-i-text's test of whether a heading's line is one it warns at in a block text
    ('# text' or a lone '#' first on it; 0539, 0583), imported at the first heading (validate
    does not read that rule's module for most data) and then kept: an import statement run at
    every heading cost 7 000–18 000 instructions each (callgrind)."""
    from utsatta.load.block_comment import looks_like_comment

    return looks_like_comment


#: a rule that the reports read as a list (:func:`_read_as_list`)
_RULE_AS_LIST = (
    "Raden {written} blir en vågrät linje i en Markdown-förhandsvisning (t.ex. på GitHub), men "
    "rapporten har inga linjer: den visar raden som en lista."
)


#: per kind found on several lines: how a few of them are named, how many are, what a preview
#: makes of them, and the kind of the message (its advice)
_SEVERAL = {
    "indrag": (
        "Styckena som börjar med raderna {lines}",
        "De {n} styckena från raden {first} till raden {last}",
        " är indragna minst fyra mellanslag (eller en tabb) mer än texten de hör till: i en "
        "Markdown-förhandsvisning (t.ex. på GitHub) blir de ett kodblock, men rapporten visar "
        "dem som vanliga stycken, utan indraget.",
        "stycken",
    ),
    "citat": (
        "Raderna {lines}",
        "De {n} raderna med '>' från raden {first} till raden {last}",
        " är ett citat i en Markdown-förhandsvisning (t.ex. på GitHub), men rapporten har inga "
        "citat: den visar '>' som ett tecken.",
        "citatrader",
    ),
}


#: What becomes of each construct that only a preview shows (its line quoted).
_LOOKS = {
    "indrag": "Raden {written} är indragen minst fyra mellanslag (eller en tabb) mer än texten "
    "den hör till: i en Markdown-förhandsvisning (t.ex. på GitHub) blir den ett kodblock, men "
    "rapporten visar den som ett vanligt stycke, utan indraget.",
    "staket": "Raden {written} börjar ett kodblock i en Markdown-förhandsvisning, men rapporten "
    "har inga kodblock: den visar tecknen och raderna efter som vanlig text.",
    "nastling": "Listan vid raden {written} är nästlad djupare än nio nivåer, fler än rapporten "
    "visar som en lista: rapporten visar hela texten som vanliga stycken, med listtecknen som "
    "text.",
    "citat": "Raden {written} börjar ett citat i en Markdown-förhandsvisning (t.ex. på GitHub), "
    "men rapporten har inga citat: den visar '>' som ett tecken.",
    "linje": "Raden {written} blir en vågrät linje i en Markdown-förhandsvisning (t.ex. på "
    "GitHub), men rapporten har inga linjer: den visar tecknen.",
    "rubrik": "Raden {written} blir en rubrik i en Markdown-förhandsvisning (t.ex. på GitHub), "
    "men rapporten har inga rubriker i en nämnds text: den visar '#' som tecken.",
    "tabell": "Raden {written} börjar en tabell i en Markdown-förhandsvisning (t.ex. på "
    "GitHub), men rapporten har inga tabeller i en nämnds text: den visar raderna som vanlig "
    "text, med tecknen '|'.",
    "genomstruken": "Raden {written} har genomstruken text i en Markdown-förhandsvisning (t.ex. "
    "på GitHub), men rapporten stryker inte över text: den visar texten som vanlig text, med "
    "tecknen '~' runt den.",
    "understruken": "Raden {written} gör texten ovanför till en rubrik i en "
    "Markdown-förhandsvisning (t.ex. på GitHub), men rapporten har inga rubriker i en nämnds "
    "text: den visar tecknen.",
}


def _tags(prose: str) -> list[tuple[str, str, int]]:
    found: list[tuple[str, str, int]] = []
    for tok in mdlinks.tag_parser().parse(prose):
        line = tok.map[0] if tok.map else 0
        if tok.type == "html_block":
            found.append(("html", _tag(tok.content.strip()), line))
        elif tok.type == "inline":
            found += [
                ("html", _tag(t.content), line)
                for t in tok.children or []
                if t.type == "html_inline"
            ]
    return found


def _tag(tag: str) -> str:
    if tag.startswith("<!--"):
        return f"HTML-kommentaren {_quoted(tag)} visas som text i rapporten: den döljs inte."
    return f"HTML-koden {_quoted(tag)} visas som text i rapporten, inte som HTML."


def _inline(tokens: Sequence[Token], shown: Callable[[str], str]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for at, tok in enumerate(tokens):
        if tok.type == "link_open" and tok.markup != "autolink":
            href = str(tok.attrGet("href") or "")
            label = _label(tokens, at + 1)
            if not label.strip() and not is_web_address(href):
                # '[]()', '[](#x)': neither its text nor its address shows (decision 0677)
                found.append(("tom-lank", _empty_link(shown(href))))
            elif label.strip() and label != shown(href) and not is_web_address(href):
                found.append(
                    (
                        "lank",
                        f"Länken {_quoted(label)} visas bara som sin text i rapporten, och "
                        f"adressen {_quoted(shown(href))} syns inte: rapporten behåller bara "
                        "länkar som börjar med http:// eller https://.",
                    )
                )
        elif tok.type == "image":
            src = _quoted(shown(str(tok.attrGet("src") or "")))
            alt = tok.content.strip()
            found.append(
                (
                    "bild",
                    f"Bilden {src} visas inte i rapporten, bara dess alternativtext {_quoted(alt)}."
                    if alt
                    else f"Bilden {src} visas inte i rapporten, och den har ingen "
                    "alternativtext som står i dess ställe.",
                )
            )
    return found


def _empty_link(address: str) -> str:
    """What becomes of a link without text whose address the reports do not keep."""
    if not address.strip():
        return "Länken '[]()' har varken text eller adress: den syns inte alls i rapporten."
    return (
        f"Länken till {_quoted(address)} har ingen text: rapporten visar en länk som sin text "
        "och behåller bara adresser som börjar med http:// eller https://, så ingenting av "
        "länken syns."
    )


def _label(tokens: Sequence[Token], start: int) -> str:
    """A link's text, up to its link_close (an image in it counts with its alt text, a line
    break as a space)."""
    parts: list[str] = []
    for tok in tokens[start:]:
        if tok.type == "link_close":
            break
        parts.append(" " if tok.type in ("softbreak", "hardbreak") else tok.content)
    return "".join(parts)


def _quoted(text: str) -> str:
    return f"'{escape.shorten(' '.join(text.split()), _QUOTE)}'"


#: What to do, per kind present.
_ADVICE = {
    "lank": "Ska läsaren kunna se adressen, skriv den i texten",
    "tom-lank": "Skriv länkens text mellan [ och ] (och adressen i texten, om läsaren ska se "
    "den), eller ta bort länken",
    "bild": "Beskriv i texten vad bilden visar, eller hänvisa till var den finns",
    "referens": "Ska läsaren kunna se adressen, skriv den i texten eller i länken: "
    "[text](https://…)",
    "html": "Skriv Markdown i stället (t.ex. **fetstil**, en tom rad för nytt stycke) eller "
    "ta bort koden",
    "indrag": "Ta bort de extra mellanslagen (eller tabben) före texten på raden; ska raden vara "
    "en punkt i en lista, skriv '- ' först på raden",
    "stycken": "Ta bort de extra mellanslagen (eller tabben) först i vart och ett av styckena; "
    "ska ett stycke vara en punkt i en lista, skriv '- ' först i det",
    "staket": "Ta bort raderna med ``` (eller ~~~) och skriv texten som vanliga stycken",
    "nastling": "Minska indraget så att listan har högst nio nivåer",
    "citat": "Ta bort '>' (alla, om de är flera) och mellanslagen efter dem före texten på "
    "raden; ett citat kan stå inom citattecken i stycket",
    "citatrader": "Ta bort '>' (alla, om de är flera) och mellanslagen efter dem före texten på "
    "var och en av raderna; ett citat kan stå inom citattecken i stycket",
    "linje": "Ta bort raden",
    "tabell": "Skriv en punktlista i stället, en punkt per rad i tabellen (t.ex. '- Område: "
    "antal'), utan tecknen '|' och utan raden med '---'",
    "genomstruken": "Ta bort texten, eller bara tecknen '~' runt den om texten ska stå kvar; "
    "står '~' för 'till' (350~500), skriv ett tankstreck: 350–500",
    "rubrik": "Ta bort '#'-tecknen före rubrikens text; rubriken kan stå som ett eget stycke, "
    "t.ex. i fetstil (**rubrik**)",
    "understruken": "Ta bort raden med tecknen; rubriken kan stå som ett eget stycke, t.ex. i "
    "fetstil (**rubrik**)",
}


def message(said: list[tuple[str, str]]) -> str:
    """The message for one field: what becomes of (at most three of) the constructs, a
    sentence each, grouped by kind, each kind's advice right after its own sentences."""
    named = said[:_NAMED]
    out: list[str] = []
    for kind in dict.fromkeys(k for k, _ in named):
        out += [what for k, what in named if k == kind]
        out.append(_ADVICE[kind] + ".")
    more = len(said) - len(named)
    if more:
        out.append(f"Texten har ytterligare {heltal(more)} sådana ställen.")
    return " ".join(out)


#: the constructs of a plain text, as its message names them
_PLAIN_WORDS = {
    "lank": "länk",
    "tom-lank": "länk",
    "bild": "bild",
    "referens": "referens",
    "html": "HTML-kod",
}


def plain_message(text: str, said: list[tuple[str, str]]) -> str:
    """The message for a plain field (not in :data:`MARKDOWN_FIELDS`): both reports show it as
    written, character by character, so what looks like a link or HTML is neither."""
    kinds = och(list(dict.fromkeys(_PLAIN_WORDS[k] for k, _ in said)))
    return (
        f"Texten är vanlig text, inte Markdown: båda rapportformaten visar {_quoted(text)} "
        f"precis som den är skriven, så det som ser ut som {kinds} visas som sina tecken och "
        "blir ingen länk och ingen formatering. Skriv texten utan Markdown och HTML; en "
        "webbadress kan stå som den är (https://…)."
    )
