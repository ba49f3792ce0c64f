"""The insatser of the report (section 2, per fokusområde): each responsible organisation's
report or why there is none, the samordnande organisations' overall assessment, and the needs."""

from __future__ import annotations

from utsatta.compute.coverage import Coverage, InsatsCoverage
from utsatta.compute.responsibility import Cell, Matrix, resolve, responsible, samordnande
from utsatta.model.organisationer import OrganisationerFil
from utsatta.render.labels import BEDOMNING, LAGE, RAPPORTSTATUS, cap, uppfoljning_text
from utsatta.render.report.sections.names import Names
from utsatta.render.report.view import InsatsVy, OrgRapportVy, SamordningVy, ankare_insats


def _roll(org: str, coord: list[str], ansvariga: list[str], grund: str | None) -> str:
    if org in coord and org in ansvariga:
        roll = "Samordnande och ansvarig"
    else:
        roll = "Samordnande" if org in coord else "Ansvarig"
    return f"{roll} ({grund})" if grund else roll


def _arv(matrix: Matrix, org: str, insats: str, names: Names) -> str | None:
    """ "ärvt från Fastighetsnämnden (slutlett)" where the duty is inherited, else None."""
    g = matrix.grunder.get((org, insats))
    if g is None or not g.arv:
        return None
    return g.beskrivning(names.organisationer)


def _org_rapport(
    org: str, cell: Cell, ic: InsatsCoverage, cov: Coverage, roll: str, names: Names
) -> OrgRapportVy:
    item = ic.items.get(org)
    if item is None:
        nyckel = "saknas" if cell is Cell.SAKNAS else "ingen"
        return OrgRapportVy(
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


def _samordning(org: str, ic: InsatsCoverage, names: Names) -> SamordningVy:
    item = ic.items.get(org)
    if item is None:
        return SamordningVy(names.org(org), None, None, LAGE[ic.cells.get(org, Cell.EJ_AKTUELL)])
    return SamordningVy(
        names.org(org),
        item.samordning,
        BEDOMNING[item.bedomning],
        "Ingen samlad bedömning i rapporten." if item.samordning is None else "",
    )


def insats_vy(
    ic: InsatsCoverage, cov: Coverage, orgs: OrganisationerFil, names: Names, matrix: Matrix
) -> InsatsVy:
    """One insats with every organisation that holds it in the year, in the order of the plan:
    a ceased organisation is not listed, its heirs are, with where they inherited it from."""
    ins = ic.insats
    ar = matrix.ar
    coord = samordnande(ins, orgs, ar)
    named_ansvar = set(resolve(ins.ansvar, orgs))
    ansvariga = [o for o in responsible(ins, orgs, ar) if o not in coord or o in named_ansvar]
    behov = [(names.org(org), b) for org, item in ic.items.items() for b in item.behov]
    return InsatsVy(
        id=ins.id,
        ankare=ankare_insats(ins.id),
        titel=ins.titel,
        forvantat_resultat=ins.forvantat_resultat,
        samordningsansvar=", ".join(names.org(o) for o in coord),
        ansvar=", ".join(names.org(o) for o in ansvariga),
        uppfoljning=cap(uppfoljning_text(ins.uppfoljning.typ, ins.uppfoljning.ar)),
        rapporteras_i_ar=ic.due,
        samordning=tuple(_samordning(org, ic, names) for org in coord),
        organisationer=tuple(
            _org_rapport(
                org,
                cell,
                ic,
                cov,
                _roll(org, coord, ansvariga, _arv(matrix, org, ins.id, names)),
                names,
            )
            for org, cell in ic.cells.items()
        ),
        behov=tuple(behov),
    )
