"""Building blocks shared by the file models: strict base, id types, sources."""

import math
import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetCoreSchemaHandler
from pydantic.json_schema import WithJsonSchema
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from utsatta.escape import prose, shorten
from utsatta.model.date_forms import (
    Corrected,
    corrected_date,
    no_such_day,
    why_no_day,
    why_other_form,
)
from utsatta.numbers import WrittenFloat

SCHEMAVERSION = 1


class Strict(BaseModel):
    """Unknown keys are errors, and YAML's loose typing is not second-guessed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class Check:
    """A check after the type's own validation, like pydantic's ``AfterValidator`` for a function
    of the value alone, with the same schema; pydantic's inspects the function's signature at
    every field that uses the type (130 fields), which is 5 % of building the models."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.func, handler(source))


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_INSATS_ID = re.compile(r"[1-9][0-9]*:[1-9][0-9]*\Z")
_FOKUS_ID = re.compile(r"[1-9][0-9]*\Z")
_DATUM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_URL = re.compile(r"https?://\S+\Z")
#: The end of a user name in an address's authority, as written or encoded (also as
#: full-width '＠' and small '﹫', which a browser's IDNA mapping makes '@').
_USER_INFO = ("@", "%40", "\uff20", "\ufe6b")


def _id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "ogiltigt-id",
            "'{value}' är inte ett giltigt id. Ett id skrivs med små bokstäver a–z, siffror och "
            "bindestreck, utan å, ä, ö och mellanslag (t.ex. 'socialnamnd-nordost').",
            {"value": shorten(value)},
        )
    return value


#: Quotes from Word and web pages, which YAML reads as part of the text (only " and ' quote).
_TYPOGRAPHIC_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2033\u2032"


def _typographic(value: str, pattern: re.Pattern[str]) -> str | None:
    """``value`` without typographic quotes around it, when that is a valid value."""
    inner = value.strip().strip(_TYPOGRAPHIC_QUOTES + "\"'").strip()
    if inner != value and value.strip()[:1] in _TYPOGRAPHIC_QUOTES and pattern.match(inner):
        return inner
    return None


def _quotes_message(value: str, inner: str) -> str:
    return (
        f"'{shorten(value)}' har typografiska citattecken (”…”, ofta från Word), som YAML läser "
        f'som en del av texten. Skriv raka citattecken: "{inner}".'
    )


def _insats_id(value: str) -> str:
    if not _INSATS_ID.match(value):
        inner = _typographic(value, _INSATS_ID)
        # "2 4", "2 - 4", "2.4": one way to match each (possessive), so one pass (decision 0310).
        parts = re.fullmatch(
            r"\s*+([1-9][0-9]*+)(?:\s*+[.,;/\-\u2013\u2014]|\s)\s*+([1-9][0-9]*+)\s*+", value
        )
        # 'Insats 1:5', '1:5 Skolan som arena': the id with words around it
        within = (
            re.search(r"(?<![0-9])([1-9][0-9]{0,2})\s?:\s?([1-9][0-9]{0,2})(?![0-9])", value)
            if len(value) <= 1000
            else None
        )
        if inner is not None:
            message = _quotes_message(value, inner)
        elif within is not None:
            message = (
                f"'{shorten(value)}' är inte ett insats-id: skriv bara id:t, "
                f'"{within.group(1)}:{within.group(2)}" (inom citattecken), utan ord före '
                "eller efter."
            )
        elif parts is not None:
            message = (
                f"'{shorten(value)}' är inte ett insats-id: fokusområdets och insatsens nummer "
                f'skiljs med kolon. Skriv "{parts.group(1)}:{parts.group(2)}" (inom citattecken).'
            )
        else:
            message = (
                f"'{shorten(value)}' är inte ett insats-id. Skriv det som i planen: "
                "fokusområdets nummer, kolon och insatsens nummer, inom citattecken (t.ex. "
                '"2:4" för insats 2:4).'
            )
        raise PydanticCustomError("ogiltigt-insats-id", message)  # no context: as it is
    return value


