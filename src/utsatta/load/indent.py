"""An indentation that does not match its neighbours', told with the numbers: how many spaces
the line has, how many the keys (or list posts) at its level have, on which line, and what to
change. The parser only says that it expected something else there."""

from __future__ import annotations

import re
from collections.abc import Collection

from utsatta.escape import shorten
from utsatta.findings import Finding, Severity
from utsatta.numbers import heltal
from utsatta.wording import LISTADE_RADER, begransad

#: A line with a key: its indentation, its list dashes ("- "), its key.
_KEY_LINE = re.compile(r"^( *)((?:- +)*)([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]|$)")
#: The most a line is taken to be off by: further, it is something else (a pasted text …).
_NEAR = 3


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1].rstrip("\r") if 0 < number <= len(lines) else ""


def _spaces(count: int) -> str:
    return "inte indragen alls" if count == 0 else f"indragen {heltal(count)} mellanslag"


def indent_problem(lines: list[str], line: int, keys: Collection[str]) -> Finding | None:
    """Line ``line`` is a key of the files (``keys``) or a list post whose indentation is a
    little off from the level it belongs to, the level of the key lines (or posts) above that
    is nearest to it; or None. The search stops at a line well to the left (its parent's)."""
    m = _KEY_LINE.match(_line(lines, line))
    if m is None:
        return _value_post(lines, line)
    if m.group(3) not in keys:
        return None
    indent, post = len(m.group(1)), bool(m.group(2))
    best: tuple[int, int, int, str] | None = None  # distance, level, line, key
    for number in range(line - 1, 0, -1):
        k = _KEY_LINE.match(_line(lines, number))
        if k is None or k.group(3) not in keys:
            continue
        # A post's '-' is measured against the other posts' '-', a key against keys.
        level = len(k.group(1)) + (0 if post else len(k.group(2)))
        if level + _NEAR < indent:
            break
        if post and not k.group(2):
            continue
        if level == indent:
            return None  # there is a line at this level: the mistake is something else
        distance = abs(level - indent)
        if distance <= _NEAR and (best is None or distance < best[0]):
            best = (distance, level, number, k.group(3))
    if best is None:
        return None
    _, level, number, key = best
    if post:
        message = (
            f"Listposten är {_spaces(indent)} före '- ', men listans andra poster (t.ex. "
            f"'- {key}' på rad {number}) har {heltal(level)}. Ändra till {heltal(level)} "
            "mellanslag före '- '."
        )
        sibling = _key_at(lines, number, line, indent, m.group(3))
        if sibling is not None and m.group(3) != key:
            # '- status' under '- insats: …' with its '-' where the post's keys stand, and no
            # 'status' in that post yet: maybe a key of the post with a '- ' too many.
            message += " " + dash_too_many(m.group(3), sibling[1], sibling[0])
        else:
            message += _post_moves(lines, line, indent, level, keys)
    elif level == 0:
        message = (
            f"Raden är {_spaces(indent)}, men nycklarna på översta nivån (t.ex. '{key}' på "
            f"rad {number}) står längst till vänster. Ta bort mellanslagen före '{m.group(3)}'."
        )
    else:
        first = _post_out(lines, number, line, indent, level, keys)
        if isinstance(first, Finding):
            return first
        message = (
            f"Raden är {_spaces(indent)}, men nycklarna på samma nivå (t.ex. '{key}' på rad "
            f"{number}) har {heltal(level)}. Ändra till {heltal(level)} mellanslag före "
            f"'{m.group(3)}'."
        )
        moves = _keys_move(lines, line, indent, level, keys)
        message += moves
        if first:  # no other post to tell which is off: the one edit that may fix all
            dash = len(_line(lines, number)) - len(_line(lines, number).lstrip(" "))
            where = f"'- ' på rad {number} till {heltal(dash + indent - level)} mellanslag"
            message += (
                f" Det går också att i stället dra in {where}: då står postens alla nycklar rätt."
                if moves
                else f" Står alla nycklarna i posten så, dra i stället in {where}."
            )
    column = indent + 1 if post else indent + len(m.group(2)) + 1  # at the '-' or the key
    return Finding("", line, column, "yaml-syntax", Severity.FEL, f"YAML-syntaxfel: {message}")


