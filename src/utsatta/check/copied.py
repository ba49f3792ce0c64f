"""A post copied for another insats whose id was not changed (new-user review skriv24, decision
0662): the report then has the copied id twice (dubblett-insats) or a near id that the plan
lacks ('2:33', okand-insats), and misses the insats it was meant for (insats-saknas). Told
apart, the three messages say "add a post" and "merge the posts", and following both loses
the text written for the missing insats; told together, each names the likely cause and the
one change that fixes all three: the post's id."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from utsatta.findings import Finding, Path_
from utsatta.load.spelling import suggest

#: the codes of a post's own finding that :func:`retell` words anew
_RETOLD = ("dubblett-insats", "okand-insats")


@dataclass(frozen=True)
class Copy:
    """Post ``index`` of a report, on line ``line``, with id ``written`` (twice in the
    report, or not in the plan: ``twice``), is likely ``meant``, which the report lacks."""

    index: int
    line: int
    written: str
    meant: str
    twice: bool

    @property
    def what(self) -> str:
        if self.twice:
            return f"den andra posten för {self.written} (rad {self.line})"
        return f"posten på rad {self.line} ('{self.written}', som inte finns i planen)"

    def change(self, where: str = "") -> str:
        return f'Ändra då insats{where} till "{self.meant}"'


def copies(
    ids: Sequence[str], missing: Sequence[str], plan: Collection[str], line: Callable[[int], int]
) -> list[Copy]:
    """The posts of a report (their ids ``ids``, in order) that are likely one of ``missing``:
    an id not in ``plan`` that is near a missing one ('2:33' for 2:3), and the second post of
    an id written twice when one missing id is left to be it (two or more left: which one is
    not to be told). ``line``: a post's line, by its index."""
    left = list(missing)
    found: list[Copy] = []
    seen: set[str] = set()
    twice: list[int] = []
    for index, written in enumerate(ids):
        if written in seen:
            twice.append(index)
        elif plan and written not in plan:
            near = suggest(written, left)
            if near is not None:
                found.append(Copy(index, line(index), written, near, twice=False))
                left.remove(near)
        seen.add(written)
    if len(twice) == 1 and len(left) == 1:
        found.append(Copy(twice[0], line(twice[0]), ids[twice[0]], left[0], twice=True))
    return sorted(found, key=lambda c: c.index)


def missing_advice(found: Sequence[Copy], missing: Sequence[str]) -> str:
    """What insats-saknas says to do when some posts are likely the missing ids: change their
    id, else add the post; a post for each of the others."""
    told = []
    for c in found:
        told.append(
            f"Är {c.what} egentligen {c.meant}? {c.change(' där')}; annars lägg till en post för "
            f"{c.meant} under 'insatser'."
        )
    rest = [m for m in missing if m not in {c.meant for c in found}]
    if rest:
        one = len(rest) == 1
        told.append(
            f"Lägg till en post för {rest[0]} under 'insatser'."
            if one
            else "Lägg till en post för var och en av de andra under 'insatser'."
        )
    return " ".join(told)


def post_message(c: Copy, first: int) -> str:
    """The message of the post's own finding (dubblett-insats or okand-insats), with the
    likely cause. ``first``: where the id's first post is (dubblett-insats)."""
    if c.twice:
        return (
            f"Insats {c.written} rapporteras två gånger i filen: första gången på rad {first}. "
            f"Är {c.what} egentligen {c.meant}, som saknas? {c.change()}. Är den inte det, slå "
            "ihop posterna."
        )
    return (
        f"Insatsen '{c.written}' finns inte i plan.yaml. Är posten egentligen {c.meant}, som "
        f"saknas i rapporten? {c.change()}. Är den inte det, rätta id:t till en av planens "
        "insatser."
    )


def retell(found: list[Finding], told: dict[tuple[str, Path_], str]) -> list[Finding]:
    """``found`` with the messages of the posts' own findings (file, path → message) that
    :func:`post_message` has worded anew."""
    if not told:
        return found
    return [
        replace(f, message=told[(f.file, f.path)])
        if f.code in _RETOLD and (f.file, f.path) in told
        else f
        for f in found
    ]
