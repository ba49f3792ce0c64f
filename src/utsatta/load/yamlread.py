"""Read one YAML document into plain data, treating the text as untrusted: the parser's events
are walked here, so nothing but plain values is built, aliases and tags are refused unexpanded,
scalars follow YAML 1.2, duplicate keys are reported and depth is bounded. A tracking mode also
records the position of every key and value. See docs/decisions/0004-yaml-event-walk.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from utsatta.findings import Finding, Path_
from utsatta.lineends import lines, to_lf
from utsatta.load.characters import (
    REFUSED_BMP,
    odd_break_problems,
    reader_problem,
    refused_in_value,
    refused_pattern,
)
from utsatta.load.duplicates import Duplicates, FirstLines, ItemKeys
from utsatta.load.encoding import DamagedText, may_be_damaged, not_utf8
from utsatta.load.hidden import hidden_in_value, may_hold_hidden
from utsatta.load.pasted import keys_in_text, unindented_text
from utsatta.load.scalars import (
    BASED,
    KEYWORDS,
    MAX_EXACT,
    NUMBER_START,
    NumberTooLarge,
    resolve_plain,
    too_large,
)

# The C parser: ruamel.yaml.clib (a dependency; module _ruamel_yaml, measured slightly faster),
# else ruamel.yaml.clibz (the `libyaml` extra of ruamel.yaml 0.19; module _ruamel_yaml_clibz).
# Without either (a platform with no wheel) the pure-Python parser gives the same events and
# the same findings (a test checks), only slower.
try:
    from _ruamel_yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on the installed wheels
    try:
        from _ruamel_yaml_clibz import CParser as _CParser
    except ImportError:
        _CParser = None

#: Set by tests to compare the pure-Python parser with the C parser.
FORCE_PURE = False
#: Set by tests to look for pasted text in every file, to prove the walk's cue misses none.
ALWAYS_LOOK_FOR_PASTED = False
#: Whether a value with a control or bidi character is refused (``refused_in_value``). Only
#: tests switch it off, to prove that every output still escapes such a character (defence in
#: depth: a library user may build the models from other data).
REFUSE_IN_VALUES = True

#: The deepest nesting accepted. The real formats need 5 levels; 20 leaves room and stops
#: pathological input early.
MAX_DEPTH = 20

_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(slots=True)
class Positions:
    """Where each key and value stands in the file, by data path (1-based line, column)."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    #: the source text of plain scalars that YAML read as something other than text
    raw: dict[Path_, str] = field(default_factory=dict)
    #: the scalars written within quotes ('…' or "…"): a message may say to drop them
    quoted: set[Path_] = field(default_factory=set)
    #: the scalars with a tag that is refused: the tag's finding says all about the value (0540)
    tagged: set[Path_] = field(default_factory=set)

    def locate(self, path: Path_, *, at_key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that exists."""
        if at_key and path in self.keys:
            return self.keys[path]
        p = path
        while True:
            if p in self.values:
                return self.values[p]
            if p in self.keys:
                return self.keys[p]
            if not p:
                return (1, 1)
            p = p[:-1]


@dataclass(eq=False, slots=True)
class ParseResult:
    """One document read: its plain data (None when it cannot be used), its problems and,
    when tracked, the positions of its keys and values."""

    data: Any
    problems: list[Finding]
    positions: Positions | None
    #: a number written with over 15 characters or in another base (load/written_numbers.py)
    numbers: bool = False


class _Abort(Exception):
    """Parsing cannot go on (depth limit, second document)."""


def decode(raw: bytes) -> tuple[str | None, Finding | None]:
    """Decode UTF-8, accepting a byte-order mark; report the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        # Lines end as everywhere (a lone CR too); columns count characters, not bytes.
        before = lines(raw[: exc.start].decode("utf-8", errors="replace"))
        return None, not_utf8(raw, exc.start, len(before), len(before[-1]) + 1)


def parse(text: str, *, track: bool = False, utf8: bytes | None = None) -> ParseResult:
    """Parse one YAML document from ``text``. Never raises for bad input.

    ``utf8``: the bytes ``text`` was decoded from, when they are exactly ``text`` in UTF-8
    (no byte-order mark): the C parser reads them as they are instead of encoding ``text``
    again (the same events and marks; it reads UTF-8 either way)."""
    problems: list[Finding] = []
    positions = Positions() if track else None
    if "\r" in text:
        # CRLF and a lone CR made LF once, here: every line lookup below (the odd breaks, the
        # syntax messages, pasted text) then counts the lines as the parser and editors do.
        # The parser's lines, columns and values are the same (YAML reads each as one break).
        text, utf8 = to_lf(text), None
    # Three substring tests, not a search for ODD_BREAKS: a character class walks every character
    # (60 ms per 500 reports), a test for one character is a memchr, or nothing at all when
    # the text has no character that wide.
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        # libyaml counts these as line breaks: every line after one would be misplaced, and
        # a comment or text they split would read as structure. Only they are reported.
        return ParseResult(None, odd_break_problems(text), positions)
    duplicates = Duplicates(FirstLines(text))
    numbers = False
    try:
        try:
            data, suspect, numbers = _walk(text, problems, positions, utf8, duplicates)
        finally:  # before pasted text may replace the problems
            duplicates.flush(problems)
        # Only a file whose walk saw what pasted text becomes has its lines looked at.
        suspect = (suspect or bool(problems) or ALWAYS_LOOK_FOR_PASTED) and ": " in text
        pasted = unindented_text(text, parsed=True) if suspect else None
        if pasted is not None:
            from utsatta.load.walk_findings import pasted_problem

            # One finding that says what happened: not an empty text and a sentence as a key.
            return ParseResult(None, [pasted_problem(pasted, text)], positions)
        if suspect:  # a key's line indented into a block text (warnings, cheap: blocks only)
            problems += keys_in_text(text)
    except _Abort:
        data = None
    except MarkedYAMLError as exc:
        # the messages for syntax errors are read only for a file that has one
        from utsatta.load.invisible import space_problem
        from utsatta.load.syntax import dash_problem, syntax_problem

        data = None
        mark = exc.problem_mark or exc.context_mark
        # An odd space (U+00A0 from Word …) where YAML needs one explains all that follows.
        dash = space_problem(exc, text) or dash_problem(exc, text)
        pasted = None
        if dash is None:
            pasted = unindented_text(text, before=mark.line + 1 if mark is not None else 0)
        if dash is not None:
            problems.append(dash)
        elif pasted is None:
            problems.append(syntax_problem(exc, text))
        else:  # the rest follows from the pasted lines
            from utsatta.load.walk_findings import pasted_problem

            problems[:] = [pasted_problem(pasted, text)]
    except ReaderError as exc:
        data = None
        problems.append(reader_problem(exc, text, byte_offset=_uses_c_parser()))
    except YAMLError:  # pragma: no cover - errors without a position are rare
        from utsatta.load.syntax import generic_problem  # read only for such an error

        data = None
        problems.append(generic_problem(1, 1))
    return ParseResult(data, problems, positions, numbers)


def c_parser_available() -> bool:
    return _CParser is not None


def _uses_c_parser() -> bool:
    return _CParser is not None and not FORCE_PURE


def _parser(text: str, utf8: bytes | None = None) -> Any:
    if _uses_c_parser():
        return _CParser(text if utf8 is None else utf8)
    from utsatta.load.pure_yaml import events as pure_events

    return pure_events(text)  # with libyaml's rules, so a file reads the same everywhere


def events(text: str) -> Any:
    parser = _parser(text)
    if hasattr(parser, "get_event"):
        get = parser.get_event
        while True:
            ev = get()
            yield ev
            if type(ev) is StreamEndEvent:
                return
    else:  # the pure-Python parser yields events directly
        yield from parser


def _walk(
    text: str,
    problems: list[Finding],
    pos: Positions | None,
    utf8: bytes | None,
    duplicates: Duplicates,
) -> tuple[Any, bool, bool]:
    """The data, and whether some line may read as a key made of a sentence (what text pasted
    without indentation becomes, see ``unindented_text``). Such a line, in a file that parses,
    is a key with a space, a line of a quoted or block text with ': ' (or ':' at its end), a
    key in a flow mapping, or has an anchor or a tag before its key (a problem)."""
    # Runs once per event of every file, so the innermost open container is kept in locals
    # (``parent``: None at the document level, its path, whether it is a list, the pending key
    # of a mapping and that key's event); ``stack`` keeps the enclosing ones, one tuple each.
    stack: list[tuple[Any, Path_, bool, Any, Any]] = []
    parent: Any = None
    ppath: Path_ = ()
    is_list = False
    pkey: Any = _NOKEY
    pkev: Any = None
    root: Any = None
    have_root = False
    documents = 0
    nokey = _NOKEY
    keywords, number_start, exact, based = KEYWORDS, NUMBER_START, MAX_EXACT, BASED
    reported_anchor = reported_alias = False
    # No " #" before a character that is not a space: no text cut off by a comment, and no
    # look after each plain scalar (most files have comments, none has such a cut).
    hashes = may_be_cut_off(text)
    # A value with a control or bidi character the reader let through (docs/decisions/0151):
    # only a quoted text can hold an escape, and only a file with a bidi control may hold one
    # as it is, so most values are never searched. The same for hidden text (0663): a tag or
    # private character as it is, or written as a code in "…" in a file with a '\\'.
    look = REFUSE_IN_VALUES
    as_is = look and may_hold_hidden(text, utf8)
    # Without such a file's cue no value holds a character above U+FFFF as it is (only as a
    # code in "…", which ``_escape_problem`` looks at with every refused character).
    refused_chars = refused_pattern() if as_is else REFUSED_BMP
    # A '\\' in "…" that turns the text into another ('G:\\nya'): only a file with a '\\'.
    backslash = look and "\\" in text
    # A value damaged by a save in the wrong encoding ("p\ufffdhittat", "pÃ¥hittat"): only a
    # file with such a character has its values looked at.
    damaged = DamagedText(text) if may_be_damaged(text) else None
    suspect = numbers = False
    #: the list items' mappings that have a duplicate key (rare), by id: see ``ItemKeys``
    items: dict[int, ItemKeys] = {}
    # The parser's own get_event: a generator step per event costs up to a third of the walk.
    parser = _parser(text, utf8)
    get = parser.get_event if hasattr(parser, "get_event") else iter(parser).__next__
    while True:
        ev = get()
        t = type(ev)
        if t is ScalarEvent:
            if ev.anchor is not None and not reported_anchor:
                from utsatta.load.walk_findings import anchor_problem

                reported_anchor = True
                problems.append(anchor_problem(ev))
            value = ev.value
            style = ev.style
            if (as_is or (look and style == '"')) and (
                is_list or pkey is not nokey or parent is None
            ):
                mark = ev.start_mark
                refused = (
                    _escape_problem(text, ev) if backslash and style == '"' else None
                ) or refused_in_value(
                    value,
                    mark.line + 1,
                    mark.column + 1,
                    text,
                    (mark.index, ev.end_mark.index),
                    refused_chars,
                )
                if refused is not None:
                    problems.append(refused)
                if as_is or backslash:
                    span = (mark.index, ev.end_mark.index)
                    problems += hidden_in_value(value, mark.line + 1, mark.column + 1, text, span)
            if damaged is not None and (is_list or pkey is not nokey or parent is None):
                mark = ev.start_mark
                harm = damaged.check(value, mark.index, ev.end_mark.index, mark.line + 1)
                if harm is not None:
                    problems.append(harm)
            if (not style or style == ">") and ev.end_mark.line != ev.start_mark.line:
                # a text on several lines that YAML joins: a list in it would vanish (0621).
                # Not within quotes: there such lines are most often a quote never closed.
                from utsatta.load.joined_lines import joined_list_problem

                key = pkey if type(pkey) is str and not is_list else None
                joined = joined_list_problem(text, ev, key, is_list)
                if joined is not None:
                    problems.append(joined)
            if style and ":" in value and _SENTENCE_COLON.search(value):
                suspect = True
            if style and "#" in value and style in "|>":
                # A line '# …' in a text after '|' is text, not a comment (0539): looked at
                # only in a block text with a '#', so valid data costs one memchr per text.
                from utsatta.load.block_comment import comment_look_problems

                key = pkey if type(pkey) is str and not is_list else None
                problems += comment_look_problems(text, ev, key)
            if ev.ctag is not None:  # the ``tag`` property, without its call
                tag = str(ev.ctag)
                if tag != "!" and tag != _STR_TAG:
                    from utsatta.load.walk_findings import tag_problem

                    # '!viktigt …' as a plain text: the advice keeps the words (0540)
                    key = pkey if type(pkey) is str and not is_list else None
                    local = not style and tag[:1] == "!" and (is_list or key is not None)
                    written = text[ev.start_mark.index : ev.end_mark.index] if local else None
                    problems.append(tag_problem(ev.start_mark, tag, written, key))
            elif not style:
                if value in keywords or value[0] in number_start:
                    try:
                        value = resolve_plain(written := value)
                    except NumberTooLarge:
                        mark = ev.start_mark
                        problems.append(too_large(mark.line + 1, mark.column + 1, value))
                        raise _Abort from None
                    if type(value) is not str and (len(written) > exact or written[:2] in based):
                        numbers = True  # looked at once the file is validated
                if hashes and type(value) is str and text.startswith(" #", ev.end_mark.index):
                    _comment_after_text(text, ev, problems)
            container = None
        elif t is MappingEndEvent or t is SequenceEndEvent:
            if items:
                item = items.pop(id(parent), None)
                if item is not None:
                    item.end(problems)
            parent, ppath, is_list, pkey, pkev = stack.pop()
            continue
        elif t is MappingStartEvent or t is SequenceStartEvent:
            if ev.anchor is not None and not reported_anchor:
                from utsatta.load.walk_findings import anchor_problem

                reported_anchor = True
                problems.append(anchor_problem(ev))
            if ev.tag is not None and not ev.implicit:
                from utsatta.load.walk_findings import tag_problem

                problems.append(tag_problem(ev.start_mark, ev.tag))
            container = value = {} if t is MappingStartEvent else []
            if ev.flow_style and t is MappingStartEvent:
                suspect = True
            if len(stack) >= MAX_DEPTH:
                from utsatta.load.walk_findings import depth_problem

                problems.append(depth_problem(ev, MAX_DEPTH))
                raise _Abort
        elif t is AliasEvent:
            if not reported_alias:
                from utsatta.load.walk_findings import alias_problem

                reported_alias = True
                problems.append(alias_problem(ev, text))
            value = container = None
        elif t is StreamEndEvent:
            break
        else:
            if t is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    from utsatta.load.syntax import document_end_problem  # only for a 2nd document
                    from utsatta.load.walk_findings import second_document_problem

                    mark = ev.start_mark
                    # After '...' the pure-Python parser starts a second document where
                    # libyaml stops with an error: the same finding for both.
                    ended = None if ev.explicit else document_end_problem(text, mark.line + 1)
                    if ended is not None:
                        problems.append(ended)
                        raise _Abort
                    problems.append(second_document_problem(ev))
                    raise _Abort
            continue
        # Place the value in its parent.
        if is_list:
            if pos is not None:
                path: Path_ = (*ppath, len(parent))
                mark = ev.start_mark
                pos.values[path] = (mark.line + 1, mark.column + 1)
                if t is ScalarEvent and not ev.style and type(value) is not str:
                    pos.raw[path] = ev.value
                elif t is ScalarEvent and ev.style in ("'", '"'):
                    pos.quoted.add(path)
                if t is ScalarEvent and ev.ctag is not None:
                    _tagged(pos, path, ev)
            parent.append(value)
        elif parent is None:
            root = value
            have_root = True
            path = ()
            if pos is not None:
                mark = ev.start_mark
                pos.values[path] = (mark.line + 1, mark.column + 1)
        elif pkey is nokey:
            # This node is a key.
            if t is not ScalarEvent:
                from utsatta.load.walk_findings import not_a_word_key_problem

                problems.append(not_a_word_key_problem(ev))
                raise _Abort
            pkey = ev.value
            if not pkey and not ev.style:
                from utsatta.load.walk_findings import lone_question_mark, unnamed_key_problem

                if lone_question_mark(text, ev.start_mark.line):
                    # a lone '?' (YAML's explicit key) names no field: said here, not as the
                    # unknown key '' (and fmt would not know how to write it back)
                    problems.append(unnamed_key_problem(ev))
                    raise _Abort
            if " " in pkey:
                suspect = True
            if pkey == "<<" and not ev.style:
                from utsatta.load.walk_findings import merge_key_problem

                problems.append(merge_key_problem(ev))
                pkey = _MERGE
            pkev = ev  # the key's event: its marks give the key's place
            continue
        else:
            key = pkey
            pkey = nokey
            if pos is not None:
                # A merge value gets a path no data path can have ("<<" is never kept).
                path = (*ppath, "<<" if key is _MERGE else key)
                if path not in pos.keys:  # the first of duplicate keys keeps its place
                    kmark = pkev.start_mark
                    pos.keys[path] = (kmark.line + 1, kmark.column + 1)
                    if t is ScalarEvent and not ev.value and not ev.style:
                        # An empty value has no text of its own, and C parsers disagree
                        # on where it starts: use the place just after "key:".
                        kend = pkev.end_mark
                        pos.values[path] = (kend.line + 1, kend.column + 2)
                    else:
                        mark = ev.start_mark
                        pos.values[path] = (mark.line + 1, mark.column + 1)
                    if t is ScalarEvent and not ev.style and type(value) is not str:
                        pos.raw[path] = ev.value
                    elif t is ScalarEvent and ev.style in ("'", '"'):
                        pos.quoted.add(path)
                    if t is ScalarEvent and ev.ctag is not None:
                        _tagged(pos, path, ev)
            if key is _MERGE:
                pass  # reported at the key; the value is never merged
            elif key in parent:
                item = items.get(id(parent))
                if item is None and stack and stack[-1][2]:  # a mapping in a list
                    item = items[id(parent)] = ItemKeys(parent, duplicates.firsts)
                if item is None:
                    duplicates.add(key, pkev.start_mark, problems, parent)
                else:
                    item.duplicate(key, pkev.start_mark, problems)
            else:
                parent[key] = value
                if items and id(parent) in items:
                    items[id(parent)].add(key)
        if container is not None:
            stack.append((parent, ppath, is_list, pkey, pkev))
            parent, is_list, pkey, pkev = container, t is SequenceStartEvent, nokey, None
            if pos is not None:
                ppath = path
    if not have_root or root is None:
        from utsatta.load.walk_findings import empty_file_problem

        problems.append(empty_file_problem())
    return root, suspect, numbers


#: A colon that ends a word in a text, as in "Tre ord här: x" (not "2:1").
_SENTENCE_COLON = re.compile(r":(?: |\n|\Z)")
#: What ``_comment_after_text`` warns about: a comment that starts with a non-space, right after
#: a space (the end of a plain scalar).
CUT_OFF = re.compile(r" #[^ \t\r\n]")
_NOT_CUT = ("", " ", "\t", "\r", "\n")


def may_be_cut_off(text: str) -> bool:
    """Whether ``text`` has a :data:`CUT_OFF`. The pattern searched from the start tests every
    space of the text (100,000 instructions for a report of 20 kB, 4 % of its whole check);
    the '#' are found by a memchr instead, the first few tested here (a comment line's '# ' is
    none), the rest, if any, by the pattern from there."""
    at = text.find("#")
    for _ in range(32):
        if at < 0:
            return False
        if at and text[at - 1] == " " and text[at + 1 : at + 2] not in _NOT_CUT:
            return True
        at = text.find("#", at + 1)
    return at >= 0 and CUT_OFF.search(text, at - 1) is not None


def _comment_after_text(text: str, ev: Any, problems: list[Finding]) -> None:
    """Warn when text is cut off by '#': `Konceptet #1 finns` is read as "Konceptet" and a
    comment. Only when '#' is followed by a non-space, as in "#1"; "# …" is a real comment."""
    at = ev.end_mark.index + 2
    if at < len(text) and text[at] not in " \t\r\n":
        from utsatta.load.walk_findings import cut_off_problem

        problems.append(cut_off_problem(text, ev))


def _tagged(pos: Positions, path: Path_, ev: Any) -> None:
    tag = str(ev.ctag)
    if tag != "!" and tag != _STR_TAG:
        pos.tagged.add(path)


def _escape_problem(text: str, ev: Any) -> Finding | None:
    # invisible.py (its patterns) is read only for a file with a '\\' in a "…" text
    from utsatta.load.invisible import escape_problem

    return escape_problem(text, ev, refused_pattern())


class _NoKey:
    __slots__ = ()


_NOKEY = _NoKey()
_MERGE = _NoKey()
