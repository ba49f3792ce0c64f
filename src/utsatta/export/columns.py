"""The columns of every exported table, with what they hold in Swedish.

The descriptions are written out as the table ``kolumner`` (a CSV file or a sheet), so a reader
of the export needs no other documentation. :data:`TEXT_NOTE` (how a text that could be read as
a formula is written) is said once, in ``om_filen``; each text column refers to it
(:data:`TEXT_REF`), so its own sentence is not drowned by the same paragraph 30 times. The
column ``illustrativ`` is written first in every table that has it
(:func:`utsatta.export.tables.tables`), whatever its place here.
"""

from __future__ import annotations

from typing import Final

from utsatta.export.table import Column
from utsatta.model.indikator import PLANENS_MAL, IndikatorFil

__all__ = [
    "ANSVAR",
    "BEDOMNINGAR",
    "DAG_NOTE",
    "FOKUSOMRADE_INDIKATOR",
    "INDIKATORVARDEN",
    "INSATSRAPPORTER",
    "INSATSRAPPORTER_OMRADEN",
    "INSATS_NOTE",
    "KOLUMNER",
    "KOPPLING_INDIKATOR",
    "OMRADESNIVAER",
    "OM_FILEN",
    "TEXT_NOTE",
    "TEXT_REF",
    "TEXT_RUBRIK",
    "kod_column",
    "koppling",
    "text_column",
]

#: the row of om_filen that says how texts are written, and what a text column says of it
TEXT_RUBRIK: Final = "Texter i CSV och xlsx"

#: Excel reads "1:3" in a CSV file opened with a double click as the time 01:03, a day as a
#: date; the CSV files write them with an apostrophe first (export.csvfile.excel_text, decision
#: 0543), which om_filen's row TEXT_RUBRIK says once: these columns point to it
INSATS_NOTE: Final = (
    " Excel gör 1:3 i en CSV-fil som öppnas med dubbelklick till klockslaget 01:03; hur "
    f"CSV-filerna hindrar det: se raden ”{TEXT_RUBRIK}” i om_filen. I xlsx-filen är id:t text."
)
DAG_NOTE: Final = (
    " Excel gör en dag i en CSV-fil som öppnas med dubbelklick till ett datum; hur CSV-filerna "
    f"hindrar det: se raden ”{TEXT_RUBRIK}” i om_filen. I xlsx-filen är dagen text."
)

#: an empty fokusomrade is not "the goal's": an indicator may be linked to no goal (0556);
#: the column koppling says which (granska18c F5)
FOKUSOMRADE_INDIKATOR: Final = (
    "Fokusområdet som indikatorn hör till; tomt för en indikator som följer upp planens mål "
    "eller ett delmål (mal eller underlag_for i indikatorns fil) och för en indikator som "
    "datan inte knyter till något mål eller fokusområde (rapportens ”Övriga indikatorer”). "
    "Vilket av dem: se kolumnen koppling."
)

#: what an indicator follows up, by its link in the data (docs/decisions/0570-exportens-koppling.md)
KOPPLING_INDIKATOR: Final = (
    "Vad indikatorn följer upp enligt dess fil, som kod: mal (avgör planens mål i "
    "slutuppföljningen; mal: mal), delmal (avgör ett delmål; mal: delmålets id), underlag "
    "(underlag för målet eller ett delmål utan att avgöra det; underlag_for), fokusomrade "
    "(följer upp fokusområdet i kolumnen fokusomrade och inget mål) eller ovrig (knuten till "
    "varken mål, delmål eller fokusområde: rapporten visar den under ”Övriga indikatorer”, "
    "aldrig som uppföljning av målet). Har en indikator med mal eller underlag_for också ett "
    "fokusområde står det i kolumnen fokusomrade."
)


def koppling(ind: IndikatorFil) -> str:
    """The code of :data:`KOPPLING_INDIKATOR` for ``ind``: the goal it decides before one it
    is underlag for, before its fokusområde; the same link that puts it under the goal, a
    fokusområde or "Övriga indikatorer" in the report (0556)."""
    if ind.mal is not None:
        return "mal" if ind.mal == PLANENS_MAL else "delmal"
    if ind.underlag_for:
        return "underlag"
    if ind.fokusomrade is not None:
        return "fokusomrade"
    return "ovrig"  # IndikatorFil.ovrig


