"""The table of words people write for coded values (utsatta.synonyms)."""

from __future__ import annotations

from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from utsatta.model import common, indikator, omraden, organisationer, plan, rapport
from utsatta.synonyms import CODES, SYNONYMS, normalise, suggest_value


def test_codes_are_those_of_the_models() -> None:
    assert CODES["status"] == get_args(rapport.Status)
    assert CODES["bedomning"] == get_args(rapport.Bedomning)
    assert CODES["sakerhet"] == get_args(common.Sakerhet)
    assert CODES["riktning"] == get_args(indikator.Riktning)
    assert CODES["metod"] == get_args(indikator.Metod)
    assert CODES["niva"] == get_args(omraden.Niva)
    assert CODES["kon"] == get_args(indikator.Kon)
    typ = (
        get_args(organisationer.Organisation.model_fields["typ"].annotation)
        + get_args(plan.UppfoljningsTyp)
        + get_args(indikator.Berakning.model_fields["typ"].annotation)
    )
    assert sorted(CODES["typ"]) == sorted(typ)


@pytest.mark.parametrize(
    ("field", "written", "code"),
    [
        ("status", "klar", "genomford"),
        ("status", "Klart", "genomford"),
        ("status", "färdig", "genomford"),
        ("status", "avslutad", "genomford"),
        ("status", "Genomförd", "genomford"),
        ("status", "pågår", "pagaende"),
        ("status", "Pågående", "pagaende"),
        ("status", "påbörjad", "pagaende"),
        ("status", "igång", "pagaende"),
        ("status", "i gång", "pagaende"),
        ("status", "försenad", "forsenad"),
        ("status", "sen", "forsenad"),
        ("status", "ej startad", "ej-paborjad"),
        ("status", "inte startad", "ej-paborjad"),
        ("status", "ej påbörjad", "ej-paborjad"),
        ("status", "Ej_påbörjad", "ej-paborjad"),
        ("status", "ej-startad", "ej-paborjad"),
        ("status", "ej – påbörjad", "ej-paborjad"),
        ("status", "avbruten", "avbruten"),
        ("status", "stoppad", "avbruten"),
        ("status", "inställd", "avbruten"),
        ("status", "avslutad i förtid", "avbruten"),
        ("bedomning", "uppnått", "uppnatt"),
        ("bedomning", "klart", "uppnatt"),
        ("bedomning", "osäkert", "osakert"),
        ("bedomning", "vet ej", "osakert"),
        ("bedomning", "bedöms uppnås", "bedoms-uppnas"),
        ("bedomning", "kommer att uppnås", "bedoms-uppnas"),
        ("bedomning", "bedöms ej uppnås", "bedoms-inte-uppnas"),
        ("bedomning", "Bedöms inte uppnås", "bedoms-inte-uppnas"),
        ("bedomning", "ej uppnått", "inte-uppnatt"),
        ("bedomning", "inte uppnått", "inte-uppnatt"),
        ("sakerhet", "bekräftat", "bekraftad"),
        ("sakerhet", "sekundär", "sekundar"),
        ("sakerhet", "härledd", "slutledd"),
        ("riktning", "högre är bättre", "hogre-ar-battre"),
        ("riktning", "lägre", "lagre-ar-battre"),
        ("niva", "särskilt utsatt", "sarskilt-utsatt"),
        ("nivaer", "Riskområde", "riskomrade"),
        ("niva", "inte på listan", "ej-pa-listan"),
        ("kon", "k", "K"),
        ("kon", "kvinnor", "K"),
        ("kon", "män", "M"),
        ("kon", "totalt", "T"),
        ("typ", "nämnd", "namnd"),
        ("typ", "KS", "kommunstyrelse"),
        ("typ", "årlig", "arlig"),
        ("typ", "en gång", "en-gang"),
        ("metod", "förväntad bana", "forvantad-bana"),
        ("metod", "CAGR", "cagr"),
    ],
)
def test_suggest_value(field: str, written: str, code: str) -> None:
    assert suggest_value(field, written) == code


@pytest.mark.parametrize(
    ("field", "written"),
    [
        ("status", "gul"),
        ("status", ""),
        ("status", "  "),
        ("bedomning", "klar som en kristall"),
        ("nulage", "klar"),  # a free text, not a coded value
        ("okant-falt", "klar"),
        ("kon", "x"),
    ],
)
def test_no_suggestion(field: str, written: str) -> None:
    assert suggest_value(field, written) is None


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("  Ej_Påbörjad. ", "ej-paborjad"),
        ('"Pågående"', "pagaende"),
        ("HÖGRE  är\tbättre", "hogre-ar-battre"),
        ("ej\u200bstartad", "ejstartad"),
        ("e\u0301", "e"),
        ("a/b", "a-b"),
        ("---", ""),
    ],
)
def test_normalise(written: str, normal: str) -> None:
    assert normalise(written) == normal


def test_table_is_consistent() -> None:
    """Every key is normalised, no synonym is another field value's code, and every target
    is a code of its field."""
    for field, table in SYNONYMS.items():
        codes = {normalise(c) for c in CODES[field]}
        for word, code in table.items():
            assert normalise(word) == word, (field, word)
            assert code in CODES[field], (field, code)
            assert word not in codes, (field, word)


@given(field=st.sampled_from([*CODES, "nulage"]), written=st.text(max_size=40))
def test_total(field: str, written: str) -> None:
    result = suggest_value(field, written)
    assert result is None or result in CODES[field]
