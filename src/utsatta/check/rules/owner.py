"""Whose report a file is when its place (folder and name) and its keys ('ar', 'organisation')
cannot all be right: the one advice that follows from what the file shows, or the choice the
user has to make (decision 0510).

Asked only for a file that has such a finding, never for the usual file: the questions go
through every post and, for the owner, every organisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from utsatta.check.rules.base import Known
from utsatta.compute.responsibility import due
from utsatta.escape import identifier
from utsatta.load.dataset import SourceFile
from utsatta.load.placement import already_there
from utsatta.wording import insatser as insatser_text
from utsatta.wording import och


def _posts(known: Known, rep: Any) -> list[tuple[str, bool]]:
    """The posts' known insatser, each with whether it has a 'samordning'."""
    return [
        (item.insats, item.samordning is not None)
        for item in rep.insatser
        if item.insats in known.insats_set
    ]


def fits(known: Known, org: str, rep: Any, ar: int) -> bool:
    """Whether ``org``, which exists at the end of ``ar``, could have written every post of
    ``rep`` for ``ar``: holds each insats then, and its samordningsansvar where a post has a
    'samordning' (else ej-ansvarig or ej-samordnande)."""
    rule = known.rule
    assert rule is not None
    return all(
        rule.holds(org, insats, ar) and (not coord or rule.holds(org, insats, ar, "samordning"))
        for insats, coord in _posts(known, rep)
    )


def _never_held(known: Known, org: str, rep: Any) -> list[str]:
    """The posts' insatser that ``org``, which does not report the year, held in no year (as
    rapport._holds asks for it: ej-ansvarig)."""
    return list(
        dict.fromkeys(
            insats
            for insats, _ in _posts(known, rep)
            if org not in known.duties.get(insats, frozenset())
        )
    )


def _owed(known: Known, org: str, rep: Any, ar: int) -> tuple[list[str], list[str]]:
    """The insatser ``org`` must report for ``ar`` that the file lacks, as the completeness
    check asks it once the file is ``org``'s (insats-saknas): those owed whatever was reported
    before (yearly, or once in ``ar``), and those owed in the plan's last year unless
    återrapporterade an earlier year (which the file alone cannot tell)."""
    rule, period = known.rule, known.planperiod
    assert rule is not None and period is not None
    have = {item.insats for item in rep.insatser}
    sure: list[str] = []
    unless: list[str] = []
    for insats in rule.insatser:
        if insats.id in have or not rule.holds(org, insats.id, ar):
            continue
        when = due(insats, ar, period[1])  # the completeness check's rule
        if when == "always":
            sure.append(insats.id)
        elif when == "unless-earlier":
            unless.append(insats.id)
    return sure, unless


def _add(known: Known, org: str, rep: Any, ar: int) -> str:
    """The rest of the advice that makes the file ``org``'s whole report for ``ar`` (granska16
    #1: renamed, it must not meet a new insats-saknas that the first run did not tell); empty
    when the file holds all that ``org`` owes."""
    sure, unless = _owed(known, org, rep, ar)
    name = known.names.get(org, org)
    said = []
    if sure:
        said.append(f"{insatser_text(sure)}, som {name} ska rapportera för {ar}")
    if unless:
        said.append(
            f"{insatser_text(unless)}, om {name} inte har återrapporterat "
            f"{'den' if len(unless) == 1 else 'dem'} ett tidigare år"
        )
    if not said:
        return ""
    posts = "en post" if len(sure) + len(unless) == 1 else "en post per insats"
    # ", och": each part has a comma of its own
    return f" Lägg också till {posts} under 'insatser' för {', och '.join(said)}."


def _name(known: Known, org: str) -> str:
    return f"{known.names.get(org, org)} ({identifier(org)})"


@dataclass(frozen=True)
class Owner:
    """What the file shows about whose report it is: ``fix``, the advice that ends the
    finding about 'organisation'; ``holder``, the organisation its posts are checked against
    (None: not until the user has chosen; each candidate holds them all)."""

    fix: str
    holder: str | None