#: A list post that is a value, not keys: '      - bergsjon'.
_VALUE_POST = re.compile(r"^( *)- +([^\s#][^:#]*)$")


def _value_post(lines: list[str], line: int) -> Finding | None:
    """A post of a list of values ('- bergsjon') whose '-' is a little off from the post
    above it in the same list; or None."""
    m = _VALUE_POST.match(_line(lines, line))
    if m is None:
        return None
    indent = len(m.group(1))
    for number in range(line - 1, 0, -1):
        written = _line(lines, number)
        if not written.strip() or written.lstrip().startswith("#"):
            continue
        above = _VALUE_POST.match(written)
        if above is None:
            return None  # the post above is keys, or there is none: not this rule's
        level = len(above.group(1))
        if level == indent or abs(level - indent) > _NEAR:
            return None
        message = (
            f"Listposten är {_spaces(indent)} före '- ', men posten ovanför i samma lista "
            f"('- {shorten(above.group(2).strip(), 40)}' på rad {number}) har "
            f"{heltal(level)}. Ändra till {heltal(level)} mellanslag före '- '."
        )
        return Finding(
            "", line, indent + 1, "yaml-syntax", Severity.FEL, f"YAML-syntaxfel: {message}"
        )
    return None


def _post_moves(lines: list[str], line: int, indent: int, level: int, keys: Collection[str]) -> str:
    """The rest of a post whose '- ' (line ``line``, ``indent`` spaces) is off, when its keys
    below stand as under that '- ' (two spaces further in): they move with it, or the next
    run says that they are off. "" when they already stand where the list's keys do."""
    last = 0
    keyed = False
    for below in range(line + 1, len(lines) + 1):
        written = _line(lines, below)
        if not written.strip() or written.lstrip().startswith("#"):
            continue
        lead = len(written) - len(written.lstrip(" "))
        if lead < indent + 2:
            break  # the post's keys, and what is under them, stand further in
        k = _KEY_LINE.match(written)
        if not last and (k is None or k.group(3) not in keys or lead != indent + 2):
            return ""  # the first line under it is no key of the post where the '- ' is
        keyed = True
        last = below
    if not keyed:
        return ""
    by = level - indent
    rows = f"rad {heltal(line + 1)}" if last == line + 1 else f"raderna {line + 1}–{last}"
    more = "till" if by > 0 else "mindre"
    each = "raden" if last == line + 1 else "varje rad"
    return (
        f" Flytta också {rows} under den lika mycket ({heltal(abs(by))} mellanslag {more} i "
        f"början av {each}), så att postens nycklar står som i de andra posterna."
    )


def _post_out(
    lines: list[str], number: int, line: int, indent: int, level: int, keys: Collection[str]
) -> Finding | bool:
    """The post that begins on line ``number`` ('- insats: …') stands further out than the
    list's other posts, and its keys below (line ``line``, ``indent`` spaces) stand where the
    other posts' keys do: the one line to move is the '- ' line, not each key under it (the
    first post written at column 1 under 'insatser:'). None unless a later post of the list
    shows where the '- ' belongs: then True when no other post of the list was found (the
    '- ' line may be the one to move), False when another stands as this one does."""
    start = _KEY_LINE.match(_line(lines, number))
    if start is None or not start.group(2) or indent <= level:
        return False
    dash = len(start.group(1))
    target = dash + indent - level
    earlier = _first_post(lines, number, dash)
    if earlier is not None:  # the list's first post is another: it tells where '- ' stands
        lead, where = earlier
        if lead == target:
            return _dash_off(lines, number, start.group(3), dash, target, where, line)
        return False  # another post stands as this one does (or elsewhere): the keys are off
    for later in range(line + 1, len(lines) + 1):
        written = _line(lines, later)
        if not written.strip() or written.lstrip().startswith("#"):
            continue
        k = _KEY_LINE.match(written)
        lead = len(written) - len(written.lstrip(" "))
        if k is not None and k.group(2) and k.group(3) in keys and lead in (dash, target):
            if lead == dash:
                return False  # another post stands as this one does: the keys are off
            return _dash_off(lines, number, start.group(3), dash, target, later, line)
        if lead <= dash and not (k is not None and k.group(2)):
            return True  # past the list
    return True


