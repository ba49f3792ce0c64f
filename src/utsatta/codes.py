"""The registry of finding codes: every code a check can give, with its Swedish title and what
to do about it. The README's table of codes is generated from this (a test keeps it in sync).

A finding's own message says the specifics (which key, which id, the closest valid value); the
title and hint here say what the code means in general, for the README and for tools.
"""

from __future__ import annotations

from dataclasses import dataclass

from utsatta.findings import Severity
from utsatta.limits import MAX_DUTIES, MAX_FILE_BYTES, size_text
from utsatta.numbers import heltal


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    #: what the code means, as a Swedish sentence fragment
    title: str
    #: what to do, in Swedish
    hint: str
    #: where it is found: "fil", "yaml", "schema", "referens", "fullständighet" or "fmt"
    stage: str


F, V = Severity.FEL, Severity.VARNING

_TABLE: tuple[tuple[str, Severity, str, str, str], ...] = (
    # The files themselves
    ("fil-saknas", F, "fil", "En gemensam datafil saknas", "Lägg till filen i datamappen."),
    ("fil-andrad", V, "fil", "Filen ändrades medan den kontrollerades",
     "Kör kontrollen igen; rad och kolumn kan vara fel."),
    ("kan-inte-lasa", F, "fil", "Filen går inte att läsa", "Kontrollera behörigheten."),
    ("for-stor-fil", F, "fil", f"Filen är större än {size_text(MAX_FILE_BYTES)}",
     "Dela upp innehållet eller korta texterna."),
    ("fel-filandelse", F, "fil", "Filen slutar inte på .yaml", "Byt namn till NAMN.yaml."),
    ("fel-skiftlage", F, "fil",
     "En mapp eller fil heter som en datafils plats men med versaler (Rapporter/, Plan.yaml): "
     "samma plats på Windows och macOS, en annan i Linux, där filen inte läses",
     "Byt namn med rätt skiftläge med kommandot i meddelandet (git mv)."),
    ("fel-plats", F, "fil", "En datafil ligger på fel plats (en rapport, indikator eller "
     "uppföljning, känd på sitt innehåll)",
     "Flytta den dit meddelandet säger, t.ex. rapporter/<år>/<organisation>.yaml eller "
     "indikatorer/<id>.yaml."),
    ("okand-fil", V, "fil", "En fil på en plats som utsatta inte känner till",
     "Flytta eller ta bort filen."),
    ("mapp-kan-inte-lasas", F, "fil", "En mapp i datamappen går inte att läsa",
     "Ge läsbehörighet till mappen (chmod u+rx) eller ta bort den."),
    ("inte-en-vanlig-fil", F, "fil", "En FIFO, enhet eller socket där en datafil ska ligga",
     "Ta bort den och lägg in datafilen som en vanlig fil."),
    ("mapp-i-stallet-for-fil", F, "fil", "En mapp med ett datafilsnamn (t.ex. NAMN.yaml)",
     "Ta bort mappen och lägg in filen i dess ställe."),
    ("lank-utanfor-data", F, "fil", "En symbolisk länk pekar ut ur datamappen",
     "Lägg in filen eller mappen i datamappen i stället."),
    ("lankad-mapp", V, "fil", "En mapp är en symbolisk länk och läses inte",
     "Lägg in filerna i datamappen i stället."),
    ("lank-slinga", F, "fil", "En symbolisk länk som leder i en slinga (till sig själv)",
     "Ta bort länken och lägg in filen som en vanlig fil i datamappen."),
    ("lank-bruten", F, "fil", "En symbolisk länk till något som inte finns",
     "Ta bort länken och lägg in filen som en vanlig fil i datamappen."),
    ("fler-fynd", F, "fil",
     "Fler än 50 fynd av samma slag i en fil: resten räknas i ett fynd (fel eller varning "
     "som de)", "Rätta de fynd som visas och kör kontrollen igen."),
    # YAML
    ("ogiltig-teckenkodning", F, "yaml",
     "Filen är inte UTF-8 (t.ex. Windows-1252 från Excel eller UTF-16 från PowerShell 5)",
     "Öppna filen med rätt teckenkodning (VS Code: 'Reopen with Encoding' → 'Western "
     "(Windows 1252)') och spara den sedan som UTF-8 ('Save with Encoding' → 'UTF-8')."),
    ("skadat-tecken", F, "yaml",
     "Ett värde innehåller ersättningstecknet U+FFFD: texten skadades när filen sparades "
     "efter att ha öppnats med fel teckenkodning",
     "Skriv in de rätta tecknen (ofta å, ä eller ö) där tecknet står."),
    ("dubbelkodad-text", V, "yaml",
     "Ett värde ser ut att vara UTF-8 som lästs som Windows-1252 (t.ex. 'Ã¥' för 'å')",
     "Skriv in värdet som meddelandet visar det rättat."),
    ("otillatet-tecken", F, "yaml",
     "Ett kontrolltecken, styrtecken för skrivriktning eller icketecken (t.ex. U+FDD0), i "
     "filen eller i ett värde (också skrivet som kod i citattecken, t.ex. \\e eller \\u202e)",
     "Ta bort tecknet (det syns ofta inte i editorn)."),
    ("dold-text", F, "yaml",
     "Ett värde innehåller taggtecken (U+E0001, U+E0020–U+E007F): osynliga tecken som "
     "döljer text, som följer med i datat men inte syns i editorn eller rapporten",
     "Ta bort tecknen: skriv texten på nytt eller klistra in den som oformaterad text."),
    ("privat-tecken", V, "yaml",
     "Ett värde innehåller ett tecken för privat bruk (U+E000–U+F8FF, plan 15–16), oftast "
     "en symbol ur ett typsnitt i Word; i rapporten visas det som ingenting eller en ruta",
     "Ersätt tecknet med det som ska stå där (t.ex. • eller –), eller ta bort det."),
    ("bakstreck-i-citat", F, "yaml",
     "Ett '\\' inom dubbla citattecken som gör texten till en annan (t.ex. blir \\n en "
     "radbrytning och \\t ett tabbtecken i sökvägen \"G:\\nya\\tabell.xlsx\")",
     "Skriv texten inom enkla citattecken (en sökväg), eller på egna rader under "
     "'nyckel: |' (en radbrytning)."),
    ("ovanlig-radbrytning", F, "yaml",
     "Tecknet U+0085, U+2028 eller U+2029, som YAML-läsaren räknar som radbrytning",
     "Ersätt det med en vanlig radbrytning eller ett mellanslag."),
    ("for-stort-tal", F, "yaml", "Ett tal med fler än 20 siffror, eller som blir oändligt",
     "Kontrollera värdet; ska det vara text, sätt det inom citattecken."),
    ("yaml-syntax", F, "yaml", "YAML-syntaxfel",
     "Kontrollera indrag, kolon och citattecken på raden och raden ovanför."),
    ("nyckel-i-text", V, "yaml", "En nyckels rad indragen som texten under 'nyckel: |'",
     "Flytta ut raden till nycklarnas indrag om den är en nyckel (en ny post, '- nyckel:', "
     "till listans indrag); skriv den med stor bokstav om den är text."),
    ("text-ej-indragen", F, "yaml", "En text under 'nyckel: |' som inte är indragen",
     "Dra in textens rader med mellanslag, mer än nyckeln."),
    ("ankare-ej-tillatet", F, "yaml", "Ett YAML-ankare (&)", "Skriv ut värdet där det behövs."),
    ("alias-ej-tillatet", F, "yaml", "Ett YAML-alias (*)",
     "Sätt text som börjar med '*' inom citattecken, eller skriv ut värdet."),
    ("tagg-ej-tillaten", F, "yaml", "En YAML-tagg (!)",
     "Ta bort taggen; skriv värdet inom citattecken om det ska vara text."),
    ("sammanslagning-ej-tillaten", F, "yaml", "Sammanslagningsnyckeln '<<'",
     "Skriv ut alla nycklar och värden."),
    ("dubblett-nyckel", F, "yaml", "Samma nyckel två gånger i samma post eller under samma nyckel",
     "Ta bort den ena eller slå ihop dem."),
    ("listpost-saknar-streck", F, "yaml",
     "En ny post i en lista saknar '- ' (postens nycklar kommer igen)",
     "Skriv '- ' före den nya postens första nyckel."),
    ("ogiltig-nyckel", F, "yaml", "En nyckel som är en lista, har egna nycklar eller saknar namn",
     "Kontrollera indraget och kolonet; ta bort ett ensamt '?'."),
    ("for-djup-nastling", F, "yaml", "Nästlat djupare än 20 nivåer", "Kontrollera indraget."),
    ("flera-dokument", F, "yaml", "Mer än ett YAML-dokument ('---')",
     "Flytta resten till en egen fil."),
    ("tom-fil", F, "yaml", "Filen är tom", "Fyll i innehållet eller ta bort filen."),
    ("text-avklippt", V, "yaml", "En text klipps av vid '#'",
     "Sätt hela texten inom citattecken."),
    ("lista-i-text", V, "yaml",
     "En text på flera rader utan '|' där en rad börjar som en punkt i en lista ('- ', '1.'): "
     "YAML slår ihop raderna, och listan blir en del av en mening",
     "Skriv 'nyckel: |' och texten indragen på raderna under, så att varje rad behålls."),
    ("kommentar-i-text", V, "yaml",
     "En rad som ser ut som en kommentar ('# …') inne i en text på raderna under sin nyckel: "
     "den är text och kommer med i rapporterna",
     "Ska den vara en kommentar, flytta den ovanför textens nyckel; ska den vara text, ta "
     "bort '# ' först på raden."),
    # The schema of each kind of file
    ("saknat-falt", F, "schema", "En obligatorisk nyckel saknas", "Lägg till nyckeln."),
    ("okant-falt", F, "schema", "En okänd nyckel", "Rätta stavningen eller ta bort nyckeln."),
    ("okand-schemaversion", F, "schema", "En schemaversion som inte stöds",
     "Nyare version: uppgradera utsatta. Ogiltigt värde: skriv schemaversion: 1."),
    ("ogiltigt-varde", F, "schema", "Ett värde som inte är tillåtet",
     "Välj ett av de tillåtna värdena."),
    ("fel-typ", F, "schema", "Ett värde av fel slag (text, tal, lista …)",
     "Skriv värdet i rätt form; text som ser ut som ett tal inom citattecken."),
    ("utanfor-intervall", F, "schema", "Ett tal utanför det tillåtna intervallet",
     "Rätta talet."),
    ("tom-lista", F, "schema", "En lista som inte får vara tom", "Ange minst ett värde."),
    ("ogiltigt-tal", F, "schema", "Ett ogiltigt tal (NaN, oändligt)", "Ange ett vanligt tal."),
    ("for-manga-siffror", F, "schema", "Ett tal med fler än 20 siffror när det skrivs ut, "
     "eller med fler värdesiffror än som sparas",
     "Kontrollera värdet och skriv det som ett vanligt tal utan e, med högst 15 värdesiffror, "
     "t.ex. 15.7."),
    ("ogiltigt-id", F, "schema", "Ett id som inte är små ASCII-bokstäver och bindestreck",
     "Skriv id som socialnamnd-nordost."),
    ("ogiltigt-insats-id", F, "schema", "Ett insats-id som inte har formen \"1:3\"",
     "Skriv insatsens id inom citattecken med kolon."),
    ("ogiltigt-fokusomrade-id", F, "schema", "Ett fokusområdes id som inte är en siffra",
     "Skriv fokusområdets nummer inom citattecken."),
    ("ogiltigt-datum", F, "schema", "Ett datum som inte är ÅÅÅÅ-MM-DD", "Skriv t.ex. 2023-05-31."),
    ("ogiltig-dag", F, "schema", "En dag som inte är ett fullständigt datum ÅÅÅÅ-MM-DD",
     "Skriv hela datumet, t.ex. 2022-12-31."),
    ("ogiltig-url", F, "schema",
     "En adress som inte börjar med https:// eller http://, eller som har ett användarnamn "
     "före '@' (t.ex. https://goteborg.se%2Fx@annan.example/, som leder till annan.example)",
     "Ange hela adressen, kopierad från webbläsarens adressfält."),
    ("tom-text", F, "schema", "En text som är tom",
     "Skriv texten; ta bort nyckeln bara om den är frivillig."),
    ("osynlig-text", F, "schema",
     "En text med bara osynliga tecken (t.ex. U+200B, U+2800, U+3164, mjukt bindestreck), som "
     "rapporten tar bort: texten blir tom där",
     "Skriv texten; ta bort nyckeln bara om den är frivillig."),
    ("uppfoljning-saknar-ar", F, "schema", "En uppföljning en gång utan år", "Ange 'ar'."),
    ("uppfoljning-ar-ej-tillatet", F, "schema", "Ett år för en årlig uppföljning",
     "Ta bort 'ar'."),
    ("malvarde-varde-eller-relativt", F, "schema", "Ett målvärde utan eller med båda formerna",
     "Ange antingen 'varde' eller 'relativt'."),
    ("nationellt-utan-kalla", F, "schema", "Nationella siffror för en upplaga utan källa",
     "Ange 'nationellt_kallor', eller ta bort 'nationellt'."),
    ("berakning-jamfor-med", F, "schema", "En beräkning som saknar eller inte ska ha jämförelse",
     "Rätta 'jamfor_med' efter beräkningens typ."),
    ("grupp-medlemmar-eller-urval", F, "schema", "En grupp utan eller med både medlemmar och urval",
     "Ange antingen 'medlemmar' eller 'urval'."),
    # References between files
    ("dubblett-id", F, "referens", "Samma id två gånger", "Varje id får förekomma en gång."),
    ("dubblett-i-lista", F, "referens",
     "Samma id två gånger i en lista av id (t.ex. 'omraden', 'ansvar', 'kallor'): i 'omraden' "
     "och 'ansvar' räknas det två gånger, i en källista saknas ofta den källa som var menad",
     "Ta bort den ena, eller skriv den källa eller det område som var menat."),
    ("andra-namn-dubblett", V, "referens",
     "En form i 'andra_namn' är redan en annan organisations eller grupps namn",
     "Ta bort formen, eller skriv den som planen skriver just den här organisationen."),
    ("reserverat-filnamn", F, "referens",
     "En organisations eller indikators id är ett filnamn som Windows reserverar (con, nul …)",
     "Välj ett annat id: filerna heter efter det."),
    ("ogiltig-granskare", F, "referens",
     "En granskare som inte är en GitHub-användare eller ett team",
     "Skriv '@användare', '@organisation/team' eller en e-postadress."),
    ("okand-organisation", F, "referens", "En organisation som inte finns i organisationer.yaml",
     "Rätta id eller lägg till organisationen."),
    ("okant-fokusomrade", F, "referens", "Ett fokusområde som inte finns i planen", "Rätta id."),
    ("okand-insats", F, "referens", "En insats som inte finns i planen", "Rätta id."),
    ("okant-mal", F, "referens", "En indikators 'mal' som inte är planens mål eller ett delmål",
     "Skriv 'mal' för planens mål eller ett delmåls id ur plan.yaml."),
    ("dubblett-mal", F, "referens", "Två indikatorer avgör samma mål eller delmål",
     "Ta bort 'mal' i den ena indikatorfilen."),
    ("okant-omrade", F, "referens", "Ett område som inte finns i omraden.yaml", "Rätta id."),
    ("okand-upplaga", F, "referens", "En upplaga av polisens lista som inte finns",
     "Rätta året eller lägg till upplagan."),
    ("okand-kalla", F, "referens", "En källa som inte finns i filens kallor",
     "Rätta id eller lägg till källan."),
    ("ogiltig-giltighet", F, "referens", "Planens giltighetstid börjar efter att den slutar",
     "Rätta 'fran' och 'till'."),
    ("lydelse-stammer-inte", V, "referens",
     "Planens text för en insats ansvar (lydelsen) och id:na bredvid stämmer inte överens",
     "Rätta id:t eller lydelsen. Skriver planen namnet i en annan form, lägg till formen i "
     "organisationens 'andra_namn'. '…_tolkning: slutledd' bara när texten beskriver vilka som "
     "avses utan att nämna dem."),
    ("ar-utanfor-planen", F, "referens", "Ett år utanför planens giltighetstid",
     "Rätta året om det är fel skrivet. Hör filen till en tidigare plan: behåll den i den "
     "planens datamapp (arkiv eller git-historik), en datamapp per plan (--data)."),
    ("malvarde-utanfor-planen", V, "referens",
     "Ett målvärde för ett år utanför planens giltighetstid",
     "Rapporten bedömer inte indikatorn mot det. Ange den nya planens målvärde, eller rätta året."),
    ("dubblett-klassning", F, "referens", "Två klassningar av ett område för samma upplaga",
     "Ta bort den ena."),
    ("dubblett-antal", F, "referens", "Två antal för samma nivå i en upplaga",
     "Ta bort det ena antalet, eller rätta 'niva'."),
    ("antal-motsager-nivaer", F, "referens",
     "Ett antal per nivå som områdenas klassningar motsäger",
     "Rätta antalet efter källan, eller områdenas klassningar för upplagan."),
    ("niva-utan-kalla", F, "referens", "En nivå utan källa",
     "Sätt niva: okand, eller ange källan."),
    ("kalla-saknas", F, "referens", "En klassning utan källa", "Ange 'kallor'."),
    ("kalla-utan-slag", V, "referens",
     "En källa utan slag som en bekräftad nivå anger: rapporten kan inte säga om nivån är "
     "bekräftad av polisen",
     "Skriv slag: polisen, kommunen, press, parti eller tredjepart."),
    ("klassning-saknas", V, "referens", "Ett område saknar klassning för en upplaga",
     "Lägg till den (niva: okand om den inte är känd)."),
    ("filnamn-matchar-inte", F, "referens", "Filens namn stämmer inte med dess id",
     "Byt namn på filen eller rätta id."),
    ("dubblett-malar", F, "referens", "Två målvärden för samma år", "Ta bort det ena."),
    ("dubblett-utfall", F, "referens", "Två utfall för samma år, område och kön",
     "Ta bort det ena."),
    ("procent-utanfor-intervall", F, "referens", "En procentsats utanför 0–100",
     "Skriv 15.7 för 15,7 %."),
    ("kalla-fore-aret", V, "referens",
     "Ett utfall eller en baslinje hänvisar till en källa vars datum är från ett tidigare år än "
     "värdet",
     "Rätta källans datum, värdets år eller vilken källa värdet hänvisar till."),
    ("negativt-varde", F, "referens",
     "Ett negativt värde (utfall, baslinje eller målvärde) för en enhet som inte kan vara "
     "negativ: antal, per-100000-invanare eller meritvarde",
     "Skriv värdet som källan anger."),
    ("utfall-saknas", V, "referens", "En indikator utan utfall och beräkning",
     "Lägg till utfall, eller 'saknas' med skälet."),
    ("matintervall-stammer-inte", V, "referens",
     "Ett mätintervall som inte stämmer med utfallen eller gäller en beräkning",
     "Rätta året eller 'matintervall', eller ta bort det."),
    ("jamfor-med-inte-baslinjen", V, "referens",
     "En baslinje av ett annat år än upplagan som nya områden jämförs med",
     "Ta bort 'baslinje', eller låt 'jamfor_med' vara baslinjens år."),
    ("fel-ar-i-mapp", F, "referens", "Rapportens år stämmer inte med mappen",
     "Flytta filen dit 'ar' (och 'organisation') säger, eller rätta 'ar'."),
    ("tom-kontakt", V, "referens", "En rapport med tom 'kontakt'",
     "Skriv namn och e-postadress till kontaktpersonen, eller ta bort nyckeln."),
    ("motsagande-bedomning", V, "referens",
     "En insats som är avbruten eller inte påbörjad men bedöms nå sitt resultat",
     "Rätta status eller bedomning så att de stämmer med varandra."),
    ("motsagande-omraden", V, "referens", "En insats som inte är påbörjad men når områden",
     "Skriv status: pagaende, eller ta bort omraden."),
    ("dubblett-insats", F, "referens", "Samma insats två gånger i en rapport",
     "Gäller den andra posten en annan insats (en kopierad post): rätta dess id; annars slå "
     "ihop posterna."),
    ("ej-ansvarig", F, "referens", "En insats som organisationen inte har ansvar för",
     "Ta bort posten."),
    ("ej-samordnande", V, "referens", "'samordning' från den som inte samordnar",
     "Flytta texten till 'nulage'."),
    ("bedomning-utan-malvarde", V, "referens",
     "En bedömning av hur långt ett mål är nått, utan målvärde att mäta mot",
     "Skriv 'kan-inte-bedomas', eller ge en indikator ett målvärde med källa."),
    ("bedomning-utan-underlag", V, "referens",
     "En bedömning av hur långt ett mål är nått, när ingen av fokusområdets indikatorer kan "
     "bedömas för året",
     "Skriv 'kan-inte-bedomas', eller lägg till de utfall som saknas."),
    ("url-otillatet-tecken", V, "referens",
     "En källas eller en upplagas (omraden.yaml) webbadress har ett tecken som ingen webbadress "
     "får ha (t.ex. ett citattecken, också ett typografiskt) eller resten av en Markdown-länk: "
     "oftast en rest av en inklistring",
     "Kopiera adressen på nytt från webbläsarens adressfält."),
    ("bedomning-motsager-indikator", V, "referens",
     "En bedömning som går emot en kopplad indikators status",
     "Se över bedömningen eller förklara i 'motivering'."),
    ("beslut-fore-aret", V, "referens",
     "Ett beslut om ett års uppföljning är daterat före årets slut",
     "Rätta året i 'datum': beslutet fattas året efter."),
    ("beslut-langt-efter-aret", V, "referens",
     "Ett beslut om ett års uppföljning är daterat mer än två år efter året",
     "Rätta året i 'datum': beslutet fattas året efter."),
    ("status-bakat", V, "referens",
     "En insats är 'ej-paborjad' fast samma organisation (eller den den tog över insatsen från) "
     "rapporterade den som påbörjad eller genomförd ett tidigare år i planperioden",
     "Rätta 'status' i år, eller i den tidigare rapporten om den var fel."),
    ("malbedomning-motsager-utfall", V, "referens",
     "Slutuppföljningens bedömning av målet eller ett delmål går emot det beräknade utfallet "
     "(Nått/Inte nått) för planens sista år",
     "Rätta 'bedomning'; bygger den på en säkrare källa än ett obekräftat värde: lägg till "
     "källan i filens 'kallor', ange dess id i bedömningens 'kallor' med 'sakerhet: "
     "bekraftad' och förklara skillnaden i 'text'."),
    ("visas-som-text", V, "referens",
     "En länk, bild, referens, HTML-kod, ett kodblock (indrag eller ```), ett citat ('>'), en "
     "rubrik ('#'), en linje ('---'), en tabell ('|'), genomstruken text ('~~' eller '~') "
     "eller en lista djupare än nio nivåer som rapporten inte visar som i förhandsvisningen (i "
     "ett namn eller en titel: Markdown, som visas som den är skriven)",
     "Skriv adressen i texten om läsaren behöver den; i en nämnds text Markdown i stället för "
     "HTML, utan extra indrag, ```-rader, '>' och '#' först på raden, '---'-rader, tabeller "
     "och '~~' eller '~' runt text och med högst nio listnivåer; i ett namn eller en titel "
     "varken Markdown eller HTML."),
    # Organisations over time
    ("organisation-upphord", F, "referens",
     "En rapport för ett år efter att organisationen upphört",
     "Flytta innehållet till efterföljarens rapport och ta bort filen."),
    ("organisation-ej-bildad", F, "referens",
     "En rapport för ett år innan organisationen bildades",
     "Flytta innehållet till föregångarens rapport och ta bort filen."),
    ("organisation-upphorde-under-aret", V, "referens",
     "En rapport från en organisation som upphörde under året (efterföljaren rapporterar året)",
     "Flytta innehållet till efterföljarens rapport."),
    ("giltighet-omvand", F, "referens", "'giltig_fran' ligger efter 'giltig_till'",
     "Rätta datumen."),
    ("efterfoljare-utan-slut", F, "referens", "Efterföljare angivna utan 'giltig_till'",
     "Ange när organisationen upphörde, eller ta bort 'efterfoljare'."),
    ("efterfoljare-sig-sjalv", F, "referens", "En organisation anges som sin egen efterföljare",
     "Ange den organisation som tog över."),
    ("okand-efterfoljare", F, "referens", "En efterföljare som inte finns i organisationer.yaml",
     "Rätta id eller lägg till organisationen."),
    ("upphor-utan-efterfoljare", V, "referens",
     "En organisation med ansvar i planen upphör inom planperioden utan efterföljare",
     "Ange vem som tog över under 'efterfoljare' med källa, eller skriv 'efterfoljare: []' "
     "och en 'kommentar' som säger varför ingen gjorde det."),
    ("efterfoljare-tacker-inte-allt", V, "referens",
     "Efterföljarna till en organisation som upphör inom planperioden tar bara över en del av "
     "dess ansvar i planen",
     "Lägg till insatsen under 'insatser' hos den efterföljare som tog över den, eller skriv "
     "en 'kommentar' för organisationen som säger varför ingen gjorde det."),
    ("efterfoljare-borjar-senare", V, "referens",
     "En efterföljare bildades senare än dagen efter att föregångaren upphörde, inom "
     "planperioden: ingen hade föregångarens ansvar dagarna emellan",
     "Rätta 'giltig_till' eller efterföljarens 'giltig_fran', lägg till den organisation som "
     "hade insatserna emellan, eller skriv en 'kommentar' under efterföljaren som säger varför "
     "ingen hade dem."),
    ("efterfoljare-upphor-forst", V, "referens",
     "En efterföljare upphörde samma dag som eller innan föregångaren upphörde, inom "
     "planperioden, och tog aldrig över något",
     "Rätta 'giltig_till' för efterföljaren eller föregångaren, eller ange den organisation "
     "som tog över."),
    ("efterfoljare-insats-utan-ansvar", V, "referens",
     "En efterföljare tar över en insats som föregångaren inte hade ansvar för",
     "Rätta insatsens id under efterföljarens 'insatser', eller ta bort det."),
    # utsatta fmt
    ("kan-inte-formateras", F, "fmt",
     "Filen formateras inte (den har fel, ovanliga tecken eller en lista som läses som en rad)",
     "Rätta felet först; kör 'utsatta validate --data MAPP' med din datamapp."),
    ("fmt-formateras-om", F, "fmt",
     "Filen har inte utsatta fmt:s layout (fmt --check; med --bara-visa en varning)",
     "Ändra raden som meddelandet anger (det går i GitHubs webbredigerare) eller kör "
     "utsatta fmt."),
    ("fmt-internt-fel", F, "fmt", "Formateringen hade ändrat innehållet; filen lämnas orörd",
     "Rapportera felet till utsattas utvecklare."),
    ("fmt-okand-fil", F, "fmt", "Filen är ingen datafil som utsatta känner till",
     "Ange en datafil (plan.yaml, rapporter/<år>/<organisation>.yaml …) eller en mapp."),
    ("fmt-lank", F, "fmt", "Filen är en symbolisk länk och formateras inte",
     "Formatera filen som länken pekar på."),
    ("fmt-fil-andrad", F, "fmt", "Filen ändrades medan den formaterades och lämnades som den var",
     "Kör utsatta fmt igen när filen inte längre ändras."),
    ("fmt-kan-inte-skriva", F, "fmt",
     "Den formaterade filen kunde inte skrivas (exitkod 120)",
     "Rätta orsaken som meddelandet säger (behörighet, full disk, skrivskyddat filsystem) och "
     "kör utsatta fmt igen."),
    ("fmt-skrivning-vagrad", F, "fmt",
     "Den formaterade filen skrevs inte: målet får inte skrivas (exitkod 4)",
     "Gör som meddelandet säger (ingen länk, en vanlig fil i datamappen, inget skrivskydd) och "
     "kör utsatta fmt igen."),
    # Completeness
    ("for-manga-ansvar", F, "fullständighet",
     f"Planen kan ge fler än {heltal(MAX_DUTIES)} ansvar (insats × organisation) per år",
     "Minska antalet insatser som nämner stora grupper, eller skriv ut organisationerna."),
    ("insats-saknas", F, "fullständighet", "En rapport saknar en insats som ska rapporteras",
     "Lägg till en post per insats, eller rätta id:t i en kopierad post som gäller den."),
    ("rapport-saknas", V, "fullständighet", "En organisation har inte lämnat sin rapport",
     "Skapa den med 'utsatta ny rapport ÅR ORGANISATION'; nämner meddelandet en fil som ser ut "
     "att vara den, rätta den filen i stället."),
    ("kan-inte-kontrolleras", V, "fullständighet",
     "En kontroll som läser en annan fil kunde inte göras, eftersom den filen har fel",
     "Rätta felet i filen som meddelandet nämner (fil:rad:kolumn) och kör kontrollen igen."),
    # The analysts' layer, uppfoljning/<år>.yaml
    ("uppfoljning-saknas", V, "fullständighet",
     "Den samlade uppföljningen för ett år saknas",
     "Skapa den med 'utsatta ny uppfoljning ÅR'."),
    ("delmal-bedomning-saknas", F, "fullständighet", "Ett delmål saknar bedömning",
     "Lägg till en bedömning för delmålet."),
    ("fokusomrade-bedomning-saknas", F, "fullständighet", "Ett fokusområde saknar bedömning",
     "Lägg till en bedömning för fokusområdet."),
    ("mal-bedomning-saknas", F, "fullständighet", "Planens sista år saknar bedömning av målet",
     "Lägg till 'mal:' med en slutlig bedömning."),
    ("uppdrag-status-saknas", F, "fullständighet", "Ett övrigt uppdrag saknar status för året",
     "Lägg till uppdraget med status och en kort redovisning."),
    ("slutuppfoljning-saknas", F, "fullständighet",
     "Planens sista år saknar lärdomar och förslag",
     "Skriv 'slutuppfoljning:' med 'lardomar' och 'forslag'."),
    ("slutuppfoljning-for-tidigt", F, "referens",
     "Lärdomar och förslag före planens sista år",
     "Flytta texten till sista årets fil eller till 'fortsatt_arbete'."),
    ("bedomning-for-tidigt", F, "referens", "En slutlig bedömning före planens sista år",
     "Skriv bedoms-uppnas, osakert, bedoms-inte-uppnas eller kan-inte-bedomas."),
    ("sakerhet-saknas", F, "referens", "En bedömning med källor men utan säkerhet",
     "Lägg till 'sakerhet: bekraftad', 'sekundar' eller 'slutledd'."),
    ("okant-delmal", F, "referens", "Ett delmål som inte finns i planen", "Rätta id."),
    ("okant-uppdrag", F, "referens", "Ett övrigt uppdrag som inte finns i planen", "Rätta id."),
    ("uppdrag-efter-tidsplan", V, "referens",
     "Ett övrigt uppdrag är pågående eller ej påbörjat i ett års uppföljning, fast tidsplanen i "
     "planen har passerats vid årets slut",
     "Skriv i 'redovisning' hur det står med tidsplanen (ny tidsplan, beslut, eller att den "
     "har passerats), eller ändra 'status' om uppdraget är genomfört eller avslutat."),
    ("okant-behov", F, "referens", "Ett tidigare behov som inte finns i rapporterna",
     "Kontrollera år, organisation, insats och nummer."),
    ("dubblett-behov", F, "referens", "Samma tidigare behov två gånger", "Slå ihop posterna."),
    ("behov-fel-ar", F, "referens", "Ett tidigare behov från samma eller ett senare år",
     "Rätta 'ar' eller ta bort posten."),
)  # fmt: skip


class Codes(dict[str, Code]):
    """Every finding code (``Finding.code``) → its ``Code``: severity, Swedish title, what to
    do, and the stage that finds it. The README's table of codes is made from it."""


CODES = Codes({c: Code(c, sev, title, hint, stage) for c, sev, stage, title, hint in _TABLE})


def markdown_table() -> str:
    """The README's table of codes."""
    lines = ["| Kod | Allvarlighet | Vad | Vad du gör |", "|---|---|---|---|"]
    for c in CODES.values():
        lines.append(f"| `{c.code}` | {c.severity} | {_cell(c.title)} | {_cell(c.hint)} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    # A '|' in a hint ('nyckel: |') would end the cell and break the row in a GitHub table.
    return text.replace("|", "\\|")
