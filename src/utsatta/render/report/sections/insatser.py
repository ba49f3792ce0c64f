"""The insatser of the report (section 2, per fokusområde): each responsible organisation's
report or why there is none, the samordnande organisations' overall assessment, and the needs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import replace

from utsatta.compute.completeness import Cell, Matrix
from utsatta.compute.coverage import Coverage, InsatsCoverage, owed_through_urval
from utsatta.compute.indicators import datum_markering
from utsatta.compute.responsibility import Duties
from utsatta.model.organisationer import OrganisationerFil
from utsatta.render.labels import (
    BEDOMNING,
    LAGE,
    RAPPORTSTATUS,
    UTAN_RAPPORT,
    cap,
    inte_i_ar,
    tidigare_bedomning,
    uppfoljning_text,
)
from utsatta.render.report.sections.insats_indikatorer import POSITIVA_TEXT, markerad
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.omorganisation import (
    eftertradare,
    grupper,
    planens_lydelse,
    sakerhet,
)
from utsatta.render.report.sections.period import Period, Senaste
from utsatta.render.report.view import (
    IndikatorLank,
    InsatsVy,
    OrgRapportVy,
    SamordningVy,
    ankare_insats,
)
from utsatta.wording import och, via_namn


def _roll(org: str, coord: list[str], ansvariga: list[str], grund: str | None) -> str:
    if org in coord and org in ansvariga:
        roll = "Samordnande och ansvarig"
    else:
        roll = "Samordnande" if org in coord else "Ansvarig"
    return f"{roll}{grund}" if grund else roll


def _grund(
    matrix: Matrix,
    org: str,
    insats: str,
    via_grupp: list[str],
    orgs: OrganisationerFil,
    names: Names,
) -> str | None:
    """Why ``org`` holds ``insats`` where the plan does not name it itself, in words after the
    role, with its leading space or comma: " som efterträdare till Lokalnämnden (slutledd)
    från 2023-01-01", ", räknas till gruppen ”…” (slutledd)" (a group computed from a
    flag, decision 0017), or both; None where the plan names it (or a group that lists it) and
    nothing is inherited. The date is the day ``org`` took the insats over (the step nearest
    to it: in a chain, the day its own predecessor ceased)."""
    g = matrix.grunder.get((org, insats))
    chains = g.arv if g is not None else ()
    parts = []
    if chains:
        # per predecessor and the organisations between it and ``org`` (decision 0616)
        how: dict[tuple[str, tuple[str, ...]], str] = {}
        when: dict[tuple[str, tuple[str, ...]], str] = {}
        for chain in chains:
            first = (chain[0].fran, tuple(step.fran for step in chain[1:]))
            if sakerhet(chain) == "slutledd":
                how[first] = "slutledd"
            else:
                how.setdefault(first, "bekräftad")
            # the day carries its own certainty: a chosen day is marked even when the
            # succession itself is bekräftad ("från 2021-11-01 (datum: slutledd)")
            when.setdefault(first, chain[-1].datum + datum_markering(chain[-1].datum_sakerhet))
        # Said once what all predecessors share (the certainty, the day), else per predecessor:
        # "Park- och naturnämnden och Trafiknämnden (slutledd) från 2023-01-01".
        same_day = len(set(when.values())) == 1
        same_how = len(set(how.values())) == 1
        labels = via_namn([(names.org(o), [names.org(v) for v in via]) for o, via in how])
        named = [
            label + ("" if same_how else f" ({how[k]})") + ("" if same_day else f" från {when[k]}")
            for label, k in zip(labels, how, strict=True)
        ]
        fran = och(named)
        if same_how:
            fran += f" ({next(iter(how.values()))})"
        if same_day:
            fran += f" från {next(iter(when.values()))}"
        # the plan names it too, itself or in a group that lists it
        ocksa = g is not None and g.grund == "planen" and not via_grupp
        parts.append((" enligt planen och" if ocksa else "") + f" som efterträdare till {fran}")
    if via_grupp:
        grupper = {gr.id: gr.namn for gr in orgs.grupper}
        parts.append(
            ", räknas till "
            + och([f"gruppen ”{grupper.get(i, i)}”" for i in via_grupp])
            + " (slutledd)"
        )
    return "".join(parts) or None


def _earlier(org: str, ic: InsatsCoverage, period: Period | None) -> Senaste | None:
    """In the slutuppföljning, the latest report within the period of an organisation without
    one this year (None otherwise)."""
    if period is None or org in ic.items:
        return None
    found = period.latest(org, ic.insats.id)
    return found if found is not None and found.ar < period.ar else None


def _org_rapport(
    org: str,
    cell: Cell,
    ic: InsatsCoverage,
    cov: Coverage,
    roll: str,
    names: Names,
    period: Period | None,
) -> OrgRapportVy:
    item = ic.items.get(org)
    if item is None:
        nyckel = "saknas" if cell is Cell.SAKNAS else "ingen"
        vy = OrgRapportVy(
            organisation=names.org(org),
            roll=roll,
            inkommen=False,
            lage=LAGE[cell],
            lage_nyckel=nyckel,
            status=LAGE[cell],
            status_nyckel=nyckel,
            bedomning="–",
            omraden=(),
            nulage="",
            motivering=None,
            fortsatt_arbete="",
            behov=(),
            illustrativ=False,
        )
        earlier = _earlier(org, ic, period)
        if earlier is None:
            return vy
        # the slutuppföljning: the latest report within the period stands in, with its year
        e = earlier.item
        return replace(
            vy,
            omraden=names.omraden_text(e.omraden),
            nulage=e.nulage,
            motivering=e.motivering,
            fortsatt_arbete=e.fortsatt_arbete,
            illustrativ=earlier.illustrativ,
            rapport_ar=earlier.ar,
            rapport_status=RAPPORTSTATUS[e.status],
            rapport_bedomning=tidigare_bedomning(e.bedomning),
            rapport_av="" if earlier.organisation == org else names.org(earlier.organisation),
            utan_rapport=UTAN_RAPPORT.get(cell, ""),
        )
    return OrgRapportVy(
        organisation=names.org(org),
        roll=roll,
        inkommen=True,
        lage=LAGE[Cell.INKOMMEN],
        lage_nyckel="inkommen",
        status=RAPPORTSTATUS[item.status],
        status_nyckel=item.status,
        bedomning=BEDOMNING[item.bedomning],
        omraden=names.omraden_text(item.omraden),
        nulage=item.nulage,
        motivering=item.motivering,
        fortsatt_arbete=item.fortsatt_arbete,
        behov=tuple(item.behov),
        illustrativ=cov.reports[org].illustrativ,
    )


def _samordning(
    org: str, ic: InsatsCoverage, names: Names, period: Period | None, cov: Coverage
) -> SamordningVy:
    item = ic.items.get(org)
    if item is None:
        cell = ic.cells.get(org, Cell.EJ_AKTUELL)
        lage = LAGE[cell]
        earlier = _earlier(org, ic, period)
        if earlier is None:
            return SamordningVy(names.org(org), None, None, lage)
        bedomning = tidigare_bedomning(earlier.item.bedomning)
        return SamordningVy(
            names.org(org),
            None,
            None,
            # what the latest report in the period said, as Bilaga A's table of organisations
            # says it, not only that it was earlier (sann25 item 4)
            f"{lage} · senast {earlier.ar}: {bedomning}",
            rapport_ar=earlier.ar,
            rapport_text=earlier.item.samordning,
            rapport_bedomning=bedomning,
            utan_rapport=UTAN_RAPPORT.get(cell, ""),
            illustrativ=earlier.illustrativ,
        )
    return SamordningVy(
        names.org(org),
        item.samordning,
        BEDOMNING[item.bedomning],
        "Ingen samlad bedömning i rapporten." if item.samordning is None else "",
        illustrativ=cov.reports[org].illustrativ,
    )


def _eftertradare_till(matrix: Matrix, org: str, insats: str, names: Names) -> str:
    """ "efterträdare till Lokalnämnden, slutledd" where ``org`` holds ``insats`` only through
    predecessors (not named by the plan itself); "" otherwise."""
    g = matrix.grunder.get((org, insats))
    if g is None or g.grund != "arv":
        return ""
    fran = via_namn([(names.org(o), [names.org(v) for v in via]) for o, via in g.fran_via()])
    return f"efterträdare till {och(fran)}, " + ("slutledd" if g.slutledd else "bekräftad")


def antal_text(
    values: Iterable[str],
    order: Iterable[str],
    markerade: Collection[str] = (),
    markering: str = "",
) -> str:
    """ "Genomförd 1, Pågående 2": each value with its count, in ``order`` (the status order, as
    every table of counts in the report), values outside it after, in first-seen order; "–"
    for none. A value in ``markerade`` gets ``markering`` after its count, in parentheses
    ("Uppnått 9 (indikatorn kan inte bedömas)"), so it stands by that value alone."""
    counts = Counter(values)
    order = list(order)
    keys = [k for k in order if k in counts] + [k for k in counts if k not in set(order)]
    return (
        ", ".join(
            _markera(_med_antal(k, counts[k]), markering if k in markerade else "") for k in keys
        )
        or "–"
    )


def _markera(text: str, markering: str) -> str:
    """``text`` with ``markering`` in parentheses after it; inside its closing parenthesis
    where it has one ("Bedöms uppnås 1 (prognos, ingen slutbedömning; indikatorn kan inte
    bedömas)", as the period table of section 3), never two parentheses in a row."""
    if not markering:
        return text
    return f"{text[:-1]}; {markering})" if text.endswith(")") else f"{text} ({markering})"


