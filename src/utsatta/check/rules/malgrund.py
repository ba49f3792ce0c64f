"""What a verdict on a fokusområde in uppfoljning/<år>.yaml rests on: a målvärde behind it
(bedomning-utan-malvarde, docs/decisions/0240) and an indicator of it that can be assessed for
the year (bedomning-utan-underlag, docs/decisions/0401, 0417). The rules are compute.malgrund's.
"""

from __future__ import annotations

from utsatta.check.suggested import command_sentence
from utsatta.compute.malgrund import MOT_MAL, fokus_med_malvarde, fokus_utan_underlag, utan_malvarde
from utsatta.escape import shorten
from utsatta.findings import Finding, varning
from utsatta.load.dataset import DataSet
from utsatta.model.plan import PlanFil
from utsatta.model.uppfoljning import UppfoljningFil


def check(ds: DataSet, f: str, up: UppfoljningFil, plan: PlanFil) -> list[Finding]:
    """A verdict on how far a fokusområde is reached needs a målvärde behind it
    (compute.malgrund; the mål and delmål state their own target in the plan's words)."""
    issues: list[Finding] = []
    g = plan.plan.giltighet
    med = fokus_med_malvarde((s.model for s in ds.indikatorer if s.model is not None), g)
    for fi, fb in enumerate(up.fokusomraden):
        if utan_malvarde(fb.bedomning, fb.fokusomrade, med):
            issues.append(
                varning(
                    f,
                    ("fokusomraden", fi, "bedomning"),
                    "bedomning-utan-malvarde",
                    f"Fokusområde {shorten(fb.fokusomrade)} bedöms som '{fb.bedomning}', men "
                    "planen sätter inget mål för fokusområdet och ingen av dess indikatorer har "
                    f"ett målvärde för planperioden {g.fran}–{g.till}: bedömningen har inget att "
                    "mätas mot. Skriv 'bedomning: kan-inte-bedomas' (eller 'osakert'), eller ge "
                    f'en indikator i fokusområdet (fokusomrade: "{shorten(fb.fokusomrade)}") ett '
                    "målvärde med källa ('malvarden' i indikatorer/<id>.yaml).",
                )
            )
    _check_underlag(ds, f, up, med, issues)
    return issues


def _check_underlag(
    ds: DataSet, f: str, up: UppfoljningFil, med: frozenset[str], issues: list[Finding]
) -> None:
    """A verdict on how far a fokusområde is reached needs an indicator of it that can be
    assessed for the year (compute.malgrund, docs/decisions/0401-bedomning-utan-underlag.md)."""
    utan = fokus_utan_underlag(
        ds, up.ar, ((b.fokusomrade, b.bedomning) for b in up.fokusomraden), med
    )
    for fi, fb in enumerate(up.fokusomraden):
        if fb.bedomning not in MOT_MAL or fb.fokusomrade not in utan:
            continue
        fokus = shorten(fb.fokusomrade)
        issues.append(
            varning(
                f,
                ("fokusomraden", fi, "bedomning"),
                "bedomning-utan-underlag",
                f"Fokusområde {fokus} bedöms som '{fb.bedomning}', men ingen av dess "
                f"indikatorer kan bedömas för {up.ar}: bedömningen har inget i indikatorerna "
                "att mätas mot. Skriv 'bedomning: kan-inte-bedomas' (eller 'osakert'), eller "
                "lägg till de utfall som saknas i fokusområdets indikatorer (fokusomrade: "
                f'"{fokus}" i indikatorer/<id>.yaml). '
                # the command last in its sentence, nothing after it (docs/decisions/0370)
                + command_sentence(
                    ds, "Skälen per indikator visas av", "indikatorer", "--ar", str(up.ar)
                ),
            )
        )