TEXT_REF: Final = f" Hur texten skrivs i CSV och xlsx: se raden ”{TEXT_RUBRIK}” i om_filen."

#: how text that a spreadsheet could take for a formula is written (see export.csvfile)
TEXT_NOTE: Final = (
    "I CSV-filerna står en apostrof (') först i en text som börjar med =, +, -, @, tabb eller "
    "vagnretur (eller en bred, liten eller upphöjd form av dem, som ＝ eller ﹦), också efter "
    "inledande mellanslag eller radbrytningar, så att Excel och LibreOffice aldrig räknar den "
    "som en formel, och i en text som Excel annars gör om till ett klockslag, ett datum, ett tal, "
    "ett belopp, ett sanningsvärde eller ett felvärde när filen öppnas med dubbelklick: "
    "insatsens id (2:1), en dag (2024-03-01), 1/2, 007, 5 kr, #N/A (ett heltal som 12 läser "
    "Excel som samma tal, och det får ingen apostrof). Cellen blir då text, och apostrofen kan "
    "synas först i den; ta bort apostrofen om du läser filen med ett program. I xlsx-filen är "
    "texten en textcell utan synlig apostrof; en text som börjar som en formel har Excels dolda "
    "apostrof (citatprefix), så att den är text också när cellen redigeras. "
    "Styrtecken och tecken som vänder textriktningen tas bort, som i rapporterna. En text längre "
    "än 32 767 tecken (det som en cell i Excel rymmer) är kortad i xlsx-filen och slutar då med "
    "en markering; CSV-filerna har hela texten."
)


def text_column(namn: str, beskrivning: str, *, nyckel: str | None = None) -> Column:
    """A column of free text (from the data: made safe for spreadsheets, see cells)."""
    return Column(namn, "text", beskrivning + TEXT_REF, nyckel=nyckel)


def kod_column(namn: str, beskrivning: str, *, nyckel: str | None = None) -> Column:
    """A column of codes, ids or file names."""
    # Codes come from a fixed list in the schema (or are ids a–z, 0–9, -): never formula-like.
    # Anything unusual in one (a file name) is made visible, not removed.
    return Column(namn, "text", beskrivning, slag="id", nyckel=nyckel)


_AR = Column("ar", "heltal", "Året som uppgiften gäller.")
_FIL = kod_column(
    "kallfil",
    "Datafilen som uppgiften kommer från, räknat från datamappen (t.ex. rapporter/2023/"
    "grundskolenamnden.yaml).",
)

