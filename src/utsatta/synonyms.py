"""The words people actually write for the coded values, and the code each one means.

A civil servant writes ``status: klar``, ``status: Pågående`` or ``status: ej startad``; the
file needs ``genomford``, ``pagaende`` and ``ej-paborjad``. :func:`suggest_value` normalises
what was written (case, å/ä/ö and other diacritics, spaces, underscores and dashes) and looks it
up among the codes and in a table of synonyms, so a message can say "Menade du 'genomford'?"
where a spelling distance would find nothing (``klar`` is nowhere near ``genomford``).

Pure data and functions: no imports from the rest of utsatta. tests/test_synonyms.py checks
that the codes here are exactly those of the models.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["CODES", "KEY_SYNONYMS", "SYNONYMS", "normalise", "suggest_key", "suggest_value"]

#: The codes of each field with coded values, as the models define them. ``nivaer`` is a list
#: of ``niva``; ``typ`` is the field name of three models (organisation, uppföljning, beräkning)
#: whose codes do not overlap.
CODES: dict[str, tuple[str, ...]] = {
    "status": ("ej-paborjad", "pagaende", "genomford", "forsenad", "avbruten"),
    "bedomning": ("uppnatt", "bedoms-uppnas", "osakert", "bedoms-inte-uppnas", "inte-uppnatt"),
    "sakerhet": ("bekraftad", "sekundar", "slutledd", "saknas"),
    "riktning": ("hogre-ar-battre", "lagre-ar-battre"),
    "metod": ("forvantad-bana", "cagr", "cagr-mal", "trend"),
    "niva": (
        "utsatt",
        "riskomrade",
        "sarskilt-utsatt",
        "pa-listan-niva-okand",
        "ej-pa-listan",
        "okand",
    ),
    "kon": ("T", "K", "M"),
    "typ": (
        "namnd",
        "bolag",
        "kommunstyrelse",
        "arlig",
        "en-gang",
        "under-planperioden",
        "antal-omraden",
        "nya-omraden",
    ),
}
CODES["nivaer"] = CODES["niva"]

# Keys are normalised (see normalise): lower case, no diacritics, words joined by "-".
_STATUS = {
    "genomford": (
        "klar klart klara fardig fardigt fardiga avslutad avslutat avslutade slutford slutfort "
        "genomfort genomforda fullfoljd fullfoljt utford utfort fardigstalld fardigstallt "
        "levererad levererat implementerad implementerat klar-och-avslutad"
    ),
    "pagaende": (
        "pagar paborjad paborjat paborjade igang i-gang pagande startad startat startade "
        "under-arbete arbete-pagar pa-gang aktiv aktivt fortlopande fortgar fortgaende "
        "under-genomforande"
    ),
    "forsenad": (
        "sen sent sena forsenat forsenade forsening fordrojd fordrojt forskjuten forskjutet "
        "uppskjuten uppskjutet efter-tidplan efter-tidsplan bakom-tidplan bakom-tidsplan"
    ),
    "ej-paborjad": (
        "ej-startad ej-startat inte-startad inte-startat ej-paborjat inte-paborjad inte-paborjat "
        "icke-paborjad ej-igang inte-igang ej-borjat inte-borjat ej-paborjade ejpaborjad "
        "inte-paborjade ej-inledd inte-inledd planerad planerat"
    ),
    "avbruten": (
        "avbrutet avbrutna avbryten stoppad stoppat stoppade installd installt installda "
        "nedlagd nedlagt struken struket upphord upphort avslutad-i-fortid avslutat-i-fortid "
        "lagd-pa-is lagt-pa-is"
    ),
}
_BEDOMNING = {
    "uppnatt": (
        "uppnadd uppnadda uppnatts klart klar nadd natt uppfyllt uppfylld uppfyllda ja "
        "malet-uppnatt malet-ar-uppnatt"
    ),
    "bedoms-uppnas": (
        "kommer-att-uppnas kommer-uppnas bedoms-nas troligen-uppnas uppnas pa-vag pa-god-vag "
        "bedomt-uppnas bedoms-uppnas-under-perioden forvantas-uppnas"
    ),
    "osakert": (
        "osaker oklart oklar vet-ej vet-inte ovisst oviss ej-bedomt inte-bedomt "
        "kan-inte-bedomas kan-ej-bedomas svarbedomt okant"
    ),
    "bedoms-inte-uppnas": (
        "bedoms-ej-uppnas kommer-inte-att-uppnas kommer-ej-att-uppnas kommer-inte-uppnas "
        "uppnas-inte uppnas-ej troligen-inte troligen-inte-uppnas nas-inte bedoms-inte-nas "
        "forvantas-inte-uppnas"
    ),
    "inte-uppnatt": (
        "ej-uppnatt icke-uppnatt inte-natt ej-natt ouppnatt misslyckat misslyckad nej "
        "uppnaddes-inte uppnaddes-ej inte-uppnadd ej-uppnadd"
    ),
}
_SAKERHET = {
    "bekraftad": "bekraftat bekraftade saker sakert verifierad verifierat kontrollerad primar",
    "sekundar": "sekundart andrahand andrahandskalla sekundarkalla",
    "slutledd": "slutlett harledd harlett beraknad beraknat uppskattad uppskattat",
    "saknas": "saknad okand okant finns-inte ingen ej-kand",
}
_RIKTNING = {
    "hogre-ar-battre": "hogre hog okande upp uppat storre-ar-battre mer-ar-battre hogre-battre",
    "lagre-ar-battre": (
        "lagre lag minskande ned ner nedat mindre-ar-battre farre-ar-battre lagre-battre"
    ),
}
_NIVA = {
    "sarskilt-utsatt": "sarskilt-utsatta sarskilt-utsatt-omrade sarskilt",
    "utsatt": "utsatta utsatt-omrade",
    "riskomrade": "riskomraden risk risk-omrade",
    "ej-pa-listan": "inte-pa-listan ej-listad inte-listad ej-utsatt inte-utsatt",
    "okand": "okant vet-ej",
}
_KON = {
    "T": "totalt total alla bada samtliga",
    "K": "kvinnor kvinna kvinnlig flickor",
    "M": "man mannen manlig pojkar",
}
_TYP = {
    "namnd": "namnden nemnd",
    "bolag": "bolaget kommunalt-bolag aktiebolag ab foretag",
    "kommunstyrelse": "kommunstyrelsen ks",
    "arlig": "arligen varje-ar arsvis",
    "en-gang": "engang en-gangs engangs",
    "under-planperioden": "under-perioden planperioden",
    "antal-omraden": "antal antal-omrade",
    "nya-omraden": "nya nytillkomna nya-omrade",
}
_METOD = {
    "forvantad-bana": "bana forvantad",
    "cagr-mal": "cagr-malvarde",
}


def _table(words: dict[str, str]) -> dict[str, str]:
    return {word: code for code, text in words.items() for word in text.split()}


#: For each field: a normalised word people write → the code it means.
SYNONYMS: dict[str, dict[str, str]] = {
    "status": _table(_STATUS),
    "bedomning": _table(_BEDOMNING),
    "sakerhet": _table(_SAKERHET),
    "riktning": _table(_RIKTNING),
    "metod": _table(_METOD),
    "niva": _table(_NIVA),
    "kon": _table(_KON),
    "typ": _table(_TYP),
}
SYNONYMS["nivaer"] = SYNONYMS["niva"]

#: What people write for a key, in English or in other Swedish words, and the keys of the files
#: it may mean, most likely first: the first one that the mapping can have (and lacks) is the
#: one suggested ('results' on a report's top level is 'insatser', in an indicator 'utfall').
#: Normalised as the values are (``normalise``: 'Next steps' → 'next-steps'). See
#: docs/decisions/0622-nycklar-och-namn-efter-betydelse.md.
_KEYS: dict[str, str] = {
    "kommentar": (
        "comment comments remark remarks note notes notering noteringar anmarkning anmarkningar "
        "kommentarer"
    ),
    "motivering": (
        "motivation reason reasons rationale justification grounds explanation skal orsak "
        "forklaring comment comments"
    ),
    "nulage": (
        "description current-status current-situation situation progress status-description "
        "beskrivning lage lagesbeskrivning nulaget nuvarande-lage genomfort resultat result "
        "outcome"
    ),
    "definition": "description beskrivning definitions",
    "text": "description beskrivning",
    "fortsatt_arbete": (
        "next-steps nextsteps next-step further-work future-work continued-work follow-up "
        "planned-work plans measures actions atgarder fortsatt-arbete-framover framat "
        "fortsattning kommande-arbete nasta-steg planerade-atgarder"
    ),
    "insatser": (
        "results measures actions initiatives interventions activities items reports "
        "insatserna atgarder aktiviteter rapporter"
    ),
    "utfall": "results result outcomes outcome values measurements",
    "insats": (
        "measure action initiative intervention activity item insatsnummer insats-id atgard "
        "aktivitet nummer"
    ),
    "ar": "year yr arr artal aret rapportar",
    "organisation": (
        "organization org organisations-id organization-id namnd namnden committee board "
        "forvaltning bolag styrelse reporter author avsandare"
    ),
    "omraden": "areas districts neighbourhoods neighborhoods omrade stadsdelar",
    "omrade": "area district neighbourhood neighborhood",
    "bedomning": "assessment evaluation judgement judgment rating verdict grade utvardering",
    "behov": "needs need requirements behoven",
    "samordning": "coordination samordnande samordnad-bedomning",
    "kontakt": "contact contact-person kontaktperson kontaktpersoner email e-post",
    "schemaversion": "version schema schema-version",
    "illustrativ": "illustrative example exempel",
    "namn": "name title benamning",
    "titel": "title rubrik",
    "kallor": "sources references kalla",
    "kalla": "source reference",
    "datum": "date dated",
    "varde": "value",
    "malvarden": "targets goals target-values",
    "baslinje": "baseline",
    "enhet": "unit",
    "riktning": "direction",
    "metod": "method",
    "typ": "type kind",
    "medlemmar": "members",
    "granskare": "reviewers reviewer",
    "beslut": "decisions decision",
    "lardomar": "lessons lessons-learned lardom",
    "forslag": "proposals suggestions recommendations",
}


def _key_table(words: dict[str, str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for key, text in words.items():
        for word in text.split():
            table[word] = (*table.get(word, ()), key)
    return table


#: A normalised word people write for a key → the keys it may mean, most likely first.
KEY_SYNONYMS: dict[str, tuple[str, ...]] = _key_table(_KEYS)

_SEPARATORS = re.compile(r"[\s_\-\u2010-\u2015/]+")
_EDGES = " \t'\"`´‘’“”.,;:!?()[]{}"


def normalise(written: str) -> str:
    """What a word is when case, diacritics and spacing are set aside: lower case, å/ä → a,
    ö → o, é → e (any combining mark dropped), invisible format characters dropped, quotes and
    punctuation at the ends dropped, and runs of spaces, underscores, slashes and dashes made
    one "-": ``"  Ej_Påbörjad. "`` → ``"ej-paborjad"``."""
    text = unicodedata.normalize("NFKD", written.casefold())
    text = "".join(
        c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    return _SEPARATORS.sub("-", text.strip(_EDGES)).strip("-")


def suggest_value(field: str, written: str) -> str | None:
    """The code someone who wrote ``written`` for ``field`` most likely meant, or None.

    ``suggest_value("status", "Klar")`` is ``"genomford"``, ``suggest_value("status",
    "ej startad")`` is ``"ej-paborjad"``, ``suggest_value("status", "Pågående")`` is
    ``"pagaende"``. A value that is already a code gives that code; a field without coded
    values, or a word not in the table, gives None (leave it to a spelling suggestion).
    """
    codes = CODES.get(field)
    if codes is None:
        return None
    word = normalise(written)
    if not word:
        return None
    for code in codes:
        if normalise(code) == word:
            return code
    return SYNONYMS[field].get(word)


def suggest_key(written: str, options: Iterable[str]) -> str | None:
    """The key among ``options`` that someone who wrote the key ``written`` most likely meant
    by its meaning ('comment' → 'motivering' in a report's post, 'year' → 'ar'), or None
    (leave it to a spelling suggestion). ``suggest_key("results", ["insatser"])`` is
    ``"insatser"``."""
    meanings = KEY_SYNONYMS.get(normalise(written))
    if not meanings:
        return None
    allowed = set(options)
    return next((key for key in meanings if key in allowed), None)