def _dash_off(
    lines: list[str], number: int, key: str, dash: int, target: int, other: int, line: int
) -> Finding:
    """The '- ' of the post on line ``number`` is what is off: the other posts (line
    ``other``) have theirs at ``target``, and the keys under it (line ``line``) stand as theirs."""
    message = (
        f"Posten som börjar på rad {number} ('- {key}') är {_spaces(dash)} före '- ', men "
        f"listans andra poster (t.ex. rad {other}) har {heltal(target)}, och nycklarna under den "
        f"(som '{_key_of(lines, line)}' på rad {line}) står redan som i de andra posterna. "
        f"Skriv {heltal(target)} mellanslag före '- ' på rad {number}."
    )
    return Finding("", number, dash + 1, "yaml-syntax", Severity.FEL, f"YAML-syntaxfel: {message}")


def _first_post(lines: list[str], number: int, dash: int) -> tuple[int, int] | None:
    """The first post of the list whose post begins on line ``number`` ('-' at column
    ``dash``): its '-' column and line, when it is not that post; None when it is. YAML takes
    the list's column from its first post, so that post, not a later one, tells where a '- '
    belongs (a list within a post above, under 'behov:', can stand anywhere)."""
    top: tuple[int, int, bool] | None = None  # the topmost line of the list above: lead, line
    for above in range(number - 1, 0, -1):
        written = _line(lines, above)
        if not written.strip() or written.lstrip().startswith("#"):
            continue
        lead = len(written) - len(written.lstrip(" "))
        is_post = written.lstrip(" ").startswith("- ")
        if lead < dash or (lead == dash and not is_post):
            break  # the line that holds the list ('insatser:')
        top = (lead, above, is_post)
    if top is None or not top[2]:
        return None
    return top[0], top[1]


def _keys_move(lines: list[str], line: int, indent: int, level: int, keys: Collection[str]) -> str:
    """When the key on line ``line`` (``indent`` spaces, ``level`` where it belongs) is the
    first of several keys of its post written that far in (a pasted block), the lines below it
    that move with it: following only 'change line N' would give the next key the same error
    on the next run. "" when it is the only key so indented."""
    last = 0
    others = False
    for below in range(line + 1, len(lines) + 1):
        written = _line(lines, below)
        if not written.strip() or written.lstrip().startswith("#"):
            continue
        lead = len(written) - len(written.lstrip(" "))
        if lead < indent:
            break
        k = _KEY_LINE.match(written)
        if lead == indent and k is not None and not k.group(2) and k.group(3) in keys:
            others = True
        last = below
    if not others:
        return ""
    by = indent - level
    more = "mindre" if by > 0 else "till"
    rows = f"rad {heltal(last)}" if last == line + 1 else f"raderna {line + 1}–{last}"
    each = "raden" if last == line + 1 else "varje rad"
    return (
        f" Flytta också {rows} under den lika mycket ({heltal(abs(by))} mellanslag {more} i "
        f"början av {each}): postens andra nycklar står lika långt in."
    )


def _key_of(lines: list[str], number: int) -> str:
    k = _KEY_LINE.match(_line(lines, number))
    return k.group(3) if k is not None else ""


