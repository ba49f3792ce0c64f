"""Completeness: every responsible organisation has reported on every insats due that year."""

from __future__ import annotations

from collections import defaultdict

from utsatta.compute.responsibility import Matrix, matrix
from utsatta.findings import Issue, fel, varning
from utsatta.load.dataset import DataSet
from utsatta.load.files import display_path


def insatser_text(ids: list[str]) -> str:
    """ "insats 1:1" or "insatserna 1:1, 2:1 och 2:4"."""
    if len(ids) == 1:
        return f"insats {ids[0]}"
    return f"insatserna {', '.join(ids[:-1])} och {ids[-1]}"


def reported(ds: DataSet) -> dict[int, dict[str, list[str]]]:
    """Insats ids reported, by year (the folder) and organisation, from valid reports."""
    out: dict[int, dict[str, list[str]]] = defaultdict(dict)
    for rep in ds.rapporter:
        if rep.model is None:
            continue
        out[rep.folder_year][rep.model.organisation] = [i.insats for i in rep.model.insatser]
    return dict(out)


def year_matrix(
    ds: DataSet, ar: int, done: dict[int, dict[str, list[str]]] | None = None
) -> Matrix | None:
    if not (ds.plan and ds.plan.model and ds.organisationer and ds.organisationer.model):
        return None
    return matrix(
        ds.plan.model, ds.organisationer.model, ar, reported(ds) if done is None else done
    )


def check_completeness(ds: DataSet, years: list[int], *, only_present: bool = False) -> list[Issue]:
    """Issues for missing insatser in reports and, unless ``only_present``, missing reports.

    A report that exists but leaves out an insats is an error (the fix is in that file). A
    report that does not exist is a warning, since reports come in during the year;
    ``--strict`` makes it fail.
    """
    issues: list[Issue] = []
    if not (ds.plan and ds.plan.model):
        return issues
    g = ds.plan.model.plan.giltighet
    names = {}
    if ds.organisationer and ds.organisationer.model:
        names = {o.id: o.namn for o in ds.organisationer.model.organisationer}
    by_file = {
        (r.folder_year, r.model.organisation): r for r in ds.rapporter if r.model is not None
    }
    # A report file that exists but is invalid has its own errors; it is not "missing".
    present = {(r.folder_year, r.path.stem) for r in ds.rapporter}
    done = reported(ds)
    for ar in years:
        if not g.fran <= ar <= g.till:
            continue
        m = year_matrix(ds, ar, done)
        if m is None:
            continue
        for org, insatser in m.saknas_per_organisation().items():
            listed = insatser_text(insatser)
            src = by_file.get((ar, org))
            if src is not None:
                issues.append(
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
                issues.append(
                    varning(
                        path,
                        (),
                        "rapport-saknas",
                        f"{names.get(org, org)} har inte lämnat någon rapport för {ar}. Den ska "
                        f"omfatta {listed}. Skapa filen med 'utsatta ny rapport {ar} {org}'.",
                    )
                )
    return issues