INSATSRAPPORTER: Final = (
    Column("ar", "heltal", "Rapportåret: året som rapporten gäller (mappen rapporter/ÅR/)."),
    kod_column("organisation", "Den rapporterande organisationens id från organisationer.yaml."),
    text_column("organisation_namn", "Organisationens namn."),
    kod_column("fokusomrade", "Fokusområdet som insatsen hör till i planen (1, 2 eller 3)."),
    kod_column(
        "insats", "Insatsens id i planen, fokusområde och nummer (t.ex. ”1:3”)." + INSATS_NOTE
    ),
    text_column("insats_titel", "Insatsens rubrik i planen."),
    kod_column(
        "status",
        "Rapporterad status som kod: ej-paborjad, pagaende, genomford, forsenad eller avbruten. "
        "En rad för en insats som organisationen enligt planen skulle ha rapporterat för året "
        "men inte har rapporterat har i stället rapport-saknas (ingen rapport från "
        "organisationen har kommit in för året) eller insats-saknas (rapporten finns men saknar "
        "insatsen); på en sådan rad är kolumnerna från rapporten tomma. Rader saknas bara för "
        "år inom planperioden till och med exportens år, och bara för organisationer som fanns "
        "vid årets slut (en upphörd organisations ansvar ligger på dess efterträdare), som i "
        "rapportens avsnitt om saknade rapporter.",
    ),
    kod_column("status_text", "Statusen i klartext (t.ex. Pågående, Rapport saknas)."),
    kod_column(
        "rapportering",
        "Om organisationen var skyldig att rapportera insatsen för året, som i rapportens "
        "räkning av rapporter: forvantad (en förväntad rapportering; varje rad med "
        "rapport-saknas eller insats-saknas är förväntad), fore-fristen (en återrapportering "
        "under planperioden, lämnad före planens sista år, innan den "
        "förfaller: planen anger inget år, och att fristen är planperiodens sista år är "
        "utsattas tolkning, slutledd), ej-kravd (kom in utan att vara krävd för året: en "
        "återrapportering som redan lämnats, eller en engångsrapportering ett annat år än det "
        "angivna) eller utan-ansvar (planen ger inte organisationen någon del i insatsen det "
        "året). Rader med fore-fristen och ej-kravd räknas inte bland de förväntade och saknas "
        "aldrig. Tom för ett år utanför planperioden.",
    ),
    kod_column(
        "rapportering_text",
        "Samma sak i klartext (t.ex. Förväntad för året, Inte krävd för året).",
    ),
    kod_column(
        "bedomning",
        "Organisationens egen bedömning av om insatsen når sitt förväntade resultat, som kod: "
        "uppnatt, bedoms-uppnas, osakert, bedoms-inte-uppnas eller inte-uppnatt.",
    ),
    kod_column("bedomning_text", "Bedömningen i klartext (t.ex. Bedöms uppnås)."),
    kod_column(
        "omraden",
        "Områdena som arbetet nådde under året, som id:n från omraden.yaml åtskilda av komma "
        "och mellanslag; tom om inget område anges. En rad per område finns i tabellen "
        "insatsrapporter_omraden.",
    ),
    text_column("omraden_namn", "Samma områden med sina namn, åtskilda av komma och mellanslag."),
    Column("antal_omraden", "heltal", "Antal områden som arbetet nådde."),
    text_column(
        "nulage",
        nyckel="nulage",
        beskrivning="Nuläge: vad som har gjorts under året, som nämnden skrev det (Markdown).",
    ),
    text_column(
        "motivering",
        nyckel="motivering",
        beskrivning="Motivering av bedömningen (Markdown); tom om den inte finns.",
    ),
    text_column(
        "fortsatt_arbete",
        nyckel="fortsatt_arbete",
        beskrivning="Plan för fortsatt arbete (Markdown).",
    ),
    text_column(
        "behov",
        "Behov av ytterligare insatser som organisationen lyfter, ett per rad (radbrytning "
        "mellan dem); tom om inga.",
        nyckel="behov",
    ),
    text_column(
        "samordning",
        "Den samlade bedömningen av hela insatsen, från en organisation med samordningsansvar; "
        "tom för andra.",
        nyckel="samordning",
    ),
    Column(
        "illustrativ",
        "ja/nej",
        "ja om rapporten är illustrativ (påhittat innehåll som visar formatet), annars nej. På "
        "en rad för en saknad rapport: ja om plan.yaml eller organisationer.yaml, som ansvaret "
        "kommer från, är illustrativ.",
    ),
    _FIL,
)

INSATSRAPPORTER_OMRADEN: Final = (
    Column("ar", "heltal", "Rapportåret."),
    kod_column("organisation", "Den rapporterande organisationens id."),
    kod_column("insats", "Insatsens id i planen." + INSATS_NOTE),
    kod_column("omrade", "Områdets id från omraden.yaml."),
    text_column("omrade_namn", "Områdets namn."),
    Column(
        "illustrativ",
        "ja/nej",
        "ja om rapporten är illustrativ (påhittat innehåll som visar formatet), annars nej; som "
        "i tabellen insatsrapporter.",
    ),
    _FIL,
)