def owner(known: Known, src: SourceFile[Any], org: str, ar: int) -> Owner | None:
    """For a report of ``org``, which does not report ``ar``, in a file not named after one
    that does (both are wrong): when some post is one ``org`` never held, so that the file is
    not its report, the organisations that report ``ar`` and hold every post then. One: that
    one, as an inference ("Om X skrev rapporten: …"); several: the choice, with each of them.
    None (the advice for ``org``'s own report stands, decisions 0460, 0499) when ``org`` held
    every post, or when no organisation holds them all."""
    rep, period = src.model, known.planperiod
    if known.rule is None or rep is None or period is None or not period[0] <= ar <= period[1]:
        return None
    never = _never_held(known, org, rep)
    if not never:
        return None
    found = [o for o in known.org_ids if known.rule.exists(o, ar) and fits(known, o, rep, ar)]
    if not found:
        return None
    head = (
        f"Filen heter inte efter någon organisation som rapporterar för {ar}, och "
        f"{known.names.get(org, org)} har aldrig haft ansvar för {insatser_text(never)} i filen. "
    )
    if len(found) == 1:
        (only,) = found
        label = f"{only}.yaml"
        there = already_there(src.path, src.path.with_name(label), label)
        return Owner(
            head + f"För {ar} har bara {_name(known, only)} ansvar för alla insatser i filen. Om "
            f"{known.names.get(only, only)} skrev rapporten: rätta 'organisation' till "
            f"'{only}' och byt namn på filen till "
            + (f"{label}, men {there}" if there else f"{label}." + _add(known, only, rep, ar)),
            only,
        )
    # what each candidate owes besides, so that the choice ends with no new finding (not for
    # one whose file is there: the posts go into it, which may hold the rest)
    owes = [
        (o, _owed(known, o, rep, ar))
        for o in found
        if already_there(src.path, src.path.with_name(f"{o}.yaml"), f"{o}.yaml") is None
    ]
    rest = [
        f"för {known.names.get(o, o)} {insatser_text([*sure, *unless])}"
        + (" (om de inte har återrapporterats ett tidigare år)" if unless else "")
        for o, (sure, unless) in owes
        if sure or unless
    ]
    return Owner(
        head + f"För {ar} har {och([_name(known, o) for o in found])} ansvar för alla insatser i "
        "filen, och vem av dem som skrev rapporten går inte att se i den. Rätta 'organisation' "
        f"till den organisationens id och byt namn på filen efter det (rapporter/{ar}/ID.yaml; "
        "finns den filen redan, för över det som ska vara kvar dit och ta bort den här)."
        + (
            f" Lägg också till det som den organisationen ska rapportera för {ar} och som "
            f"saknas i filen: {och(rest, '; ')}."
            if rest
            else ""
        ),
        None,
    )


def misplaced(known: Known, src: SourceFile[Any]) -> bool:
    """Whether ``src`` is a report in a file named after an organisation that reports its
    folder's year, with another year in 'ar' (within the plan) and in 'organisation' one that
    does not report the folder's year: the place and the keys are two readings, and one
    finding (fel-ar-i-mapp, :func:`placed`) says which fits or that the user chooses."""
    rep, rule = src.model, known.rule
    period = known.planperiod
    return (
        rule is not None
        and rep is not None
        and period is not None
        and rep.ar != src.folder_year
        and period[0] <= rep.ar <= period[1]
        and rep.organisation != src.stem
        and rule.organisation(rep.organisation) is not None
        and not rule.exists(rep.organisation, src.folder_year)
        and rule.exists(src.stem, src.folder_year)
    )


@dataclass(frozen=True)
class Placed:
    """The one finding of a :func:`misplaced` report: its ``message``, and the organisation and
    year its posts are checked against (the reading it advises first)."""

    message: str
    holder: str
    year: int


def placed(known: Known, src: SourceFile[Any]) -> Placed:
    """The readings of a :func:`misplaced` report: the file's (its name and folder: correct
    'ar' and 'organisation') and the keys' (move the file), the latter only when
    'organisation' reports 'ar'. When both can be and the posts fit one only, that one."""
    rep, rule = src.model, known.rule
    assert rep is not None and rule is not None
    org, ar, stem, year = rep.organisation, rep.ar, src.stem, src.folder_year
    head = (
        f"Rapporten gäller år {ar} och är från '{org}', men den ligger i rapporter/{year}/"
        f"{identifier(src.path.name)}, och {known.names.get(org, org)} rapporterar inte för "
        f"{year}"
    )
    correct = f"rätta 'ar' till {year} och 'organisation' till '{stem}'."
    label = f"rapporter/{ar}/{org}.yaml"
    target = src.path.parents[1] / str(ar) / f"{org}.yaml"
    there = already_there(src.path, target, label)
    move = f"flytta filen till {label}" + (f", men {there}" if there else ".")
    if not rule.exists(org, ar):
        return Placed(
            head + f" och inte för {ar}. Filen heter efter {_name(known, stem)}, som "
            f"rapporterar för {year}: {correct}",
            stem,
            year,
        )
    head += ". "
    ours, theirs = fits(known, stem, rep, year), fits(known, org, rep, ar)
    if ours and not theirs:
        return Placed(
            head + f"{_name(known, stem)}, som filen heter efter, har ansvar för alla insatser i "
            f"filen för {year}, men {known.names.get(org, org)} inte för {ar}: {correct}",
            stem,
            year,
        )
    if theirs and not ours:
        return Placed(
            head + f"{_name(known, org)} har ansvar för alla insatser i filen för {ar}, men "
            f"{known.names.get(stem, stem)}, som filen heter efter, inte för {year}: {move}",
            org,
            ar,
        )
    return Placed(
        head + f"Om {_name(known, stem)} skrev rapporten för {year}, som filens namn och mapp "
        "säger: " + correct + f" Om {known.names.get(org, org)} skrev den för {ar}, som 'ar' "
        "och 'organisation' säger: " + move,
        stem,
        year,
    )