def _fokus_id(value: str) -> str:
    if not _FOKUS_ID.match(value):
        inner = _typographic(value, _FOKUS_ID)
        message = (
            _quotes_message(value, inner)
            if inner is not None
            else f"'{shorten(value)}' är inte ett fokusområdes-id. Skriv numret inom "
            'citattecken, t.ex. "2".'
        )
        raise PydanticCustomError("ogiltigt-fokusomrade-id", message)
    return value


def _datum(value: str) -> str:
    m = _DATUM.match(value)
    ok = m is not None
    why = ""
    if m is not None and m.group(2) is not None:
        month = int(m.group(2))
        ok = 1 <= month <= 12
        if not ok:
            why = f" Månaden {m.group(2)} finns inte: den ska vara 01–12."
        elif m.group(3) is not None:
            reason = no_such_day(int(m.group(1)), month, int(m.group(3)))
            if reason is not None:
                ok = False
                why = f" Dagen finns inte: {reason}."
    if not ok and (corrected := corrected_date(value, whole=False)) is not None:
        raise corrected_error("ogiltigt-datum", value, corrected)
    if not ok:
        why = why or why_other_form(value) or ""
        raise PydanticCustomError(
            "ogiltigt-datum",
            "'{value}' är inte ett datum.{why} Skriv ÅÅÅÅ-MM-DD (t.ex. 2023-12-05), eller "
            "ÅÅÅÅ-MM eller ÅÅÅÅ om bara det är känt.",
            {"value": shorten(value), "why": why},
        )
    return value


def corrected_error(
    code: str, value: str, corrected: Corrected, what: str = ""
) -> PydanticCustomError:
    """The error for a date written in another form (``date_forms.corrected_date``): what
    differs and the date to write (``what``: " beslutsdagen som" where the key is a decision's
    day)."""
    return PydanticCustomError(
        code,
        "'{value}' {why} Skriv{what} {date}.{other}",
        {
            "value": shorten(value),
            "why": corrected.why,
            "what": what,
            "date": corrected.date,
            "other": corrected.other,
        },
    )


def _dag(value: str) -> str:
    why = why_no_day(value)
    ok = why == ""
    if not ok and (corrected := corrected_date(value, whole=True)) is not None:
        raise corrected_error("ogiltig-dag", value, corrected)
    if not ok:
        why = why or why_other_form(value)
        raise PydanticCustomError(
            "ogiltig-dag",
            "'{value}' är inte ett {what}.{why} Skriv ÅÅÅÅ-MM-DD (t.ex. 2022-12-31).",
            {
                "value": shorten(value),
                "what": "datum" if why else "fullständigt datum",
                "why": why or "",
            },
        )
    return value


def _url(value: str) -> str:
    if not _URL.match(value):
        raise PydanticCustomError(
            "ogiltig-url",
            "'{value}' är inte en webbadress. Skriv hela adressen, med https://.",
            {"value": shorten(value)},
        )
    # the authority: after '//' up to the first '/', '?' or '#' (RFC 3986; a browser also ends
    # it at '\\', so it is never shorter than what a browser reads)
    authority = value[value.index("//") + 2 :]
    for end in "/?#":
        authority = authority.split(end, 1)[0]
    # the host follows the last '@'
    at = max(_USER_INFO, key=authority.rfind)
    if authority.rfind(at) != -1:
        host = authority[authority.rfind(at) + len(at) :]
        # 'https://goteborg.se%2Fwps@evil.example/': what stands before '@' is a user name, the
        # address goes to what follows it (docs/decisions/0663)
        raise PydanticCustomError(
            "ogiltig-url",
            "'{value}' leder till webbplatsen '{host}': det som står före '{at}' är ett "
            "användarnamn, inte webbplatsens namn, så adressen kan se ut att gå till en annan "
            "webbplats än den gör. En adress i datat har inget användarnamn. Kopiera adressen "
            "på nytt från webbläsarens adressfält när sidan är öppen, eller ta bort allt från "
            "'//' till och med '{at}'.",
            {"value": shorten(value), "at": at, "host": shorten(host)},
        )
    return value