INDIKATORVARDEN: Final = (
    kod_column("indikator", "Indikatorns id (filnamnet i indikatorer/)."),
    text_column("indikator_namn", "Indikatorns namn."),
    kod_column("fokusomrade", FOKUSOMRADE_INDIKATOR),
    kod_column("koppling", KOPPLING_INDIKATOR),
    kod_column(
        "typ",
        "Vad värdet är: baslinje (värdet som indikatorns fil anger som start; en utveckling "
        "utan målvärde mäts ändå från det sista värdet före planperioden, se rapportens bilaga "
        "E), malvarde (ett mål för året, inte ett mätt värde) eller utfall (ett uppmätt värde).",
    ),
    _AR,
    Column(
        "varde",
        "tal",
        "Värdet som tal, i enheten i kolumnen enhet (i CSV med decimalkomma). För ett relativt "
        "målvärde: faktorn gånger baslinjen; tomt om baslinjen saknas.",
    ),
    Column(
        "faktor",
        "tal",
        "För ett relativt målvärde: faktorn mot baslinjen (0,5 är en halvering); annars tom.",
    ),
    text_column(
        "enhet",
        "Värdets enhet: procent, antal, index, per-100000-invanare, meritvarde eller den enhet "
        "filen anger.",
    ),
    kod_column("omrade", "Områdets id om värdet gäller ett område; tomt för hela staden."),
    text_column("omrade_namn", "Områdets namn; tomt för hela staden."),
    kod_column(
        "kon", "Kön om värdet gäller ett kön: K (kvinnor), M (män), T (totalt); annars tomt."
    ),
    kod_column(
        "kalla_id",
        "Källans id i indikatorns fil; tomt om ingen källa anges för värdet. För ett antal som "
        "en källa anger för en upplaga av polisens lista (omraden.yaml, upplagor: antal): "
        "källornas id:n i omraden.yaml, åtskilda av komma och mellanslag.",
    ),
    text_column(
        "kalla",
        "Källan: utgivare, titel och datum. För indikatorer som räknas fram ur polisens listor "
        "står det så; deras nivåer och källor finns i tabellen omradesnivaer. Är värdet i stället "
        "antalet som en källa anger för upplagan (där områdenas nivåer lämnar det okänt), står "
        "den källan här, åtskilda av semikolon om de är flera.",
    ),
    text_column("kalla_url", "Källans webbadress, om den finns (flera åtskilda av semikolon)."),
    kod_column(
        "sakerhet",
        "Hur säkert värdet är, samma markering som i rapporten: bekraftad (uppgiften står i "
        "källan själv), sekundar (en uppgift i andra hand, t.ex. i pressen), slutledd (härledd, "
        "t.ex. ett målvärde vars år planen inte anger) eller saknas (värdet är okänt: varde är "
        "tomt och kommentar säger varför). För värden som räknas fram ur polisens listor: den "
        "svagaste säkerheten bland de nivåer som räknas, eller det angivna antalets egen "
        "säkerhet, där en nivå som är bekräftad men inte i polisens egen publicering (rapportens "
        "‡) är bekraftad-ej-polisen, svagare än bekraftad och säkrare än sekundar; bekraftad "
        "betyder där att polisens egen publicering bekräftar varje nivå. Tom där ingen källa "
        "anges.",
    ),
    text_column(
        "markering",
        "Markeringen som rapporten skriver bredvid värdet: uppgift i andra hand, slutledd, "
        "källa saknas eller, för ett antal ur polisens listor vars nivåer är bekräftade men "
        "inte alla i polisens egen publicering, annan källa än polisen (rapportens ‡; den "
        "osäkraste nivån avgör), och för ett antal som en källa anger för en upplaga av polisens "
        "lista (inte räknat ur områdenas nivåer) vems antal det är, t.ex. ”antal enligt "
        "Göteborgs-Posten”; tom för ett bekräftat värde, för ett värde utan angiven källa och "
        "för ett okänt utfall (kommentar säger varför). Ett målvärde relativt en baslinje som "
        "saknas har sin markering fast värdet är tomt. Ett antal ur polisens listor utan "
        "markering bygger bara på nivåer i polisens egen publicering.",
    ),
    kod_column(
        "hamtad",
        "Dagen då värdet hämtades (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ), om den anges." + DAG_NOTE,
    ),
    Column(
        "metodbyte",
        "ja/nej",
        "ja om sättet att mäta ändrades från och med detta värde (serien bryts här).",
    ),
    Column(
        "matintervall",
        "heltal",
        "Antal år mellan två mätningar enligt indikatorns fil (matintervall), t.ex. 4 för ett val "
        "vart fjärde år: åren mellan två mätningar saknar då inget värde. Tomt när filen inte "
        "anger något; då är intervallet inte känt, och rapportens diagram förbinder bara värden "
        "från två år i följd. Tomt också för en indikator som räknas fram ur polisens listor: "
        "där är varje upplaga en mätning, vad filen än anger.",
    ),
    Column(
        "matar",
        "ja/nej",
        "ja om värdets år är ett mätår enligt matintervall: ett helt antal intervall från "
        "diagrammets första mätår, som rapportens diagram räknar. Har indikatorn bara värden "
        "per område eller kön räknas mätåren efter de flesta av dem, så att ett enstaka udda år "
        "är det som får nej. nej om året inte är ett mätår; validate varnar då "
        "(matintervall-stammer-inte). Tomt för ett målvärde, utan matintervall och för "
        "en indikator som räknas fram ur polisens listor (där är varje upplaga en mätning).",
    ),
    text_column(
        "kommentar",
        "Kommentar till värdet i indikatorns fil; för ett okänt värde varför det är okänt; för "
        "ett antal som en källa anger vad det är och var det står i omraden.yaml.",
    ),
    Column(
        "illustrativ",
        "ja/nej",
        "ja om värdet är illustrativt (påhittat för att visa formatet): indikatorns fil är "
        "markerad illustrativ, eller värdet räknas fram ur polisens listor (också ett relativt "
        "målvärde mot en sådan baslinje) och omraden.yaml är markerad illustrativ; annars nej.",
    ),
    _FIL,
)

