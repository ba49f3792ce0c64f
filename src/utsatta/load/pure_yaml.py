"""The pure-Python YAML parser made to read what libyaml reads and refuse what it refuses.

Without a C parser wheel, ruamel.yaml's pure-Python parser reads the files. Left as it is, it
reads YAML 1.2 where libyaml reads YAML 1.1: '[2:1]' would be a list with one text on one
machine and a syntax error on another, and a tab after 'nyckel:' the other way round. Here its
scanner follows libyaml's rules where they differ, and raises libyaml's error (the same words,
the same marks), so ``load.syntax`` gives the same finding for both. A test compares the two
parsers on hostile input. See docs/decisions/0120-pure-parser-as-libyaml.md."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.events import DocumentStartEvent
from ruamel.yaml.parser import Parser, ParserError
from ruamel.yaml.scanner import Scanner, ScannerError
from ruamel.yaml.tokens import (
    DocumentEndToken,
    FlowEntryToken,
    FlowSequenceEndToken,
    ScalarToken,
    StreamEndToken,
    ValueToken,
)

#: a blank or the end of a line or of the text (libyaml's IS_BLANKZ)
_BLANKZ = "\0 \t\r\n\x85\u2028\u2029"
_BREAKS = "\r\n\x85\u2028\u2029"


def _name_length(peek: Any, at: int) -> int:
    """The length of the name (libyaml's letters, digits, '-' and '_') at ``at``."""
    length = 0
    while True:
        ch = peek(at + length)
        if not (ch.isascii() and (ch.isalnum() or ch in "-_")):
            return length
        length += 1


class _LibyamlScanner(Scanner):
    """ruamel.yaml's scanner with libyaml's (YAML 1.1) rules."""

    @property
    def scanner_processing_version(self) -> Any:
        return (1, 1)

    # The parser and resolver ask the scanner for the document's version: always YAML 1.1,
    # whatever a '%YAML' line says (libyaml reads '%YAML 1.2' with its 1.1 rules too).
    @property
    def yaml_version(self) -> Any:
        return (1, 1)

    @yaml_version.setter
    def yaml_version(self, value: Any) -> None:
        pass

    def fetch_stream_end(self) -> None:
        # libyaml moves to a new line at the end of a text whose last line has no line break
        # (what ends there is reported on the line after it), and forgets only the possible
        # key of the innermost level: one still open further out is an error (below).
        if self.reader.column != 0:
            self.reader.line += 1
            self.reader.column = 0
        self.unwind_indent(-1)
        self.remove_possible_simple_key()
        self.allow_simple_key = False
        mark = self.reader.get_mark()
        self.tokens.append(StreamEndToken(mark, mark))
        self.done = True

    def need_more_tokens(self) -> bool:
        if self.done:
            self.stale_possible_simple_keys()  # libyaml checks them once more at the end
            return False
        return bool(super().need_more_tokens())

    def scan_to_next_token(self) -> Any:
        # libyaml: a tab is skipped like a space in flow context and after a token that allows
        # no key to follow on its line (after 'nyckel:' or '- '); elsewhere it stays and is
        # refused ("found character that cannot start any token").
        srp = self.reader.peek
        srf = self.reader.forward
        if self.reader.index == 0 and srp() == "\ufeff":
            srf()
        while True:
            while srp() == " " or (
                srp() == "\t" and (self.flow_level or not self.allow_simple_key)
            ):
                srf()
            if srp() == "#":
                while srp() not in "\0" + _BREAKS:
                    srf()
            if self.scan_line_break():
                if not self.flow_level:
                    self.allow_simple_key = True
            else:
                return None

    def scan_directive(self) -> Any:
        # libyaml: a directive's name is letters, digits, '-' and '_', and only YAML and TAG
        # are known; anything else is an error (ruamel.yaml ignores an unknown directive).
        srp = self.reader.peek
        start_mark = self.reader.get_mark()
        length = _name_length(srp, 1)
        problem = None
        if length == 0:
            problem = "could not find expected directive name"
        elif srp(1 + length) not in _BLANKZ:
            problem = "found unexpected non-alphabetical character"
        elif self.reader.prefix(1 + length)[1:] not in ("YAML", "TAG"):
            problem = "found unknown directive name"
        if problem is not None:
            self.reader.forward(1 + length)
            raise ScannerError(
                "while scanning a directive", start_mark, problem, self.reader.get_mark()
            )
        return super().scan_directive()

    def fetch_tag(self) -> None:
        super().fetch_tag()
        self._tag = (self.tokens_taken + len(self.tokens), self.tokens[-1].start_mark)

    def fetch_anchor(self) -> None:
        before = self.tokens_taken + len(self.tokens)
        super().fetch_anchor()
        tag = getattr(self, "_tag", None)
        if tag is not None and tag[0] == before:
            # '!tag &anchor value': libyaml's node starts at the tag (ruamel.yaml's at the
            # anchor), and that is where the findings about both point.
            self.tokens[-1].start_mark = tag[1]

    def scan_anchor(self, TokenClass: Any) -> Any:
        # libyaml: a name of letters, digits, '-' and '_', followed by a blank or one of
        # '?:,]}%@`' (ruamel.yaml takes almost any character into the name).
        srp = self.reader.peek
        start_mark = self.reader.get_mark()
        name = "alias" if srp() == "*" else "anchor"
        length = _name_length(srp, 1)
        value = self.reader.prefix(1 + length)[1:]
        self.reader.forward(1 + length)
        if length == 0 or srp() not in _BLANKZ + "?:,]}%@`":
            raise ScannerError(
                f"while scanning an {name}",
                start_mark,
                "did not find expected alphabetic or numeric character",
                self.reader.get_mark(),
            )
        return TokenClass(value, start_mark, self.reader.get_mark())

    def scan_yaml_directive_value(self, start_mark: Any) -> Any:
        srp = self.reader.peek
        srf = self.reader.forward
        while srp() == " ":
            srf()
        major = self.scan_yaml_directive_number(start_mark)
        if srp() != ".":
            raise ScannerError(
                "while scanning a %YAML directive",
                start_mark,
                "did not find expected digit or '.' character",
                self.reader.get_mark(),
            )
        srf()
        minor = self.scan_yaml_directive_number(start_mark)
        if (major, minor) not in ((1, 1), (1, 2)):
            raise ParserError(None, None, "found incompatible YAML document", start_mark)
        return (major, minor)

    def scan_flow_scalar_non_spaces(self, double: Any, start_mark: Any) -> Any:
        # ruamel.yaml's, but an escape that is no character (a surrogate, or past U+10FFFF)
        # is refused, as libyaml does (the parent keeps a surrogate and fails on the other).
        chunks: list[Any] = []
        srp = self.reader.peek
        srf = self.reader.forward
        while True:
            length = 0
            while srp(length) not in " \n'\"\\\0\t\r\x85\u2028\u2029":
                length += 1
            if length != 0:
                chunks.append(self.reader.prefix(length))
                srf(length)
            ch = srp()
            if not double and ch == "'" and srp(1) == "'":
                chunks.append("'")
                srf(2)
            elif (double and ch == "'") or (not double and ch in '"\\'):
                chunks.append(ch)
                srf()
            elif double and ch == "\\":
                at = self.reader.get_mark()  # libyaml points at the '\\' of an unknown one
                srf()
                ch = srp()
                if ch in self.ESCAPE_REPLACEMENTS:
                    chunks.append(self.ESCAPE_REPLACEMENTS[ch])
                    srf()
                elif ch in self.ESCAPE_CODES:
                    length = self.ESCAPE_CODES[ch]
                    srf()
                    digits = self.reader.prefix(length)
                    if len(digits) < length or any(
                        c not in "0123456789ABCDEFabcdef" for c in digits
                    ):
                        raise ScannerError(
                            "while parsing a quoted scalar",
                            start_mark,
                            "did not find expected hexdecimal number",
                            self.reader.get_mark(),
                        )
                    code = int(digits, 16)
                    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
                        raise ScannerError(
                            "while parsing a quoted scalar",
                            start_mark,
                            "found invalid Unicode character escape code",
                            self.reader.get_mark(),
                        )
                    chunks.append(chr(code))
                    srf(length)
                elif ch in _BREAKS:
                    self.scan_line_break()
                    chunks.extend(self.scan_flow_scalar_breaks(double, start_mark))
                else:
                    raise ScannerError(
                        "while parsing a quoted scalar",
                        start_mark,
                        "found unknown escape character",
                        at,
                    )
            else:
                return chunks

    def scan_block_scalar(self, style: Any, rt: Any = False) -> Any:
        self._block_start = self.reader.get_mark()  # where libyaml's errors in it point
        return super().scan_block_scalar(style, rt)

    def scan_block_scalar_indentation(self) -> Any:
        # libyaml: the spaces and empty lines before the first line of the text; a tab among
        # them is an error. (ruamel.yaml reads the tab as text, and refuses an empty line with
        # more spaces than the next, which libyaml does not.)
        srp = self.reader.peek
        chunks: list[str] = []
        max_indent = 0
        end_mark = self.reader.get_mark()
        while True:
            while srp() == " ":
                self.reader.forward()
            max_indent = max(max_indent, self.reader.column)
            self._no_tab_in_indentation()
            if srp() not in _BREAKS:
                return chunks, max_indent, end_mark
            chunks.append(self.scan_line_break())
            end_mark = self.reader.get_mark()

    def scan_block_scalar_breaks(self, indent: int) -> Any:
        srp = self.reader.peek
        chunks: list[str] = []
        end_mark = self.reader.get_mark()
        while True:
            while self.reader.column < indent and srp() == " ":
                self.reader.forward()
            if self.reader.column < indent:
                self._no_tab_in_indentation()
            if srp() not in _BREAKS:
                return chunks, end_mark
            chunks.append(self.scan_line_break())
            end_mark = self.reader.get_mark()

    def _no_tab_in_indentation(self) -> None:
        if self.reader.peek() == "\t":
            raise ScannerError(
                "while scanning a block scalar",
                self._block_start,
                "found a tab character where an indentation space is expected",
                self.reader.get_mark(),
            )

    def scan_plain(self) -> Any:
        """libyaml's plain scalar: in flow context a ':' not followed by a blank is an error
        ("found unexpected ':'"), '?' ends the scalar; tabs count as blanks, but not in the
        indentation of a continuation line."""
        srp = self.reader.peek
        srf = self.reader.forward
        chunks: list[str] = []
        start_mark = self.reader.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[str] = []
        flow = bool(self.flow_level)
        while True:
            if srp() == "#":
                break
            length = 0
            while True:
                ch = srp(length)
                if flow and ch == ":" and srp(length + 1) not in _BLANKZ:
                    srf(length)
                    raise ScannerError(
                        "while scanning a plain scalar",
                        start_mark,
                        "found unexpected ':'",
                        self.reader.get_mark(),
                    )
                if (
                    ch in _BLANKZ
                    or (ch == ":" and srp(length + 1) in _BLANKZ)
                    or (flow and ch in ",:?[]{}")
                ):
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces)
            chunks.append(self.reader.prefix(length))
            srf(length)
            end_mark = self.reader.get_mark()
            spaces = self._plain_spaces(indent, start_mark)
            if not spaces or srp() == "#" or (not flow and self.reader.column < indent):
                break
        return ScalarToken("".join(chunks), True, start_mark, end_mark)

    def _plain_spaces(self, indent: int, start_mark: Any) -> list[str]:
        srp = self.reader.peek
        srf = self.reader.forward
        length = 0
        while srp(length) in " \t":
            length += 1
        whitespaces = self.reader.prefix(length)
        srf(length)
        if srp() not in _BREAKS:
            return [whitespaces] if whitespaces else []
        line_break = self.scan_line_break()
        self.allow_simple_key = True
        breaks: list[str] = []
        while True:
            if self._document_marker():
                return []
            ch = srp()
            if ch == " ":
                srf()
            elif ch == "\t":
                if self.reader.column < indent:
                    raise ScannerError(
                        "while scanning a plain scalar",
                        start_mark,
                        "found a tab character that violates indentation",
                        self.reader.get_mark(),
                    )
                srf()
            elif ch in _BREAKS:
                breaks.append(self.scan_line_break())
            else:
                break
        chunks: list[str] = []
        if line_break != "\n":
            chunks.append(line_break)
        elif not breaks:
            chunks.append(" ")
        chunks.extend(breaks)
        return chunks

    def _document_marker(self) -> bool:
        prefix = self.reader.prefix(3)
        return (
            self.reader.column == 0 and prefix in ("---", "...") and self.reader.peek(3) in _BLANKZ
        )