def _med_antal(label: str, n: int) -> str:
    """ "Genomförd 9"; a label that ends in a parenthesis gets its count before it, "Ingen
    rapport 4 (krävs inte för rapportåret)", not after it where it dangles (F9)."""
    head, paren, rest = label.partition(" (")
    if paren and label.endswith(")"):
        return f"{head} {n}{paren}{rest}"
    return f"{label} {n}"


def insats_vy(
    ic: InsatsCoverage,
    cov: Coverage,
    orgs: OrganisationerFil,
    names: Names,
    matrix: Matrix,
    period: Period | None = None,
    indikatorer: tuple[IndikatorLank, ...] = (),
    indikator_markering: str = "",
) -> InsatsVy:
    """One insats with every organisation that holds it in the year, in the order of the plan:
    a ceased organisation is not listed, its heirs are, with where they inherited it from. An
    heir of an organisation in the plan's "Ansvar" column is in the "Ansvar" line too (the
    same rule as the year's duties: :class:`Duties`). With ``period`` (the slutuppföljning) an
    organisation without a report this year carries its latest report within the period.
    ``indikatorer``: the indicators linked to it; ``indikator_markering``: the mark beside a
    verdict that it is reached when none of them can be assessed (sections.insats_indikatorer)."""
    mark = indikator_markering
    ins = ic.insats
    ar = matrix.ar
    duties = Duties([ins], orgs, matrix.planperiod)
    coord = duties.samordnande(ins.id, ar)
    ansvariga = duties.ansvariga(ins.id, ar)
    via = owed_through_urval([ins], orgs, matrix.planperiod).get(ins.id, {})
    inte_kort, inte_mening = ("", "") if ic.due else inte_i_ar(ic.inte_forfallen, ar)
    behov = [(names.org(org), b) for org, item in ic.items.items() for b in item.behov]
    organisationer = tuple(
        _markera_org(
            _org_rapport(
                org,
                cell,
                ic,
                cov,
                _roll(
                    org,
                    coord,
                    ansvariga,
                    _grund(matrix, org, ins.id, via.get(org, []), orgs, names),
                ),
                names,
                period,
            ),
            mark,
        )
        for org, cell in ic.cells.items()
    )
    return InsatsVy(
        id=ins.id,
        ankare=ankare_insats(ins.id),
        titel=ins.titel,
        forvantat_resultat=ins.forvantat_resultat,
        samordningsansvar=", ".join(names.org(o) for o in coord),
        ansvar=", ".join(names.org(o) for o in ansvariga),
        uppfoljning=cap(
            uppfoljning_text(
                ins.uppfoljning.typ, ins.uppfoljning.ar, ins.uppfoljning.text, ordagrant=True
            )
        ),
        rapporteras_i_ar=ic.due,
        inte_i_ar=inte_kort,
        inte_i_ar_text=inte_mening,
        samordning=tuple(
            _markera_samordning(
                replace(
                    _samordning(org, ic, names, period, cov),
                    eftertradare_till=_eftertradare_till(matrix, org, ins.id, names),
                ),
                mark,
            )
            for org in coord
        ),
        organisationer=organisationer,
        behov=tuple(behov),
        status_antal=antal_text(
            (_status_med_senaste(o) for o in organisationer),
            [
                *RAPPORTSTATUS.values(),
                *(
                    text
                    for lage in LAGE.values()
                    for text in (
                        lage,
                        *(_markera(lage, f"senast {s.lower()}") for s in RAPPORTSTATUS.values()),
                    )
                ),
            ],
        ),
        # marked in the slutuppföljning's section 3 only: an annual report's main part stays
        # about ten pages (Bilaga A marks every year; docs/decisions/0480)
        bedomning_antal=antal_text(
            (o.bedomning for o in organisationer if o.inkommen),
            BEDOMNING.values(),
            POSITIVA_TEXT,
            mark if period is not None else "",
        ),
        planen=(
            planens_lydelse(
                "Samordningsansvar",
                ins.samordningsansvar,
                ins.samordningsansvar_lydelse,
                ins.samordningsansvar_tolkning,
                orgs,
                names,
            ),
            planens_lydelse(
                "Ansvar", ins.ansvar, ins.ansvar_lydelse, ins.ansvar_tolkning, orgs, names
            ),
        ),
        eftertradare=eftertradare(ins, ar, duties, names),
        grupper=grupper(ins, ar, orgs, names),
        indikatorer=indikatorer,
        indikator_markering=mark,
    )


def _status_med_senaste(vy: OrgRapportVy) -> str:
    """The organisation's status for the year's count of statuses; in the slutuppföljning,
    without a report this year, with the status its latest report in the period gave
    ("Rapporterad ett tidigare år (senast pågående)", counted as "Rapporterad ett tidigare år 5
    (senast pågående)"), so an earlier "Pågående" is not hidden (sann25 item 4)."""
    if not vy.rapport_ar or not vy.rapport_status:
        return vy.status
    return _markera(vy.status, f"senast {vy.rapport_status.lower()}")


def _markera_org(vy: OrgRapportVy, mark: str) -> OrgRapportVy:
    """``vy`` with ``mark`` beside a verdict that the insats is reached (this year's, or in the
    slutuppföljning the latest report's)."""
    bedomning = vy.rapport_bedomning if vy.rapport_ar else vy.bedomning
    return replace(vy, markering=markerad(bedomning, mark))


def _markera_samordning(vy: SamordningVy, mark: str) -> SamordningVy:
    """``vy`` with ``mark`` beside a verdict that the insats is reached."""
    return replace(vy, markering=markerad(vy.bedomning or vy.rapport_bedomning, mark))
