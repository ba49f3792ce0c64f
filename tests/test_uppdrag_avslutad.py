"""An övrigt uppdrag with status avslutad reads "Avslutad utan att genomföras", not "Avslutad"
(which reads as done), and Bilaga E defines the statuses (review granska14, finding 11).

No validate warning for an avslutad uppdrag whose redovisning gives no reason: 'redovisning' is
required and free text, and whether a text states a reason cannot be told from it (the shipped
"arbetet sker i ordinarie samverkan" may well be one). Bilaga E says so to the reader."""

from __future__ import annotations

from tests.support import ROOT
from utsatta.load.dataset import load
from utsatta.render.report import build, render
from utsatta.render.report.sections.metod import METODTEXT_UPPDRAG

DEFINITION = (
    "Ett övrigt uppdrags status är läget i slutet av året: ”Ej påbörjad”, ”Pågående”, "
    "”Genomförd” (uppdraget är utfört och redovisat) eller ”Avslutad utan att genomföras”: "
    "uppdraget har avslutats utan att genomföras som det var formulerat, till exempel för att "
    "det upphävts eller gått upp i ett annat uppdrag. Skälet ska stå i redovisningen; verktyget "
    "kan inte avgöra om en redovisning anger ett skäl, så läs den. Ordet är ett annat än "
    "insatsernas ”Avbruten” med avsikt: ett övrigt uppdrag kan upphöra utan att någon avbryter "
    "det, till exempel när det går upp i ett annat uppdrag. Är ett uppdrag pågående eller ej "
    "påbörjat när planens tidsplan för det har passerats vid årets slut, står ”passerad” efter "
    "tidsplanen. Tidsplanen läses ur planens ord som den sista dag de kan betyda: ett datum är den "
    "dagen, en månad eller ett kvartal (till exempel 2022 Q1) dess sista dag och ett årtal årets "
    "sista dag (i 2022–2023 det senare året); står flera, gäller den senaste. En tidsplan utan "
    "datum, månad, kvartal eller år, eller med ett datum som inte finns, prövas inte. Varför "
    "tidsplanen har passerats säger bara redovisningen."
)


def test_the_definition_is_the_schemas() -> None:
    assert METODTEXT_UPPDRAG == DEFINITION


def test_an_avslutad_uppdrag_says_it_was_not_carried_out_and_bilaga_e_defines_it() -> None:
    view = build(load(ROOT / "data"), 2025)
    assert view.uppfoljning is not None
    avslutade = [
        (u.diarienummer, u.status)
        for u in view.uppfoljning.uppdrag
        if u.status_nyckel == "avslutad"
    ]
    assert avslutade == [("1680/20", "Avslutad utan att genomföras")]
    md = render(view, "md")
    assert (
        "| 1680/20 | Delta i Skatteverkets pilotprojekt om felaktig folkbokföring | KS 2021-12-15 "
        "| Avslutad utan att genomföras | Uppdraget är avslutat och arbetet sker i ordinarie "
        "samverkan. |"
    ) in md
    assert f"**Övriga uppdragens status.** {DEFINITION}\n" in md
    assert md.index("## Bilaga E.") < md.index("**Övriga uppdragens status.**")
    html = render(view, "html")
    assert '<span class="badge s-avslutad">Avslutad utan att genomföras</span>' in html
    assert f"<p><strong>Övriga uppdragens status.</strong> {DEFINITION}</p>" in html