class _LibyamlParser(Parser):
    def process_directives(self) -> Any:
        try:
            return super().process_directives()
        except ParserError as exc:
            if not str(exc.problem).startswith("duplicate tag handle"):
                raise
            raise ParserError(
                None, None, "found duplicate %TAG directive", exc.problem_mark
            ) from None

    def parse_document_start(self) -> Any:
        while self.scanner.check_token(DocumentEndToken):
            self.scanner.get_token()
        first = self.scanner.peek_token().start_mark
        event = super().parse_document_start()
        if type(event) is DocumentStartEvent:
            event.start_mark = first  # libyaml: a document starts at its first directive
        return event

    def parse_flow_sequence_entry_mapping_key(self) -> Any:
        self.scanner.get_token()  # the '?'
        if not self.scanner.check_token(ValueToken, FlowEntryToken, FlowSequenceEndToken):
            self.states.append(self.parse_flow_sequence_entry_mapping_value)
            return self.parse_flow_node()
        # libyaml skips the token after a '?' with no key in a '[ ]' list (']' , ',' or ':'),
        # so '[? ]' is an error: the same here.
        token = self.scanner.get_token()
        self.state = self.parse_flow_sequence_entry_mapping_value
        return self.process_empty_scalar(token.end_mark)


def events(text: str) -> Any:
    """The events of ``text`` from the pure-Python parser with libyaml's rules."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Scanner = _LibyamlScanner
    yaml.Parser = _LibyamlParser
    # libyaml refuses a text under a '|' or '>' at the top that is not indented
    yaml.top_level_block_style_scalar_no_indent_error_1_1 = True
    return yaml.parse(text)


__all__ = ["events"]
