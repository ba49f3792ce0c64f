"""Whose report a file is when its place (folder and name) and its keys ('ar', 'organisation')
cannot all be right: the one advice that follows from what the file shows, or the choice the
user has to make (decisions 0510, 0530). :func:`reading` decides it once per file for both
rules that need it (rapport and validity).

The questions through every post and, for the owner, every organisation are asked only for a
file that has such a finding: the usual file (in its year's folder, named after its
organisation) leaves :func:`reading` at the first comparison.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from utsatta.check.rules.base import Known
from utsatta.compute.completeness import due
from utsatta.escape import identifier
from utsatta.load.dataset import SourceFile
from utsatta.load.placement import already_there, same_bytes
from utsatta.model.organisationer import Organisation
from utsatta.wording import LISTADE_NAMN, begransad
from utsatta.wording import insatser as insatser_text


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


def also_owed(known: Known, org: str, rep: Any, ar: int) -> str:
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


def ceased_before(org: Organisation, ar: int) -> bool:
    """Whether ``org`` ceased in a year before ``ar``: a report of it for ``ar`` is an
    organisation-upphord."""
    return org.giltig_till is not None and ar > int(org.giltig_till[:4])


def not_yet_formed(org: Organisation, ar: int) -> bool:
    """Whether ``org`` was formed in a year after ``ar``: a report of it for ``ar`` is an
    organisation-ej-bildad."""
    return org.giltig_fran is not None and ar < int(org.giltig_fran[:4])


# NamedTuple, not a dataclass: owner is read by every validate, and a dataclass costs its
# creation at import (decision 0380)
class Owner(NamedTuple):
    """A report of an organisation that does not report the file's year, in a file not named
    after one that does: ``fix``, the advice that ends the finding about 'organisation' when
    the posts show whose report it is (None: the advice for the organisation's own report
    stands, decisions 0460, 0499); ``holder``, the organisation its posts are checked against
    (None: not until the user has chosen; each candidate holds them all)."""

    fix: str | None
    holder: str | None


class Placed(NamedTuple):
    """A report whose 'ar' and 'organisation' both disagree with its place: its one finding
    (fel-ar-i-mapp, ``message``), and the organisation and year its posts are checked against
    (the reading it advises first; None: not until the user has chosen)."""

    message: str
    holder: str | None
    year: int


def reading(known: Known, src: SourceFile[Any]) -> Owner | Placed | None:
    """Whose report ``src`` is, when its place and its keys cannot all be right (decision
    0510): worked out once per file, and read by both rules that need it, rapport.check (the
    finding at 'ar', the holder of the posts) and check_validity (which then leaves its own
    finding out, or gives ``Owner.fix``). None for every other file."""
    cache = known.readings
    if src.path not in cache:
        cache[src.path] = _reading(known, src)
    out: Owner | Placed | None = cache[src.path]
    return out


def _reading(known: Known, src: SourceFile[Any]) -> Owner | Placed | None:
    rep, rule = src.model, known.rule
    # the usual file is in its year's folder, named after its organisation: nothing more is
    # asked of it
    if rep is None or rule is None or (rep.organisation == src.stem and rep.ar == src.folder_year):
        return None
    org, ar, year = rep.organisation, rep.ar, src.folder_year
    o = rule.organisation(org)
    if o is None:
        return None
    within = known.planperiod is not None and known.planperiod[0] <= ar <= known.planperiod[1]
    if ar != year:
        # another year in 'ar', and in 'organisation' one that does not report the folder's:
        # the place and the keys are two readings, one finding says which fits
        if not within or rule.exists(org, year):
            return None
        if org == src.stem:
            # named after it, in the folder of a year it does not report: its own report of
            # 'ar', when it reports that year (else its own finding stands)
            return _folder(known, src) if rule.exists(org, ar) else None
        if rule.exists(src.stem, year):
            return _placed(known, src)
        return _unnamed(known, src)
    if org == src.stem:
        return None
    if (ceased_before(o, ar) or not_yet_formed(o, ar)) and not rule.exists(src.stem, ar):
        return _owner(known, src, org, ar) if within else Owner(None, org)
    return None


def _candidates(known: Known, rep: Any, ar: int) -> list[str]:
    """The organisations that report ``ar`` and could have written every post of ``rep``."""
    rule = known.rule
    assert rule is not None
    return [o for o in known.org_ids if rule.exists(o, ar) and fits(known, o, rep, ar)]


def _inferred(known: Known, src: SourceFile[Any], ar: int, found: list[str], keys: str) -> Owner:
    """The advice when the posts name the one organisation of ``found`` (all of which report
    ``ar`` and hold every post) or leave the choice between them: correct ``keys`` (the
    corrections besides 'organisation', e.g. "'ar' till 2023 och "), 'organisation' and the
    file's name, and add what the organisation owes besides (decision 0525)."""
    rep = src.model
    sep = "," if keys else ""  # "rätta 'ar' till … och 'organisation' till …, och byt namn"
    if len(found) == 1:
        (only,) = found
        label = f"{only}.yaml"
        there = already_there(src.path, src.path.with_name(label), label)
        return Owner(
            f"För {ar} har bara {_name(known, only)} ansvar för alla insatser i filen. Om "
            f"{known.names.get(only, only)} skrev rapporten: rätta {keys}'organisation' till "
            f"'{only}'{sep} och byt namn på filen till "
            + (f"{label}, men {there}" if there else f"{label}." + also_owed(known, only, rep, ar)),
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
    holders = begransad([_name(known, o) for o in found], LISTADE_NAMN)
    return Owner(
        f"För {ar} har {holders} ansvar för alla insatser i filen, och vem av dem som skrev "
        f"rapporten går inte att se i den. Rätta {keys}"
        f"'organisation' till den organisationens id{sep} och byt namn på filen efter det "
        f"(rapporter/{ar}/ID.yaml; finns den filen redan, för över det som ska vara kvar dit och "
        "ta bort den här)."
        + (
            f" Lägg också till det som den organisationen ska rapportera för {ar} och som "
            f"saknas i filen: {begransad(rest, LISTADE_NAMN, '; ')}."
            if rest
            else ""
        ),
        None,
    )


def _owner(known: Known, src: SourceFile[Any], org: str, ar: int) -> Owner:
    """For a report of ``org``, which does not report ``ar``, in a file not named after one
    that does (both are wrong): when some post is one ``org`` never held, so that the file is
    not its report, the organisations that report ``ar`` and hold every post then. One: that
    one, as an inference ("Om X skrev rapporten: …"); several: the choice, with each of them.
    No fix (the advice for ``org``'s own report stands, decisions 0460, 0499) when ``org``
    held every post, or when no organisation holds them all."""
    rep = src.model
    never = _never_held(known, org, rep)
    found = _candidates(known, rep, ar) if never else []
    if not found:
        return Owner(None, org)
    inferred = _inferred(known, src, ar, found, "")
    return Owner(
        f"Filen heter inte efter någon organisation som rapporterar för {ar}, och "
        f"{known.names.get(org, org)} har aldrig haft ansvar för {insatser_text(never)} i filen. "
        + (inferred.fix or ""),
        inferred.holder,
    )


def _head(known: Known, src: SourceFile[Any]) -> str:
    rep = src.model
    assert rep is not None
    org, ar, year = rep.organisation, rep.ar, src.folder_year
    return (
        f"Rapporten gäller år {ar} och är från '{org}', men den ligger i rapporter/{year}/"
        f"{identifier(src.path.name)}, och {known.names.get(org, org)} rapporterar inte för "
        f"{year}"
    )


def _copy(src: SourceFile[Any]) -> bool:
    """Whether ``src`` is a byte copy of the file its keys name (rapporter/<ar>/<organisation>
    .yaml): then it is that report, whatever else its posts would fit."""
    rep = src.model
    assert rep is not None
    target = src.path.parents[1] / str(rep.ar) / f"{rep.organisation}.yaml"
    try:
        return target.is_file() and not target.samefile(src.path) and same_bytes(src.path, target)
    except OSError:  # gone meanwhile: no copy to speak of
        return False


def _move(known: Known, src: SourceFile[Any]) -> str:
    """The keys' reading: move the file to rapporter/<ar>/<organisation>.yaml, and add what
    the organisation owes besides for that year (decision 0525), unless its file is there
    already (which may hold the rest)."""
    rep = src.model
    assert rep is not None
    org, ar = rep.organisation, rep.ar
    label = f"rapporter/{ar}/{org}.yaml"
    there = already_there(src.path, src.path.parents[1] / str(ar) / f"{org}.yaml", label)
    return f"flytta filen till {label}" + (
        f", men {there}" if there else "." + also_owed(known, org, rep, ar)
    )


def _folder(known: Known, src: SourceFile[Any]) -> Placed:
    """A report named after its 'organisation', which reports 'ar' but not the folder's year:
    it goes to the folder of 'ar' (never "rätta 'ar'" to a year it does not report, and no
    organisation-upphord that moves its content to a successor besides)."""
    rep = src.model
    assert rep is not None
    org, ar, year = rep.organisation, rep.ar, src.folder_year
    label = f"rapporter/{ar}/{identifier(src.path.name)}"
    there = already_there(src.path, src.path.parents[1] / str(ar) / src.path.name, label)
    return Placed(
        f"Rapporten gäller år {ar} men ligger i mappen rapporter/{year}/, och "
        f"{known.names.get(org, org)} rapporterar inte för {year}: flytta filen till "
        f"rapporter/{ar}/" + (f", men {there}" if there else "." + also_owed(known, org, rep, ar)),
        org,
        ar,
    )


def _placed(known: Known, src: SourceFile[Any]) -> Placed:
    """The readings of a report in a file named after an organisation that reports the
    folder's year: the file's (its name and folder: correct 'ar' and 'organisation') and the
    keys' (move the file), the latter only when 'organisation' reports 'ar'. When both can be
    and the posts fit one only, that one. Each says what its organisation owes besides."""
    rep, rule = src.model, known.rule
    assert rep is not None and rule is not None
    org, ar, stem, year = rep.organisation, rep.ar, src.stem, src.folder_year
    head = _head(known, src)
    correct = f"rätta 'ar' till {year} och 'organisation' till '{stem}'." + also_owed(
        known, stem, rep, year
    )
    if not rule.exists(org, ar):
        return Placed(
            head + f" och inte för {ar}. Filen heter efter {_name(known, stem)}, som "
            f"rapporterar för {year}: {correct}",
            stem,
            year,
        )
    head += ". "
    move = _move(known, src)
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
    if theirs and _copy(src):  # a copy of the keys' file is that report: no second reading
        return Placed(head + f"{_name(known, org)} rapporterar för {ar}: {move}", org, ar)
    return Placed(
        head + f"Om {_name(known, stem)} skrev rapporten för {year}, som filens namn och mapp "
        "säger: " + correct + f" Om {known.names.get(org, org)} skrev den för {ar}, som 'ar' "
        "och 'organisation' säger: " + move,
        stem,
        year,
    )


def _unnamed(known: Known, src: SourceFile[Any]) -> Placed:
    """The readings of a report in a file not named after an organisation that reports the
    folder's year (granska16 #2): the file's is the folder's year with the owner from the
    posts (as :func:`_owner`), the keys' (move the file) only when 'organisation' reports
    'ar'. Never a move to an organisation in a year it does not report."""
    rep, rule = src.model, known.rule
    assert rep is not None and rule is not None
    org, ar, year = rep.organisation, rep.ar, src.folder_year
    keys = rule.exists(org, ar)
    head = (
        _head(known, src)
        + ("" if keys else f" och inte för {ar}")
        + f". Filen heter inte efter någon organisation som rapporterar för {year}. "
    )
    found = _candidates(known, rep, year)
    if found:
        file = _inferred(known, src, year, found, f"'ar' till {year} och ")
    if not keys:
        if not found:
            return Placed(
                head + f"Ingen organisation har heller ansvar för alla insatser i filen för "
                f"{year}, så filen visar inte vems rapport det är. Rätta 'ar', 'organisation' och "
                "filens namn efter den organisation som skrev rapporten och det år den gäller "
                "(rapporter/ÅR/ID.yaml), och ta bort de poster som den inte har ansvar för.",
                None,
                year,
            )
        return Placed(head + (file.fix or ""), file.holder, year)
    theirs = fits(known, org, rep, ar)
    move = _move(known, src)
    if not found:
        return Placed(
            head + f"Ingen organisation som rapporterar för {year} har ansvar för alla insatser "
            f"i filen. Rapporten är från {_name(known, org)}, som rapporterar för {ar}: " + move,
            org,
            ar,
        )
    if theirs and _copy(src):  # a copy of the keys' file is that report: no second reading
        return Placed(head + f"{_name(known, org)} rapporterar för {ar}: {move}", org, ar)
    if not theirs:
        return Placed(
            head + f"{known.names.get(org, org)} har inte ansvar för alla insatser i filen för "
            f"{ar}. " + (file.fix or ""),
            file.holder,
            year,
        )
    return Placed(
        head + f"Om {_name(known, org)} skrev rapporten för {ar}, som 'ar' och 'organisation' "
        f"säger: {move} Om den skrevs för {year}, som mappen säger: " + (file.fix or ""),
        org,
        ar,
    )


def taken_for(known: Known, src: SourceFile[Any]) -> str | None:
    """The one organisation whose report of its folder's year ``src`` is by its posts, as its
    own finding advises (rename it after that one), or None: then a rapport-saknas of that
    organisation and year points at the file, never "create it" (a second report; granska17b
    F13)."""
    out = reading(known, src)
    if isinstance(out, Owner):
        return out.holder if out.fix is not None else None
    if isinstance(out, Placed) and out.year == src.folder_year and out.holder != src.stem:
        return out.holder
    return None