#: A visible ASCII character: a text with one shows something (the quick test of almost
#: every text; only a text without one is read as the report reads it).
_VISIBLE_ASCII = re.compile(r"[!-~]")
#: how many of an invisible text's characters its message names
_NAMED_CHARS = 3


def _text(value: str) -> str:
    # isspace, not strip: the same test without copying every text.
    if not value or value.isspace():
        raise PydanticCustomError(
            "tom-text", "Texten är tom. Skriv en text eller ta bort nyckeln om den är frivillig."
        )
    if _VISIBLE_ASCII.search(value) is None and (hidden := invisible_only(value)):
        # '\u200b', a braille blank, a Hangul filler: the reports remove them (escape.prose)
        # and show an empty section (docs/decisions/0677)
        named = ", ".join(f"U+{ord(c):04X}" for c in hidden[:_NAMED_CHARS])
        more = " …" if len(hidden) > _NAMED_CHARS else ""
        raise PydanticCustomError(
            "osynlig-text",
            "Texten har bara osynliga tecken ({named}{more}), som rapporten tar bort: där blir "
            "den tom. Skriv en text, eller ta bort nyckeln om den är frivillig.",
            {"named": named, "more": more},
        )
    return value


def invisible_only(value: str) -> list[str]:
    """The distinct characters (in order) of a text that shows nothing in a report: what
    :func:`utsatta.escape.prose` keeps of it is only spaces and format characters (Unicode
    category Cf: the direction marks it keeps). Empty when something shows, or when the text
    has only spaces (that is ``tom-text``)."""
    shown = prose(value)
    if any(not c.isspace() and unicodedata.category(c) != "Cf" for c in shown):
        return []
    return list(dict.fromkeys(c for c in value if not c.isspace()))


#: The most digits a number may have written out in full: the same bound as the loader's for
#: integers (load/scalars.py MAX_INT_DIGITS). No indicator value comes near it; a float beyond
#: it (1.7e308, 1e-300) is a slip, and a report would print digits the data never held.
MAX_DIGITS = 20


def _finite(value: float) -> float:
    if math.isnan(value) or math.isinf(value):
        raise PydanticCustomError(
            "ogiltigt-tal", "NaN och oändligheter är inte tillåtna värden. Ange ett vanligt tal."
        )
    if isinstance(value, float) and value != 0 and not 1e-3 <= abs(value) < 1e3:
        # Within that range a float (at most 17 significant digits) has at most 20 digits
        # written out; outside it, count them.
        from decimal import Decimal

        plain = format(Decimal(repr(value)), "f")
        digits = sum(c.isdigit() for c in plain)
        if digits > MAX_DIGITS:
            raise PydanticCustomError(
                "for-manga-siffror",
                _TOO_MANY,
                {"value": repr(value), "digits": digits, "most": MAX_DIGITS, "plain": plain},
            )
    return value