OMRADESNIVAER: Final = (
    kod_column("omrade", "Områdets id från omraden.yaml."),
    text_column("omrade_namn", "Områdets namn."),
    Column("upplaga", "heltal", "Upplagan av polisens lista: dess år."),
    Column("upplaga_manad", "heltal", "Upplagans månad (1–12), om den är känd."),
    text_column("upplaga_titel", "Upplagans titel."),
    kod_column(
        "niva",
        "Områdets nivå i upplagan som kod: sarskilt-utsatt, riskomrade, utsatt, "
        "pa-listan-niva-okand (på listan, nivån anges inte), ej-pa-listan eller okand.",
    ),
    kod_column("niva_text", "Nivån i klartext."),
    Column(
        "pa_listan",
        "ja/nej",
        "ja om nivån sätter området på polisens lista (också pa-listan-niva-okand); tom när "
        "nivån är okand.",
    ),
    kod_column(
        "sakerhet",
        "Hur säker nivån är: bekraftad (nivån står i källan själv; om ingen av källorna är "
        "polisens egen publicering syns det i kolumnen kallslag), sekundar (uppgift i andra "
        "hand, t.ex. pressen om polisens lista), slutledd (härledd ur andra uppgifter, står inte "
        "i någon källa) eller saknas.",
    ),
    text_column(
        "markering",
        "Markeringen som rapporten (Bilaga C) skriver vid nivån och vad den betyder: * slutledd, "
        "† uppgift i andra hand, ? källa saknas, ‡ bekräftad i en annan källa än polisen; tom "
        "för en nivå som står i polisens egen publicering och för en okänd nivå.",
    ),
    kod_column("kalla_id", "Källornas id:n i omraden.yaml, åtskilda av komma och mellanslag."),
    kod_column(
        "kallslag",
        "Vilka slag av källor som belägger nivån (polisen, kommunen, press, parti, "
        "tredjepart), vart slag en gång, åtskilda av komma och mellanslag; tom när ingen källa "
        "anger sitt slag. En "
        "bekräftad nivå utan polisen här står inte i polisens egen publicering (rapporten "
        "markerar den med ‡).",
    ),
    text_column("kalla", "Källorna: utgivare, titel och datum, åtskilda av semikolon."),
    text_column("kommentar", "Kommentar till klassningen."),
    Column(
        "illustrativ",
        "ja/nej",
        "ja om omraden.yaml är markerad illustrativ (påhittade listor som visar formatet), "
        "annars nej.",
    ),
    _FIL,
)

