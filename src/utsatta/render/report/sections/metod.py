"""Bilaga E's method texts after the counting of reports: how a status against a målvärde is
computed, how a development without one is judged, how the counts from the police's lists are
made. Stated once in the report, worded so they hold in every report year and for any data.

The thresholds and limits come from the compute modules, so text and computation cannot drift
apart. The methods themselves: docs/decisions/0040-statuses-and-directions.md, 0041-goal-methods.md.
"""

from __future__ import annotations

from typing import Final

from utsatta.compute.direction import METODTEXT_UTVECKLING
from utsatta.compute.goal import TROSKLAR_KVOT, forvantad_bana
from utsatta.compute.indicators import MARKERING
from utsatta.compute.status import Point, Status, fmt_tal
from utsatta.compute.status import status_text as label
from utsatta.numbers import HART
from utsatta.render.labels import MARKERING_BETYDELSE, UTAN_MARKERING
from utsatta.render.report.sections.omorganisation import METODTEXT_EFTERTRADARE
from utsatta.render.report.sections.uppfoljning import UPPDRAGSSTATUS

_HI, _MED, _LO = (fmt_tal(t, 3) for t in TROSKLAR_KVOT)

#: the method text before its example (metodtext_malvarde)
_MALVARDE_FORE: Final = (
    "En indikator med ett målvärde och ett målår bedöms mot målvärdet. Utgångspunkten är "
    "baslinjen, det värde och år som indikatorns fil anger som start; värden före baslinjen och "
    "efter rapportåret räknas inte. Ett målvärde kan anges som ett tal eller som en faktor gånger "
    "baslinjen (0,5 betyder en halvering). "
    "Före målåret: når det senaste värdet redan målvärdet, eller passerar det åt det håll som är "
    f"bättre, blir statusen ”{label(Status.MALVARDE_NATT)}”; om målet uppnås avgörs ändå av "
    "värdet för målåret. Annars jämförs takten med en förväntad bana, en rak linje från "
    "baslinjen till målvärdet i målåret. Den raka linjen är verktygets antagande, inte planens: "
    "planen säger inte hur fort värdena ska röra sig på vägen. Verktyget räknar ut två andelar "
    "vid det senaste värdets år: hur stor del av avståndet från baslinjen till målvärdet som "
    f"värdet har gått (”x{HART}%{HART}av{HART}vägen” i tabellerna, avrundat till hela procent; "
    "negativt när "
    "värdet har gått bort från målvärdet) och hur stor del av tiden från baslinjens år till "
    "målåret som har gått. Kvoten mellan dem, andelen av vägen delad med andelen av tiden, ger "
    f"statusen: minst {_HI} ”{label(Status.I_FAS)}”; från {_MED} till under {_HI} "
    f"”{label(Status.BEHOVER_OKA_TAKTEN)}”; från {_LO} till under {_MED} "
    f"”{label(Status.OTILLRACKLIG)}”, värdet har stått still (kvoten {_LO}) eller gått mot "
    "målvärdet så långsamt att det inte nås i tid om takten består; under "
    f"{_LO} ”{label(Status.FEL_RIKTNING)}”, värdet har gått bort från målvärdet. "
)

#: ... and after it
_MALVARDE_EFTER: Final = (
    "Nådde redan baslinjen målvärdet men inte det senaste "
    f"värdet blir statusen ”{label(Status.FEL_RIKTNING)}”. Trösklarna är desamma som i Open SDG, "
    "det verktyg som många länder använder för att följa FN:s hållbarhetsmål. För en indikator "
    "som följs med årlig procentuell förändring mot målvärdet jämförs i stället den årliga "
    "förändringen hittills med den som behövs för att nå målvärdet i målåret, med samma "
    "trösklar; för en indikator som bara följs som trend eller årlig förändring utan jämförelse "
    "med målvärdet bedöms bara utvecklingen, som för indikatorer utan målvärde. "
    "Från målåret: det senaste värdet från målåret eller senare avgör. Når det målvärdet blir "
    f"statusen ”{label(Status.MAL_UPPNATT)}”, annars ”{label(Status.MAL_EJ_UPPNATT)}”. Finns "
    "inget värde från målåret eller senare kan indikatorn inte bedömas, och rapporten visar också "
    "den senast kända statusen."
)


