"""The corrected line in the help for a '\\' inside "…" (bakstreck-i-citat, otillatet-tecken,
and the syntax error for an escape YAML does not know): pasted, it gives exactly the text YAML
would have given for every escape that is not the problem, and the problem escapes as written
(there the '\\' is part of the text, a path); when that text cannot be written within '…' on one
line, the help says where the quotes go instead."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from tests.support import shipped_report
from utsatta.load.invisible import CORRECTED_MAX
from utsatta.load.yamlread import parse

REPORT = shipped_report(2023, "arbetsmarknad-och-vuxenutbildning")

#: (as written within "…", the text meant): plain characters and escapes YAML reads as the
#: text that stands ...
SAME = [
    ("a", "a"),
    ("å", "å"),
    ("'", "'"),
    (": ", ": "),
    (" #", " #"),
    ("- ", "- "),
    ("G:", "G:"),
    ("\\\\", "\\"),
    ('\\"', '"'),
    ("\\/", "/"),
    ("\\u00e5", "å"),
    ("\\u00C5", "Å"),
    ("\\x41", "A"),
    ("\\U0001F600", "\U0001f600"),
]
#: ... a '\\' before a space, which YAML reads as a space: in a text whose '\\' is part of
#: the text it is too, as written (docs/decisions/0345) ...
KEPT = [("\\ ", "\\ ")]
#: ... and the problems, meant as written: one-letter escapes and a code for a refused character.
PROBLEM = [
    ("\\n", "\\n"),
    ("\\t", "\\t"),
    ("\\N", "\\N"),
    ("\\_", "\\_"),
    ("\\a", "\\a"),
    ("\\u0007", "\\u0007"),
]
#: The help for a text too long to write out corrected (``CORRECTED_MAX``).
WHERE_QUOTES = "ett ' direkt före texten och ett ' direkt efter den, i stället för \""
#: An escape YAML does not know: the parser stops there (a syntax error with the same advice).
UNKNOWN = [("\\q", "\\q"), ("\\A", "\\A"), ("\\x4g", "\\x4g")]


def help_line(inner: str) -> str:
    """The corrected line the help shows for motivering: "``inner``"."""
    lines = REPORT.split("\n")
    lines[36] = f'    motivering: "{inner}"'
    (problem,) = parse("\n".join(lines)).problems
    m = re.search(r"i stället: (.*)\. Annars ", problem.message)
    assert m is not None, problem.message
    return m.group(1)


def pasted(line: str) -> object:
    return YAML(typ="safe", pure=True).load(line + "\n")


@settings(max_examples=150, deadline=None)
@given(
    before=st.lists(st.sampled_from(SAME + KEPT), max_size=4),
    problem=st.sampled_from(PROBLEM + UNKNOWN),
    after=st.lists(st.sampled_from(SAME + PROBLEM + KEPT), max_size=4),
)
def test_the_corrected_line_gives_the_text_meant(
    before: list[tuple[str, str]], problem: tuple[str, str], after: list[tuple[str, str]]
) -> None:
    pieces = [*before, problem, *after]
    inner = "".join(w for w, _ in pieces)
    meant = "".join(m for _, m in pieces)
    if len(inner) > CORRECTED_MAX:  # too long to write out: where the quotes go
        assert help_line(inner) == WHERE_QUOTES
    else:
        assert pasted(help_line(inner)) == {"motivering": meant}


@pytest.mark.parametrize(
    ("inner", "line"),
    [
        # Was: 'Sk\u00e5ne, se G:\nya' (the code written out instead of å).
        ("Sk\\u00e5ne, se G:\\nya", "motivering: 'Skåne, se G:\\nya'"),
        ("Se \\x22G:\\AVN\\x22", "motivering: 'Se \"G:\\AVN\"'"),
        # A character that does not show as itself cannot be copied: where the quotes go.
        ("Se\\u00a0G:\\nya", WHERE_QUOTES),
        ("Se\\x09G:\\q", WHERE_QUOTES),
    ],
)
def test_examples(inner: str, line: str) -> None:
    assert help_line(inner) == line


@pytest.mark.parametrize(
    ("inner", "meant"),
    [
        ("a\\x\\ b", "a\\x\\ b"),  # was 'a\\x b': the '\\' before the space was lost
        ("G:\\nya\\ mappen", "G:\\nya\\ mappen"),
        ("G:\\Nämnder\\ AVN\\q", "G:\\Nämnder\\ AVN\\q"),
    ],
)
def test_the_corrected_line_round_trips_through_validate(inner: str, meant: str) -> None:
    """The corrected line, pasted in place of the line in the file, gives a file without a
    finding for it, whose text is the one written with every '\\' kept, the same as the other
    advice ("write '\\\\' for every '\\'") gives."""
    line = help_line(inner)
    assert line == "motivering: '" + meant + "'"
    lines = REPORT.split("\n")
    lines[36] = "    " + line
    fixed = parse("\n".join(lines))
    assert fixed.problems == []
    assert meant in [i.get("motivering") for i in fixed.data["insatser"]]
    doubled = inner.replace("\\", "\\\\")
    assert pasted(f'motivering: "{doubled}"') == {"motivering": meant}