ANSVAR: Final = (
    Column("ar", "heltal", "Året i planperioden (till och med exportens år) som ansvaret gäller."),
    kod_column("insats", "Insatsens id i planen (t.ex. ”2:2”)." + INSATS_NOTE),
    text_column("insats_titel", "Insatsens rubrik i planen."),
    kod_column(
        "organisation",
        "Id från organisationer.yaml för en organisation som har ansvar för insatsen året: en "
        "som planen nämner (själv eller i en grupp) och som fanns vid årets slut, eller en "
        "efterträdare till en som hade upphört. En organisation som ännu inte bildats har ingen "
        "rad; samma regel som rapporten och validate.",
    ),
    text_column("organisation_namn", "Organisationens namn."),
    kod_column(
        "roll",
        "Organisationens del i insatsen som kod: samordningsansvar, ansvar eller båda "
        "(samordningsansvar, ansvar), som planens kolumner; en efterträdare har sin "
        "föregångares del.",
    ),
    text_column(
        "grund",
        "Varför organisationen har ansvaret, med rapportens ord: planen (planen nämner den, "
        "själv eller i en grupp som räknar upp den), gruppen ”…” (den räknas till en grupp som "
        "planen nämner, utifrån en egenskap i organisationer.yaml), efterträdare till … (den "
        "har tagit över insatsen från en organisation som planen nämner och som upphört; "
        "”via …” nämner organisationerna emellan när insatsen har gått genom fler än en), eller "
        "flera av dem åtskilda av semikolon.",
    ),
    kod_column(
        "sakerhet",
        "Hur säker grunden är, som i rapporten: bekraftad där planen nämner organisationen "
        "(själv eller i en grupp som räknar upp den), annars slutledd om grunden är en grupp "
        "utifrån en egenskap eller om något steg i arvet är slutlett (källorna säger inte själva "
        "att efterträdaren tog över insatsen), och bekraftad om varje steg i arvet är bekräftat.",
    ),
    kod_column(
        "eftertradare_till",
        "Id:n för de organisationer i planen som ansvaret har gått i arv från, åtskilda av "
        "komma och mellanslag; tom om inget ärvts.",
    ),
    kod_column(
        "overtagen",
        "Dagen (ÅÅÅÅ-MM-DD) då organisationen tog över insatsen från sin föregångare: dagen "
        "efter föregångarens sista dag; flera dagar åtskilda av komma; tom om inget ärvts."
        + DAG_NOTE,
    ),
    kod_column(
        "overtagen_sakerhet",
        "Hur säker dagen i overtagen är: slutledd när föregångarens sista dag är vald, inte "
        "angiven i källan (rapporten skriver då ”datum: slutledd”), annars bekraftad; tom om "
        "inget ärvts.",
    ),
    Column(
        "rapport_forvantad",
        "ja/nej",
        "ja om organisationen var skyldig att rapportera insatsen för året (som i rapportens "
        "räkning av förväntade rapporter och i tabellen insatsrapporter), annars nej (till "
        "exempel en återrapportering under planperioden före planens sista år).",
    ),
    Column(
        "illustrativ",
        "ja/nej",
        "ja om plan.yaml eller organisationer.yaml, som ansvaret kommer från, är illustrativ, "
        "annars nej.",
    ),
    kod_column(
        "kallfil",
        "Datafilerna som ansvaret kommer från, räknat från datamappen: planen och "
        "organisationer.yaml, åtskilda av komma och mellanslag.",
    ),
)

