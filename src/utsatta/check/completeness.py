"""Completeness: every responsible organisation has reported on every insats due that year."""

from __future__ import annotations

from utsatta.compute.duties import Reported, duties_of, year_matrix
from utsatta.compute.responsibility import Duties
from utsatta.escape import shorten
from utsatta.findings import Finding, fel, varning
from utsatta.load.dataset import DataSet
from utsatta.load.files import display_path


def insatser_text(ids: list[str]) -> str:
    """ "insats 1:1" or "insatserna 1:1, 2:1 och 2:4"."""
    if len(ids) == 1:
        return f"insats {ids[0]}"
    return f"insatserna {', '.join(ids[:-1])} och {ids[-1]}"


def check_completeness(
    ds: DataSet,
    years: list[int],
    *,
    only_present: bool = False,
    duties: Duties | None = None,
) -> list[Finding]:
    """Findings for missing insatser in reports and, unless ``only_present``, missing reports.
    ``duties``: the plan's duties when the caller has built them (``duties_of``), else built
    here.

    A report that exists but leaves out an insats is an error (the fix is in that file). A
    report that does not exist is a warning, since reports come in during the year;
    ``--strict`` makes it fail.
    """
    findings: list[Finding] = []
    if not (ds.plan and ds.plan.model):
        return findings
    g = ds.plan.model.plan.giltighet
    # Echoed in messages: a name of any length is shortened like every other value.
    names = {k: shorten(v) for k, v in ds.organisation_names().items()}
    # Only a report whose file is named after its organisation counts for it: a misnamed one
    # has its own error (filnamn-matchar-inte), and a check of named files can then find every
    # report it depends on by its path (check.partial).
    by_file = {
        (r.folder_year, r.stem): r
        for r in ds.rapporter
        if r.model is not None and r.model.organisation == r.stem
    }
    done: Reported = {}
    for (ar, org), r in by_file.items():
        assert r.model is not None
        done.setdefault(ar, {})[org] = [i.insats for i in r.model.insatser]
    # A report file that exists but is invalid or misnamed has its own errors; it is not
    # "missing".
    present = {(r.folder_year, r.stem) for r in ds.rapporter} | {
        (r.folder_year, r.model.organisation) for r in ds.rapporter if r.model is not None
    }
    if duties is None:
        duties = duties_of(ds)
    for ar in years:
        if not g.fran <= ar <= g.till:
            continue
        m = year_matrix(ds, ar, done, duties, reasons=False)
        if m is None:
            continue
        for org, insatser in m.saknas_per_organisation().items():
            listed = insatser_text(insatser)
            src = by_file.get((ar, org))
            if src is not None:
                findings.append(
                    fel(
                        src.display,
                        ("insatser",),
                        "insats-saknas",
                        f"Rapporten för {ar} saknar {listed}, som {names.get(org, org)} "
                        "ska rapportera enligt planen. Lägg till en post per insats under "
                        "'insatser'.",
                        at_key=True,
                    )
                )
            elif not only_present and (ar, org) not in present:
                path = display_path(ds.root / "rapporter" / str(ar) / f"{org}.yaml")
                findings.append(
                    varning(
                        path,
                        (),
                        "rapport-saknas",
                        f"{names.get(org, org)} har inte lämnat någon rapport för {ar}. Den ska "
                        f"omfatta {listed}. Skapa filen med 'utsatta ny rapport {ar} {org}'.",
                    )
                )
    return findings