def dash_too_many(
    key: str,
    sibling: str,
    line: int,
    spaces: int | None = None,
    *,
    shift: tuple[int, int, int] | None = None,
) -> str:
    """The fix for a '- ' too many before ``key``, a key of the post above whose key
    ``sibling`` stands on line ``line``: remove the '- ' (and, with ``spaces``, indent the
    line that much, when the '-' does not stand where the post's keys do). With ``shift``
    (by, first, last), lines first–last under it belong to it and move by as much, ``by``
    spaces (right when positive). One wording for the YAML error (here) and the schema's post
    of keys the post above lacks (stray_post)."""
    indent = "" if spaces is None else f" och dra in raden till {heltal(spaces)} mellanslag"
    if spaces is not None and shift is not None and shift[0] != 0:
        by, first, last = shift
        one = first == last
        lines = f"rad {heltal(first)}" if one else f"raderna {heltal(first)}–{heltal(last)}"
        more = "till" if by > 0 else "mindre"
        each = "raden" if one else "varje rad"
        indent += (
            f", och {lines} under den lika mycket ({heltal(abs(by))} mellanslag {more} i "
            f"början av {each})"
        )
    return (
        f"Hör '{key}' i stället till posten ovanför: ta bort '- '{indent}, så att '{key}' "
        f"står rakt under '{sibling}' (rad {line})."
    )


def _key_at(
    lines: list[str], first: int, line: int, column: int, name: str
) -> tuple[int, str] | None:
    """The nearest key of lines ``first``..``line - 1`` that stands at ``column`` (0-based):
    (its line, the key); None when there is none, or when one of them is ``name``."""
    found: tuple[int, str] | None = None
    for number in range(line - 1, first - 1, -1):
        k = _KEY_LINE.match(_line(lines, number))
        if k is not None and len(k.group(1)) + len(k.group(2)) == column:
            if k.group(3) == name:
                return None
            found = found or (number, k.group(3))
    return found


def pasted_message(text: str, key: str, key_line: int, first: int, last: int, need: int) -> str:
    """The message for lines ``first``–``last`` of a block text under '``key``: |' (line
    ``key_line``) that YAML does not read as the text (``load.pasted``), when the lines are
    indented, only less than the text, or with a tab: those lines, their count, the text's own
    count and the line it is seen on. "" when the lines are not indented at all (the pasted
    text's own message says it)."""
    lines = text.split("\n")
    lead = [_lead(_line(lines, n)) for n in range(first, last + 1)]
    filled = [ws for n, ws in zip(range(first, last + 1), lead, strict=True) if _line(lines, n)]
    if not any("\t" in ws for ws in lead) and not all(filled):
        return ""  # a line not indented at all: the pasted text's own message
    own, seen = need, 0
    for n in range(first - 1, key_line, -1):  # the text's lines above, as they are indented
        written = _line(lines, n)
        if written.strip() and "\t" not in _lead(written) and len(_lead(written)) >= need:
            own, seen = len(_lead(written)), n
            break
    wrong = [
        n
        for n, ws in zip(range(first, last + 1), lead, strict=True)
        if _line(lines, n).strip() and ("\t" in ws or len(ws) < own)
    ] or [first]
    if wrong == list(range(wrong[0], wrong[-1] + 1)):
        rows = f"rad {wrong[0]}" if len(wrong) == 1 else f"rad {wrong[0]}–{wrong[-1]}"
    else:
        rows = "rad " + begransad([str(n) for n in wrong], LISTADE_RADER, och_last=False)
    them = "raden" if len(wrong) == 1 else "raderna"
    ref = f" (som rad {seen})" if seen else ""
    if any("\t" in _lead(_line(lines, n)) for n in wrong):
        return (
            f"{rows.capitalize()} börjar med ett tabbtecken, och YAML räknar inte tabbar som "
            f"indrag: {them} läses inte som en del av texten under '{key}: |' (rad "
            f"{key_line}). Skriv indraget med {own} mellanslag i stället{ref}."
        )
    spaces = len(_lead(_line(lines, wrong[0])))
    if seen:
        return (
            f"{rows.capitalize()} är indragen {spaces} mellanslag, men texten under '{key}: |' "
            f"(rad {key_line}) har {own}{ref}, så YAML läser inte {them} som en del av texten. "
            f"Dra in {them} till {own} mellanslag."
        )
    return (
        f"{rows.capitalize()} är indragen {spaces} mellanslag, men texten under '{key}: |' (rad "
        f"{key_line}) ska vara indragen minst {need} (mer än nyckeln '{key}'), så YAML läser "
        f"inte {them} som texten. Dra in {them} till minst {need} mellanslag, lika mycket på "
        "varje rad."
    )


def _lead(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]