BEDOMNINGAR: Final = (
    Column("ar", "heltal", "Året som den samlade uppföljningen gäller (uppfoljning/ÅR.yaml)."),
    kod_column(
        "del",
        "Vad som bedöms: mal (planens mål), delmal, omrade (ett område under ett delmål), "
        "fokusomrade, eller uppfoljning (hela årets uppföljning, när filen saknas).",
    ),
    kod_column("del_id", "Delmålets id i plan.yaml eller fokusområdets nummer; tomt för målet."),
    text_column("rubrik", "Rubriken som i rapporten (t.ex. Delmål 1 (”…”))."),
    kod_column("omrade", "Områdets id från omraden.yaml, för en bedömning per område."),
    text_column("omrade_namn", "Områdets namn."),
    kod_column(
        "bedomning",
        "Bedömningen i den samlade uppföljningen som kod: uppnatt, delvis-uppnatt, "
        "inte-uppnatt (bara planens sista år), bedoms-uppnas, osakert, bedoms-inte-uppnas, "
        "kan-inte-bedomas; saknas när ingen bedömning är skriven (eller filen saknas).",
    ),
    kod_column("bedomning_text", "Bedömningen i klartext, som i rapporten."),
    Column(
        "utan_malvarde",
        "ja/nej",
        "ja där bedömningen säger hur långt ett fokusområde nåtts utan att någon indikator för "
        "fokusområdet har ett målvärde under planperioden; rapporten markerar den ”bedömning "
        "utan målvärde”, och validate varnar (bedomning-utan-malvarde). nej för övriga "
        "bedömningar; tom där ingen bedömning är skriven.",
    ),
    Column(
        "utan_underlag",
        "ja/nej",
        "ja där bedömningen säger hur långt ett fokusområde nåtts fast ingen av fokusområdets "
        "indikatorer kan bedömas för året (men någon har ett målvärde); rapporten markerar den "
        "”ingen av indikatorerna kan bedömas”, och validate varnar (bedomning-utan-underlag). "
        "nej för övriga bedömningar; tom där ingen bedömning är skriven.",
    ),
    text_column("text", "Bedömningen i ord (Markdown).", nyckel="text"),
    kod_column("kalla_id", "Källornas id:n i filens kallor, åtskilda av komma och mellanslag."),
    text_column(
        "kalla", "Källorna som i rapporten: utgivare, titel och datum, åtskilda av semikolon."
    ),
    text_column("kalla_url", "Källornas webbadresser, åtskilda av semikolon."),
    kod_column(
        "sakerhet",
        "Hur säker den källbelagda uppgiften är, som kod: bekraftad, sekundar (i andra hand) "
        "eller slutledd (dragen ur källorna, inte utsagd i dem); tom utan källor.",
        nyckel="sakerhet",
    ),
    text_column("sakerhet_text", "Säkerheten i klartext, som rapporten skriver den."),
    text_column(
        "bedomd_av",
        "Vem bedömningen är från, som rapportens rubrik: Bedömning av upprättaren som "
        "uppföljningsfilen anger (upprattad_av), eller Illustrativ bedömning (påhittad, visar "
        "formatet).",
    ),
    Column(
        "illustrativ",
        "ja/nej",
        "ja om bedömningen är illustrativ: markerad så själv, eller utan egen markering i en "
        "fil som är markerad illustrativ; annars nej.",
    ),
    _FIL,
)

OM_FILEN: Final = (
    text_column("rubrik", "Vad raden handlar om."),
    text_column("text", "Uppgiften."),
)

KOLUMNER: Final = (
    kod_column("tabell", "Tabellen (CSV-filen eller bladet) som kolumnen finns i."),
    kod_column(
        "kolumn",
        "Kolumnens namn, som i tabellens första rad: en kod i ASCII utan å, ä och ö, som "
        "nycklarna i datafilerna (ar är år, sakerhet säkerhet, kallfil källfil, malvarde "
        "målvärde). Beskrivningen säger vad koden betyder och vilka koder kolumnen kan "
        "innehålla.",
    ),
    kod_column(
        "typ",
        "Slag av värde: text, heltal, tal (i CSV med decimalkomma) eller ja/nej (texten ja "
        "eller nej).",
    ),
    kod_column("beskrivning", "Vad kolumnen innehåller."),
)
