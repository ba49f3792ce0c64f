"""Rules for plan.yaml: unique ids, known fokusområden and organisations, years in the plan."""

from __future__ import annotations

from typing import Any

from utsatta.check.rules.base import Known, Ref, duplicates
from utsatta.findings import Finding, fel
from utsatta.load.dataset import SourceFile
from utsatta.model import id_fields
from utsatta.model.id_fields import lists_of

FOKUS = Ref("okant-fokusomrade", "Fokusområdet", "planens fokusomraden")
SOURCE = Ref("okand-kalla", "Källan", "planens kallor")
ORG_OR_GROUP = Ref("okand-organisation", "Organisationen eller gruppen", "organisationer.yaml")


def check(src: SourceFile[Any], known: Known, *, have_orgs: bool) -> list[Finding]:
    plan, f = src.model, src.display
    if plan is None:
        return []
    g = plan.plan.giltighet
    out = duplicates(f, plan.insatser, ("insatser",), "Insatsen")
    out += duplicates(f, plan.fokusomraden, ("fokusomraden",), "Fokusområdet")
    if g.fran > g.till:
        out.append(
            fel(
                f,
                ("plan", "giltighet"),
                "ogiltig-giltighet",
                "Giltighetstiden börjar efter att den slutar. Kontrollera 'fran' och 'till'.",
            )
        )
    bilaga = plan.plan.indikatorbilaga
    if bilaga is not None and bilaga.kalla is not None:
        kallor = [k.id for k in plan.plan.kallor]
        out += SOURCE.check(f, [(("plan", "indikatorbilaga", "kalla"), bilaga.kalla)], kallor)
    if have_orgs:
        refs = [
            ((*path, j), ident)
            for path, ids in lists_of("plan", plan, id_fields.ORGANISATION_ELLER_GRUPP)
            for j, ident in enumerate(ids)
        ]
        out += ORG_OR_GROUP.check(f, refs, [*known.org_ids, *known.group_ids])
    for ii, ins in enumerate(plan.insatser):
        out += FOKUS.check(f, [(("insatser", ii, "fokusomrade"), ins.fokusomrade)], known.fokus_ids)
        ar = ins.uppfoljning.ar
        if ar is not None and not g.covers(ar):
            out.append(
                fel(
                    f,
                    ("insatser", ii, "uppfoljning", "ar"),
                    "ar-utanfor-planen",
                    f"Uppföljningsåret {ar} ligger utanför planens giltighetstid "
                    f"{g.fran}–{g.till}. Ange ett år från {g.fran} till {g.till} (det år "
                    "planen anger för uppföljningen), eller rätta 'giltighet'.",
                )
            )
    return out
