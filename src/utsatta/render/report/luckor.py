"""What a written report lacks, in one sentence for the command line: read from the report's
own view (:class:`~utsatta.render.report.view.ReportView`), so that the note and the report
cannot disagree (docs/decisions/0445-rapportens-luckor-pa-standard-fel.md)."""

from __future__ import annotations

from utsatta.render.report.view import ReportView
from utsatta.wording import luckor


def report_luckor(view: ReportView) -> str | None:
    """ "Rapporten har luckor: …" for the reports missing in the view's year (section 4, in
    its order), a missing samlad bedömning (section 1) and, in the slutuppföljning, the
    reports of earlier plan years that never came in (section 4's list for the period); None
    when it lacks none of them."""
    return luckor(
        "Rapporten",
        view.ar,
        [s.organisation for s in view.saknade if s.hela_rapporten],
        [s.organisation for s in view.saknade if not s.hela_rapporten],
        # None: a view made without its follow-up sections shows no such gap
        view.uppfoljning is not None and not view.uppfoljning.finns,
        tidigare=view.slut.saknade_tidigare if view.slut is not None else (),
    )