def exempel(fran: int, till: int) -> str:
    """The method text's example in the plan's own years: a baseline the year before the plan
    (at least two years before the målår, so that a year lies between), the målår the plan's
    last year, the latest value halfway. The value is chosen for the ratio 0,6, and the status
    and shares are computed by :func:`utsatta.compute.goal.forvantad_bana`, so the example says
    what the tool does."""
    b_ar = min(fran - 1, till - 2)
    s_ar = b_ar + (till - b_ar) // 2
    tid = (s_ar - b_ar) / (till - b_ar)
    varde = round(50 + 20 * 0.6 * tid, 1)
    out = forvantad_bana(1, Point(b_ar, 50), Point(s_ar, varde), 70, till)
    assert out.status is not None and out.kvot is not None
    vag = (varde - 50) / 20

    def procent(x: float) -> str:
        return f"{int(x * 100 + 0.5)}{HART}%"

    return (
        f"Exempel: baslinje 50 år {b_ar}, målvärde 70 år {till} och senaste värde "
        f"{fmt_tal(varde)} år {s_ar} ger {procent(vag)}{HART}av{HART}vägen på {procent(tid)} av "
        f"tiden, kvoten {fmt_tal(out.kvot, 2)} och statusen ”{label(out.status)}”. "
    )


def metodtext_malvarde(fran: int, till: int) -> str:
    """How a status against a målvärde is computed, with the example in the plan's years."""
    return _MALVARDE_FORE + exempel(fran, till) + _MALVARDE_EFTER


# Compute's own text, so that it changes with the rule (only values within the plan period).
# ... and where the report shows the value it starts from (docs/decisions/0485, 0501).
METODTEXT_RIKTNING: Final = (
    METODTEXT_UTVECKLING + " Är det värdet inte baslinjen står det i bilaga D vid baslinjen: "
    "”trenden mäts från …, det sista värdet före planperioden” (”en utveckling skulle mätas "
    "från …” där indikatorn inte kan bedömas), och i diagrammet har värdet en ring, ”Trendens "
    "start”. Baslinjen är då ett äldre värde "
    "(för de flesta indikatorer utan målvärde det tidigaste källbelagda), som beskriver läget "
    "före planen och inte räknas."
)

METODTEXT_POLISLISTOR: Final = (
    "Antalen räknas ur polisens listor, upplaga för upplaga, med den nivå som källorna anger för "
    "varje område. Där källorna inte anger nivån för en upplaga, till exempel när den enda "
    "källan är pressen och den bara skiljer ut de särskilt utsatta områdena, saknas värdet för de "
    "antal som behöver nivån, som antalet riskområden och utsatta områden; det räknas inte som "
    "noll. Antalet områden på listan och antalet särskilt utsatta områden räknas ändå. Anger "
    "en källa själv antalet för upplagan, till exempel hur många särskilt utsatta områden "
    "Göteborg hade, är värdet det antal som källan anger, så säkert som källan, också där "
    "områdenas nivåer ger samma antal; det står i Bilaga D med sin källa. Lämnar områdenas "
    "nivåer antalet okänt, säger det inte vilka områden det gäller, och överallt där värdet "
    "står, också i diagrammet (en romb i stället för en punkt), står vems antal det är: "
    "”antal enligt …”. "
    "Ett antal "
    "på en nivå mäter inte om läget blir bättre: när ett särskilt utsatt område förbättras till "
    "riskområde ökar antalet riskområden, och när ett riskområde förbättras till utsatt område "
    "minskar det. Läs därför antalet riskområden och utsatta områden tillsammans med antalet "
    "särskilt utsatta och antalet på listan. Värden som bygger på slutledningar eller "
    "andrahandsuppgifter är markerade."
)