def _finite_written(value: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> float:
    checked = _finite(handler(value))
    # the float schema returns a plain float, which forgets the written decimals
    return value if type(value) is WrittenFloat else checked


class _KeepWritten:
    """Tal's schema: the float's own validation and :func:`_finite`, and a
    :class:`~utsatta.numbers.WrittenFloat` kept as the loader made it (docs/decisions/0669)."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_wrap_validator_function(_finite_written, handler(source))


#: for-manga-siffror; {value} is the number as stored here, and as written in the file where
#: the loader has the text (``digits_message``)
_TOO_MANY = (
    "Talet {value} har {digits} siffror när det skrivs ut, men ett värde får ha högst {most}. "
    "Kontrollera värdet (ett fel i exponenten, eller något inklistrat?) och skriv det som ett "
    "vanligt tal utan e, med punkt som decimaltecken (t.ex. 15.7)."
)


def written_digits(literal: str) -> int | None:
    """How many digits the number ``literal`` (as written in a file: ``1.7e308``,
    ``99999999999999999999``) has written out in full, counted from its digits and exponent
    (never written out: bounded work for ``1e999999``); None when it is no decimal number."""
    from decimal import Decimal, InvalidOperation

    try:
        number = Decimal(literal.strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    _, digits, exponent = number.as_tuple()
    count, exp = len(digits), int(exponent)
    if exp >= 0:
        return count + exp  # 1e20: "1" and 20 zeros
    return max(count, 1 - exp)  # 0.001: "0", the point, 3 decimals


def digits_message(written: str, plain: str) -> str | None:
    """for-manga-siffror for the number as the file has it (``written``, its raw text), whose
    stored value written out is ``plain``: its own digits counted (decision 0472); None when
    the text is no number (the message with the stored value stands)."""
    from utsatta.numbers import heltal

    own = written_digits(written)
    if own is None:
        return None
    shown = shorten(written.strip())
    if own > MAX_DIGITS:
        return _TOO_MANY.format(value=shown, digits=heltal(own), most=MAX_DIGITS)
    # within the bound as written, over it as stored: a number with more significant digits
    # than a float keeps rounds up past it (99999999999999999999 becomes 1e20); one of at most
    # 15 (DBL_DIG) is stored as written, so that advice, followed, always passes
    stored = sum(c.isdigit() for c in plain)
    return (
        f"Talet {shown} har {heltal(own)} siffror, men det sparas avrundat till {shorten(plain)}, "
        f"med {heltal(stored)} siffror, och ett värde får ha högst {MAX_DIGITS}. {ROUNDED_ADVICE}"
    )


#: how to write a number that is stored rounded (for-manga-siffror; decisions 0472, 0498)
ROUNDED_ADVICE = (
    "Ett tal med högst 15 värdesiffror sparas som det är skrivet. Kontrollera värdet (något "
    "inklistrat?) och skriv det med högst 15 värdesiffror: byt siffrorna efter de 15 första "
    "mot nollor."
)


def rounded_message(written: str, plain: str) -> str:
    """for-manga-siffror for a number of at most 20 digits that is stored rounded so that the
    report would show another number (``plain``, the value as stored, written out)."""
    return (
        f"Talet {shorten(written.strip())} sparas avrundat till {shorten(plain)}, och rapporten "
        f"skulle visa det talet, inte det som står i filen. {ROUNDED_ADVICE}"
    )


# JSON Schema patterns (ECMA-262) for `utsatta schema`: the same strings as the validators above
# accept (tests/test_schema_export.py checks that they agree). Only the exported schema uses them.
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
INSATS_ID_PATTERN = r"^[1-9][0-9]*:[1-9][0-9]*$"
FOKUS_ID_PATTERN = r"^[1-9][0-9]*$"
URL_PATTERN = r"^https?://(?![^/?#]*(?:@|%40|\uFF20|\uFE6B))\S+$"
#: at least one character that is not whitespace and not one of the invisible characters the
#: reports remove (escape.prose; those of the Basic Multilingual Plane, which every editor's
#: regular expressions read): the JSON Schema's side of tom-text and osynlig-text
TEXT_PATTERN = (
    r"[^\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]"
)
# ÅÅÅÅ, ÅÅÅÅ-MM or a real calendar date ÅÅÅÅ-MM-DD (leap years included; year 0000 has no dates).
_MANAD = "(0[1-9]|1[0-2])"
_AR_UTOM_NOLL = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_SKOTTAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_MANAD_DAG = "((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)"
DATUM_PATTERN = f"^([0-9]{{4}}(-{_MANAD})?|{_AR_UTOM_NOLL}-{_MANAD_DAG}|{_SKOTTAR}-02-29)$"
#: only a whole calendar date ÅÅÅÅ-MM-DD
DAG_PATTERN = f"^({_AR_UTOM_NOLL}-{_MANAD_DAG}|{_SKOTTAR}-02-29)$"


def schemaversion_text(value: object, written: str) -> str:
    """What is wrong with a ``schemaversion`` that is not 1 (``written`` as in the file): a
    higher version is a newer file format (upgrade utsatta), anything else a wrong value."""
    if isinstance(value, int) and not isinstance(value, bool) and value > SCHEMAVERSION:
        return (
            f"schemaversion {written} är ett nyare filformat än den här versionen av utsatta "
            f"läser (schemaversion: {SCHEMAVERSION}). Uppgradera utsatta till en version som "
            "läser det; skriv inte om filen till en äldre version."
        )
    return (
        f"schemaversion {written} är inget giltigt värde. Rätta det: skriv "
        f"schemaversion: {SCHEMAVERSION}."
    )


def _a_version(value: object) -> object:
    # Literal[1] accepts true and 1.0, since True == 1.0 == 1 in Python; YAML's true is not a
    # version, and nor is a decimal number (a version is a whole number: 1, 2, ...)
    if isinstance(value, bool | float):
        written = str(value).lower() if isinstance(value, bool) else repr(float(value))
        raise PydanticCustomError("okand-schemaversion", schemaversion_text(value, written))
    return value


#: The format version every file declares first.
SchemaVersion = Annotated[Literal[1], BeforeValidator(_a_version)]

Id = Annotated[str, Check(_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
InsatsId = Annotated[
    str,
    Check(_insats_id),
    WithJsonSchema({"type": "string", "pattern": INSATS_ID_PATTERN}),
]
FokusId = Annotated[
    str,
    Check(_fokus_id),
    WithJsonSchema({"type": "string", "pattern": FOKUS_ID_PATTERN}),
]
Datum = Annotated[str, Check(_datum), WithJsonSchema({"type": "string", "pattern": DATUM_PATTERN})]
#: A whole date ÅÅÅÅ-MM-DD (validity periods, where a year alone would be ambiguous).
Dag = Annotated[str, Check(_dag), WithJsonSchema({"type": "string", "pattern": DAG_PATTERN})]
Url = Annotated[str, Check(_url), WithJsonSchema({"type": "string", "pattern": URL_PATTERN})]
Text = Annotated[
    str,
    Check(_text),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": TEXT_PATTERN}),
]
#: the years a data file can name (a year outside is a typo, not a plan's)
AR_MIN, AR_MAX = 1900, 2200
Ar = Annotated[int, Field(ge=AR_MIN, le=AR_MAX)]
Tal = Annotated[float, _KeepWritten()]

#: How sure a fact is, as labelled in fakta.md: [C], [S], [I], [NF].
Sakerhet = Literal["bekraftad", "sekundar", "slutledd", "saknas"]

#: What kind of publisher a source is, so a reader can tell the police's own word from others'.
KallSlag = Literal["polisen", "kommunen", "press", "parti", "tredjepart"]


class Kalla(Strict):
    """A source: who published what, where and when."""

    model_config = ConfigDict(
        json_schema_extra={
            "title": "Källa",
            "description": "En källa till uppgifterna: vem som publicerat vad, var och när.",
        }
    )

    id: Id = Field(
        title="Id",
        description="Källans id, som uppgifterna hänvisar till. Små bokstäver a–z, siffror och "
        "bindestreck (t.ex. 'polisen-lagesbild-2021').",
    )
    utgivare: Text = Field(
        title="Utgivare",
        description="Vem som har publicerat källan (t.ex. 'Polisen, region Väst').",
    )
    titel: Text | None = Field(default=None, title="Titel", description="Källans titel.")
    url: Url | None = Field(
        default=None,
        title="Webbadress",
        description="Hela webbadressen till källan, med https://.",
    )
    datum: Datum | None = Field(
        default=None,
        title="Datum",
        description="Källans datum: ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ om bara det är känt. "
        'Ett årtal ensamt skrivs inom citattecken ("2020").',
    )
    sakerhet: Literal["bekraftad", "sekundar"] = Field(
        title="Säkerhet",
        description="Hur säker källan är: bekraftad (uppgiften står i källan själv) eller "
        "sekundar (en uppgift i andra hand, t.ex. i pressen).",
    )
    slag: KallSlag | None = Field(
        default=None,
        title="Slag",
        description="Vem som står bakom källan: polisen (polisen själv), kommunen (Göteborgs "
        "Stad och dess bolag), press, parti (ett politiskt parti) eller tredjepart (övriga, "
        "t.ex. Wikipedia eller privata webbplatser).",
    )
    kommentar: Text | None = Field(
        default=None,
        title="Kommentar",
        description="Fri kommentar, t.ex. ett citat ur källan eller var uppgiften står.",
    )
