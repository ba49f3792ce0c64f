"""Section 6 of the report: the sources, grouped by what they support."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from utsatta.compute.indicators import IndicatorResult, evidence
from utsatta.model.common import Kalla
from utsatta.model.omraden import OmradenFil
from utsatta.model.organisationer import OrganisationerFil
from utsatta.model.plan import PlanFil
from utsatta.model.rapport import RapportFil
from utsatta.render.angivet import angivna_antal
from utsatta.render.labels import SAKERHET
from utsatta.render.report.sections.names import Names
from utsatta.render.report.sections.upplaga import kand_genom, upplaga_namn
from utsatta.render.report.view import KallGrupp, KallVy


def kalla_vy(k: Kalla, *, kommentar: bool = False) -> KallVy:
    """A source as one line: publisher, title (or comment), its date ("odaterad" without one)
    and its certainty if not confirmed; with ``kommentar``, a comment beside a title follows
    (the plan's: that the text is a copy whose adopted wording is not confirmed, 0671)."""
    parts = [k.utgivare]
    # Without a title the comment tells two sources of one publisher apart.
    if k.titel or k.kommentar:
        parts.append((k.titel or k.kommentar or "").strip().rstrip("."))
    text = ": ".join(parts)
    extra = [x for x in (k.datum or "odaterad", SAKERHET.get(k.sakerhet)) if x]
    if extra:
        text += f" ({', '.join(extra)})"
    if kommentar and k.titel and k.kommentar:
        text += ". " + k.kommentar.strip().rstrip(".") + "."
    return KallVy(text, k.url)


def kallor(
    plan: PlanFil,
    omr: OmradenFil | None,
    ar: int,
    results: Sequence[IndicatorResult],
    reports: Mapping[str, RapportFil],
    names: Names,
    orgs: OrganisationerFil | None = None,
    tidigare: Mapping[int, Mapping[str, RapportFil]] | None = None,
) -> tuple[KallGrupp, ...]:
    """The plan's sources, the sources of the organisations' changes the report shows, the
    police lists up to ``ar`` and the sources of their levels, each indicator's sources, the
    reports of the year and those of the earlier years in ``tidigare`` that the report also
    quotes and counts (the period, Bilaga C; review granska14, finding 15)."""
    # the plan's caveats (a copy, no decision date) are the whole report's: said in full
    groups = [
        KallGrupp("Handlingsplanen", tuple(kalla_vy(k, kommentar=True) for k in plan.plan.kallor))
    ]
    changes = _organisation_sources(orgs, ar) if orgs is not None else ()
    if changes:
        groups.append(KallGrupp("Organisationer som upphört och deras efterträdare", changes))
    if omr is not None:
        groups.append(
            KallGrupp(
                "Polisens lägesbilder (upplagor av listan)",
                # the month from the data; an edition without an address of its own is known
                # through other sources, which are named (granska18 G6)
                tuple(
                    KallVy(
                        upplaga_namn(u) + (f". Ingen egen webbadress, {via}" if via else ""),
                        u.url,
                    )
                    for u in sorted(omr.upplagor, key=lambda u: u.ar)
                    if u.ar <= ar
                    for via in (kand_genom(omr, u),)
                ),
            )
        )
        used = {c for o in omr.omraden for k in o.klassning if k.upplaga <= ar for c in k.kallor}
        # and of the counts per level an edition states (upplagor: antal, decision 0320)
        stated = {c for u in omr.upplagor if u.ar <= ar for a in u.antal for c in a.kallor}
        groups.append(
            KallGrupp(
                "Källor för områdenas nivåer" + (" och för antal per nivå" if stated else ""),
                tuple(kalla_vy(k) for k in omr.kallor if k.id in used | stated)
                or (KallVy("Ingen källa angiven."),),
            )
        )
    for r in results:
        groups.append(
            KallGrupp(
                f"Indikator: {r.indikator.namn}",
                # a source dated after the year is not evidence for it (decision 0043)
                tuple(
                    kalla_vy(b.kalla)
                    for b in evidence(r.indikator.kallor, r.serie, ar)[0]
                    if b.belagg != "efter-aret"
                )
                # a value that is the count a source states: that source (decision 0335)
                + _stated_sources(omr, r)
                or (KallVy("Ingen källa angiven."),),
            )
        )
    for year, of_year in (
        (ar, reports),
        *sorted((y, r) for y, r in (tidigare or {}).items() if y < ar and r),
    ):
        rapporter = [
            KallVy(
                f"{names.org(org)}: rapport om arbetet {year}"
                + (" (illustrativ)" if of_year[org].illustrativ else "")
            )
            for org in names.orgs_in_order(of_year)
        ]
        groups.append(
            KallGrupp(
                f"Nämndernas och styrelsernas rapporter för {year}",
                tuple(rapporter) or (KallVy("Inga rapporter har kommit in."),),
            )
        )
    return tuple(groups)


def _stated_sources(omr: OmradenFil | None, r: IndicatorResult) -> tuple[KallVy, ...]:
    """The sources of the values of ``r`` that are a count its edition states, each once, not
    repeating the indicator's own."""
    own = {k.id for k in r.indikator.kallor}
    found = {k.id: k for a in angivna_antal(omr, r) for k in a.kallor if k.id not in own}
    return tuple(kalla_vy(k) for k in found.values())


def _organisation_sources(orgs: OrganisationerFil, ar: int) -> tuple[KallVy, ...]:
    """The sources for the organisations that had ceased by the end of ``ar`` (so their heirs
    hold their insatser in the report), for their successions and for the successors, in
    organisationer.yaml order; none when no organisation had ceased."""
    last_day = f"{ar:04d}-12-31"
    by_id = {o.id: o for o in orgs.organisationer}
    used: set[str] = set()
    for o in orgs.organisationer:
        if o.giltig_till is None or o.giltig_till >= last_day:
            continue
        used.update(o.kallor)
        for e in o.efterfoljare:
            used.update(e.kallor)
            heir = by_id.get(e.organisation)
            used.update(heir.kallor if heir is not None else ())
    return tuple(kalla_vy(k) for k in orgs.kallor if k.id in used)