_SYMBOLER = "; ".join(f"{m} {text.partition(':')[0]}" for m, text in MARKERING_BETYDELSE.items())
#: what every certainty marker means, and the rule for a value without one: the levels carry
#: symbols, a value or a count the class in words, the weakest of what it rests on (review
#: granska15, finding 7; decisions 0486, 0500)
METODTEXT_SAKERHET: Final = (
    "Varje nivå på polisens lista och varje värde har en säkerhet, som står där uppgiften står. "
    f"En nivå är markerad med en symbol: {_SYMBOLER}; {UTAN_MARKERING}. Ett värde eller ett "
    "antal har markeringen med samma symbol eller i ord: "
    + ", ".join(f"”{m}”" for m in list(MARKERING.values())[:-1])
    + f" eller ”{list(MARKERING.values())[-1]}”. Ett värde som bygger på flera uppgifter har "
    "markeringen för den osäkraste av dem (osäkrast först: källa saknas, slutledd, uppgift i "
    "andra hand, annan källa än polisen). Ett antal som räknas ur polisens listor bygger på alla "
    "områdens nivåer i upplagan, också på dem som inte räknas: ”1 riskområde” stämmer bara om "
    "inget annat område är riskområde. Antalet är alltså omarkerat bara när polisens egen "
    "publicering bekräftar varje nivå som det bygger på. Ett antal som en källa själv anger har "
    "den källans säkerhet. En bedömning eller ett utfall som bygger på ett "
    "markerat värde är inte säkrare än värdet."
)

_U = UPPDRAGSSTATUS
METODTEXT_UPPDRAG: Final = (
    "Ett övrigt uppdrags status är läget i slutet av året: "
    f"”{_U['ej-paborjad']}”, ”{_U['pagaende']}”, ”{_U['genomford']}” (uppdraget är utfört och "
    f"redovisat) eller ”{_U['avslutad']}”: uppdraget har avslutats utan att genomföras som "
    "det var formulerat, till exempel för att det upphävts eller gått upp i ett annat uppdrag. "
    "Skälet ska stå i redovisningen; verktyget kan inte avgöra om en redovisning anger ett skäl, "
    "så läs den. Ordet är ett annat än insatsernas ”Avbruten” med avsikt: ett övrigt uppdrag kan "
    "upphöra utan att någon avbryter det, till exempel när det går upp i ett annat uppdrag. "
    "Är ett uppdrag pågående eller ej påbörjat när planens tidsplan för det har passerats vid "
    "årets slut, står ”passerad” efter tidsplanen. Tidsplanen läses ur planens ord som den sista "
    "dag de kan betyda: ett datum är den dagen, en månad eller ett kvartal (till exempel 2022 Q1) "
    "dess sista dag och ett årtal årets sista dag (i 2022–2023 det senare året); står flera, "
    "gäller den senaste. En tidsplan utan datum, månad, kvartal eller år, eller med ett datum som "
    "inte finns, prövas inte. Varför tidsplanen har passerats säger bara redovisningen."
)


def metodtexter(fran: int, till: int) -> tuple[tuple[str, str], ...]:
    """Bilaga E's texts after the counting of reports, in this order (heading, text), with the
    examples in the years of the plan ``fran``–``till``."""
    return (
        ("Indikatorer med målvärde: status mot målvärdet", metodtext_malvarde(fran, till)),
        ("Indikatorer utan målvärde: utveckling", METODTEXT_RIKTNING),
        ("Antal ur polisens listor", METODTEXT_POLISLISTOR),
        ("Hur säkra värdena är", METODTEXT_SAKERHET),
        ("Organisationer som upphört och deras efterträdare", METODTEXT_EFTERTRADARE),
        ("Övriga uppdragens status", METODTEXT_UPPDRAG),
    )
