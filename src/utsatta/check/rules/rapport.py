"""Rules for rapporter/<år>/<organisation>.yaml: the year and the file name agree with the
content, and every insats is known, due from this organisation and reported once.

Who holds an insats is asked for the report's year (the folder's, as the completeness matrix
does): an organisation that ceased passes its insatser to its successors (decision 0020). A
report from an organisation that did not exist that year is reported by check_validity; its
entries are then checked against every year, so the file gets one finding about the year, not
one per entry. In a file named after an organisation that reports the year, the fix is to
correct 'organisation' to it (decisions 0460, 0470), and the entries are checked against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from utsatta.check.rules import owner
from utsatta.check.rules.base import Known, Ref, annan_plan
from utsatta.check.rules.owner import ceased_before, not_yet_formed
from utsatta.compute.responsibility import Kolumn
from utsatta.escape import identifier
from utsatta.findings import Finding, fel, varning
from utsatta.load.dataset import SourceFile
from utsatta.load.placement import already_there, is_id, report_place
from utsatta.model import id_fields
from utsatta.model.id_fields import lists_of
from utsatta.model.plan import Giltighet
from utsatta.numbers import heltal
from utsatta.wording import LISTADE_NAMN, begransad


def _outside_plan(f: str, ar: int, g: Giltighet | None) -> Finding | None:
    """ar-utanfor-planen for a report of year ``ar``, or None when the plan covers it."""
    if g is None or g.covers(ar):
        return None
    return fel(
        f,
        ("ar",),
        "ar-utanfor-planen",
        f"År {ar} ligger utanför planens giltighetstid {g.fran}–{g.till}, och "
        "rapporter lämnas bara för de åren. Är året fel skrivet: rätta 'ar' (och "
        "flytta filen till rapporter/<år>/). " + annan_plan(ar, g.fran),
    )


ORG = Ref("okand-organisation", "Organisationen", "organisationer.yaml")
INSATS = Ref("okand-insats", "Insatsen", "plan.yaml")
OMRADE = Ref("okant-omrade", "Området", "omraden.yaml")


def _wrong_place(
    src: SourceFile[Any],
    ar: int,
    org: str,
    *,
    org_unknown: bool,
    gone: bool = False,
    stem_gone: bool = False,
) -> Finding | None:
    """One finding for a report whose 'ar' disagrees with its folder, or whose 'organisation'
    with its name, or both: the one step that puts it where its content says it belongs
    (``load.placement.report_place``), or the key to correct; never two steps that contradict
    each other (fel-ar-i-mapp at 'ar' when the year is wrong, else filnamn-matchar-inte)."""
    f, stem, folder_year = src.display, src.stem, src.folder_year
    moved = ar != folder_year
    renamed = org != stem and not org_unknown
    if not (moved or renamed):
        return None
    # rapporter/<år>/<organisation>.yaml: the data folder is three levels up
    place = report_place(src.path.parents[2], src.path, str(ar), org if renamed else stem)
    label, there = identifier(place.label), place.there
    name = identifier(src.path.name)
    if moved and renamed:
        return fel(
            f,
            ("ar",),
            "fel-ar-i-mapp",
            f"Rapporten gäller år {ar} och är från '{org}', men den ligger i "
            f"rapporter/{folder_year}/{name}. "
            + (
                f"Rätta 'ar' och 'organisation' om de är fel; annars hör den till {label}, men "
                f"{there}"
                if there
                else f"Flytta den till {label} (ny mapp och nytt namn), eller rätta 'ar' och "
                "'organisation' om de är fel."
            ),
        )
    if moved:
        return fel(
            f,
            ("ar",),
            "fel-ar-i-mapp",
            f"Rapporten gäller år {ar} men ligger i mappen rapporter/{folder_year}/. "
            + (
                f"Rätta 'ar' om året är fel; annars hör den till {label}, men {there}"
                if there
                else f"Flytta filen till rapporter/{ar}/ eller rätta 'ar'."
            ),
        )
    if gone:
        # 'lokalnamnden' in stadsfastighetsnamnden.yaml: a name that reports no longer (or not
        # yet) is no name for the file. Given only for one that ceased during the year (the
        # others are organisation-upphord/ej-bildad alone): its warning says who reports.
        return fel(
            f,
            ("organisation",),
            "filnamn-matchar-inte",
            f"Rapporten är från '{org}' men filen heter {name}. '{org}' rapporterar inte för "
            f"{ar} (se varningen för 'organisation'), så filen ska inte heta {org}.yaml: rätta "
            f"'organisation' till '{identifier(stem)}', som filen heter.",
        )
    if place.target is not None and there is not None:  # named as the message names it
        there = already_there(src.path, place.target, f"{org}.yaml")
    from utsatta.load.lookalike import note as lookalike_note  # only for a misnamed file

    return fel(
        f,
        ("organisation",),
        "filnamn-matchar-inte",
        f"Rapporten är från '{org}' men filen heter {name}."
        # 'sоcialnamnd-nordost.yaml' with a Cyrillic о looks like the right name
        f"{lookalike_note(src.path.name, where='I filens namn')} Filen ska heta {org}.yaml"
        # never advice to write an organisation that the id rule refuses (the name 'KS')
        # nor to write one that does not report the year (it would be organisation-upphord)
        + (" (eller rätta 'organisation')" if is_id(stem) and not stem_gone else "")
        + (f", men {there}" if there else "."),
    )


def _absent(src: SourceFile[Any], known: Known) -> Finding:
    """fel-ar-i-mapp for a report whose 'ar' is a year its (known) 'organisation' does not
    report: never a move to rapporter/<ar>/ (no advice to a place that is as wrong), but 'ar'
    corrected to the folder's year when the organisation reports that; else only that 'ar' is
    wrong, and the finding at 'organisation' says where the content goes."""
    rep, rule = src.model, known.rule
    assert rep is not None and rule is not None
    org, ar, year, stem = rep.organisation, rep.ar, src.folder_year, src.stem
    name = known.names.get(org, org)
    if not rule.exists(org, year):  # only a file named after it: the others are owner's
        return fel(
            src.display,
            ("ar",),
            "fel-ar-i-mapp",
            f"Rapporten gäller år {ar} men ligger i mappen rapporter/{year}/, och {name} "
            f"rapporterar varken för {ar} eller för {year}: rätta 'ar' till det år rapporten "
            "gäller, och se felet vid 'organisation'.",
        )
    if org == stem:
        return fel(
            src.display,
            ("ar",),
            "fel-ar-i-mapp",
            f"Rapporten gäller år {ar} men ligger i mappen rapporter/{year}/, och {name} "
            f"rapporterar inte för {ar}: rätta 'ar' till {year}.",
        )
    there = already_there(src.path, src.path.with_name(f"{org}.yaml"), f"{org}.yaml")
    return fel(
        src.display,
        ("ar",),
        "fel-ar-i-mapp",
        f"Rapporten gäller år {ar} och är från '{org}', men den ligger i rapporter/{year}/"
        f"{identifier(src.path.name)}, och {name} rapporterar inte för {ar}: rätta 'ar' till "
        f"{year} och byt namn på filen till {org}.yaml"
        # the file's own name is the other reading, when it is one that reports the year
        + (f" (eller rätta 'organisation' till '{stem}')" if rule.exists(stem, year) else "")
        + (f", men {there}" if there else "." + owner.also_owed(known, org, rep, year)),
    )


def _told_as_ceased(known: Known, org: str, ar: int) -> bool:
    """Whether organisation-upphord or organisation-ej-bildad, at the same key, tells the fix
    of a report from ``org`` for ``ar`` in a file named after another organisation that
    reports the year: correct 'organisation' to the file's name. The file may be named after
    its successor or predecessor (decision 0460) or after a third organisation (0470)."""
    rule = known.rule
    o = rule.organisation(org) if rule is not None else None
    return o is not None and (ceased_before(o, ar) or not_yet_formed(o, ar))


def check(src: SourceFile[Any], known: Known, giltighet: Giltighet | None) -> list[Finding]:
    rep, f = src.model, src.display
    if rep is None:
        # An invalid report of another plan's year is still said to be one (README, "Ny
        # planperiod"): by its folder's year, the year it counts for.
        outside = _outside_plan(f, src.folder_year, giltighet)
        return [] if outside is None else [outside]
    out: list[Finding] = []
    folder_year = src.folder_year
    org = rep.organisation
    # An unknown id is most likely a typo: its own finding suggests the right id, and advice
    # to rename the file after the typo would contradict it.
    org_unknown = bool(known.org_ids) and org not in known.org_set
    outside = _outside_plan(f, rep.ar, giltighet)
    if outside is not None:
        # ar-utanfor-planen says where a file of another plan goes: no move inside this folder.
        return [outside]
    # only a file named after another organisation needs the two below (the usual file not)
    renamed = org != src.stem
    # the file is named after one that reports the year, 'organisation' one that does not
    gone = (
        renamed
        and known.rule is not None
        and folder_year == rep.ar
        and not known.rule.exists(org, rep.ar)
        and known.rule.exists(src.stem, rep.ar)
    )
    # the file is named after a known organisation that does not report the year
    stem_gone = (
        renamed
        and known.rule is not None
        and known.rule.organisation(src.stem) is not None
        and not known.rule.exists(src.stem, rep.ar)
    )
    wrong_place = _wrong_place(
        src, rep.ar, org, org_unknown=org_unknown, gone=gone, stem_gone=stem_gone
    )
    if (
        rep.ar != folder_year
        and known.rule is not None
        and known.rule.organisation(org) is not None
        and not known.rule.exists(org, rep.ar)
    ):
        wrong_place = _absent(src, known)  # no move to a year 'organisation' does not report
    # the organisation whose duties the entries are checked against: the one in the file's
    # name when 'organisation' is told to be corrected to it, so that no entry is told to be
    # removed that the fix makes right (decision 0470)
    holder: str | None = org
    holder_year = folder_year
    whose = owner.reading(known, src)  # the same verdict check_validity reads
    if isinstance(whose, owner.Placed):
        # another year in 'ar' and in 'organisation' one that does not report the folder's:
        # one finding that weighs the file's place against its keys (decision 0510), not also
        # organisation-upphord (check_validity leaves it out)
        wrong_place = fel(f, ("ar",), "fel-ar-i-mapp", whose.message)
        holder, holder_year = whose.holder, whose.year
    elif gone and _told_as_ceased(known, org, rep.ar):
        wrong_place = None  # organisation-upphord there says it all (decisions 0460, 0470)
        holder = src.stem
    elif isinstance(whose, owner.Owner):
        # 'organisation' names one that does not report the year, in a file not named after
        # one that does: its finding says where the content goes, and a file named after
        # 'organisation' would be as wrong (granska15 #6, decision 0499); when the posts are
        # not its, it names the one whose they are, or the choice (0510)
        wrong_place = None
        holder = whose.holder  # None: each candidate holds every post
    if wrong_place is not None:
        out.append(wrong_place)
    if "kontakt" in rep.model_fields_set and rep.kontakt is None:
        out.append(
            varning(
                f,
                ("kontakt",),
                "tom-kontakt",
                "'kontakt' är tom. Skriv namn och e-postadress till den som kan svara på frågor "
                "om rapporten (eller ta bort nyckeln).",
                at_key=True,
            )
        )
    if org_unknown:
        out.append(ORG.finding(f, ("organisation",), org, known.org_ids))
    known_org = holder is not None and holder in known.org_set
    seen: dict[str, int] = {}
    for ii, item in enumerate(rep.insatser):
        at = ("insatser", ii)
        insats = item.insats
        if insats in seen:
            # where the first one stands: the one to merge with, in a long file (0658)
            first, _ = src.positions().locate(("insatser", seen[insats], "insats"))
            out.append(
                fel(
                    f,
                    (*at, "insats"),
                    "dubblett-insats",
                    f"Insats {insats} rapporteras två gånger i filen: första gången på rad "
                    f"{first}. Slå ihop posterna.",
                )
            )
        seen.setdefault(insats, ii)
        out += _contradictions(f, at, item)
        if known.insats_ids and insats not in known.insats_set:
            out.append(INSATS.finding(f, (*at, "insats"), insats, known.insats_ids))
        elif (
            known.duties
            and holder is not None
            and known_org
            and not _holds(known, holder, insats, holder_year)
        ):
            out.append(_not_responsible(f, at, known, holder, insats, holder_year))
        coordinators = known.coordinators.get(insats)
        # An unknown organisation is reported already.
        if (
            item.samordning is not None
            and coordinators is not None
            and holder is not None
            and known_org
            and not _holds(known, holder, insats, holder_year, "samordning")
        ):
            if known.rule is not None and known.rule.exists(holder, holder_year):
                coordinators = known.rule.samordnande(insats, holder_year)
            out.append(
                varning(
                    f,
                    (*at, "samordning"),
                    "ej-samordnande",
                    f"'samordning' skrivs av den som har samordningsansvar för insats "
                    f"{insats} ("
                    + (_names(known, coordinators) or "ingen")
                    + "). Flytta texten till 'nulage' eller ta bort den.",
                    at_key=True,
                )
            )
    if known.omrade_ids:
        for path, ids in lists_of("rapport", rep, id_fields.OMRADE):
            if not known.omrade_set.issuperset(ids):
                places = [((*path, j), o) for j, o in enumerate(ids)]
                out += OMRADE.check(
                    f, places, known.omrade_ids, known.omrade_set, known.omrade_names
                )
    return out


def _holds(known: Known, org: str, insats: str, ar: int, kolumn: Kolumn = "alla") -> bool:
    """Whether ``org`` holds ``insats`` in ``ar`` (one rule: :class:`Duties`). For an
    organisation that did not exist that year (check_validity's finding), whether it holds it
    in any year, a group's members whatever the plan period (``Duties.ever_holds``)."""
    rule = known.rule
    if rule is None or not rule.exists(org, ar):
        if kolumn == "samordning":
            return org in known.coordinators.get(insats, ())
        if rule is not None:
            return rule.ever_holds(org, insats)
        return org in known.duties.get(insats, frozenset())
    return rule.holds(org, insats, ar, kolumn)


def _not_responsible(
    f: str, at: tuple[str, int], known: Known, org: str, insats: str, ar: int
) -> Finding:
    """ej-ansvarig: who reports ``insats`` for ``ar`` instead (those that hold it that year,
    never an organisation that had ceased)."""
    name = known.names.get(org, org)
    rule = known.rule
    if rule is None:
        due, when = known.duty_order.get(insats, []), ""
    else:
        due, when = rule.responsible(insats, ar), f" för {ar}"
    head = f"{name} har inget ansvar för insats {insats}{when} enligt planen"
    if rule is not None and org in known.duties.get(insats, frozenset()):
        # it holds the insats another year: before or after a succession
        head += " (bara andra år, enligt efterträdarna i organisationer.yaml)"
    who = (
        f"insatsen rapporteras{when} av " + _names(known, due) + "."
        if due
        else f"ingen organisation har insatsen{when} enligt organisationer.yaml."
    )
    return fel(f, (*at, "insats"), "ej-ansvarig", f"{head}. Ta bort posten; {who}")


#: Per status, the assessments it contradicts: an insats cancelled cannot reach its result
#: later; one not started may still be expected to, but cannot have reached it.
_CONTRADICTS = {
    "avbruten": frozenset({"uppnatt", "bedoms-uppnas"}),
    "ej-paborjad": frozenset({"uppnatt"}),
}


def _contradictions(f: str, at: tuple[str, int], item: Any) -> list[Finding]:
    """Values that cannot all be true: warn, and say which one to change."""
    out: list[Finding] = []
    status, bedomning = str(item.status), str(item.bedomning)
    if bedomning in _CONTRADICTS.get(status, frozenset()):
        what = "avbruten" if status == "avbruten" else "inte påbörjad"
        out.append(
            varning(
                f,
                (*at, "bedomning"),
                "motsagande-bedomning",
                f"Insatsen är {what} (status: {status}) men bedömningen är '{bedomning}'. "
                "Är resultatet nått: rätta status (t.ex. genomford eller pagaende). Annars: "
                "skriv bedomning: inte-uppnatt eller bedoms-inte-uppnas.",
            )
        )
    if status == "ej-paborjad" and item.omraden:
        out.append(
            varning(
                f,
                (*at, "omraden"),
                "motsagande-omraden",
                "Insatsen är inte påbörjad (status: ej-paborjad) men når "
                f"{heltal(len(item.omraden))} "
                f"{'område' if len(item.omraden) == 1 else 'områden'} (omraden). Har arbetet "
                "börjat: skriv status: pagaende. Annars: ta bort omraden.",
                at_key=True,
            )
        )
    return out


def _names(known: Known, ids: Iterable[str]) -> str:
    """The organisations ``ids`` by name, comma-separated, at most :data:`LISTADE_NAMN`."""
    return begransad([known.names.get(o, o) for o in ids], LISTADE_NAMN, och_last=False)
