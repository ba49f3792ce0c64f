"""The statuses an indicator can get, why one is not assessable, and the result that carries them.

Two kinds, never mixed (docs/decisions/0040-statuses-and-directions.md): a status against a
målvärde (``mot-malvarde``) and a development without one (``utveckling``); ``ej-bedombar`` is
neither. The enum values are the codes the JSON carries; :func:`status_text` and
:func:`orsak_text` give the Swedish words users read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal

from utsatta.numbers import tal


class Status(StrEnum):
    """The computed status; the values are the codes in JSON."""

    # against a målvärde, before the målår
    MALVARDE_NATT = "malvarde-natt"
    I_FAS = "i-fas"
    BEHOVER_OKA_TAKTEN = "behover-oka-takten"
    OTILLRACKLIG = "otillracklig"
    FEL_RIKTNING = "fel-riktning"
    # against a målvärde, from the målår on
    MAL_UPPNATT = "mal-uppnatt"
    MAL_EJ_UPPNATT = "mal-ej-uppnatt"
    # without a målvärde
    FORBATTRING = "forbattring"
    INGEN_TYDLIG_FORANDRING = "ingen-tydlig-forandring"
    FORSAMRING = "forsamring"
    EJ_BEDOMBAR = "ej-bedombar"


class Orsak(StrEnum):
    """Why a status is ej bedömbar; the values are the codes in JSON."""

    SAKNAR_DATA = "saknar-data"
    SAKNAR_MALVARDE = "saknar-malvarde"
    FOR_FA_MATPUNKTER = "for-fa-matpunkter"
    ANDRAD_METOD = "andrad-metod"
    #: the numbers are there, but the method is undefined for them (e.g. CAGR across a sign change)
    EJ_TILLAMPBAR = "ej-tillampbar"
    INGA_VARDEN_UNDER_PLANPERIODEN = "inga-varden-under-planperioden"
    #: a development: fewer than three points from the last value before the plan period on
    FOR_FA_VARDEN_UNDER_PLANPERIODEN = "for-fa-varden-under-planperioden"
    #: the police level an edition's count needs is not known
    NIVA_OKAND = "niva-okand"
    #: from the målår on, but no value from the målår or later
    INGET_VARDE_FOR_MALARET = "inget-varde-for-malaret"
    #: a count of a middle police level: a change can be an improvement or a deterioration
    TVETYDIG_RIKTNING = "tvetydig-riktning"


Statusslag = Literal["mot-malvarde", "utveckling", "ej-bedombar"]

STATUS_TEXT: Final[Mapping[Status, str]] = {
    Status.MALVARDE_NATT: "Målvärdet nått före målåret",
    Status.I_FAS: "I fas",
    Status.BEHOVER_OKA_TAKTEN: "Behöver öka takten",
    Status.OTILLRACKLIG: "Otillräcklig takt",
    Status.FEL_RIKTNING: "Fel riktning",
    Status.MAL_UPPNATT: "Målet uppnått",
    Status.MAL_EJ_UPPNATT: "Målet ej uppnått",
    Status.FORBATTRING: "Förbättring",
    Status.INGEN_TYDLIG_FORANDRING: "Ingen tydlig förändring",
    Status.FORSAMRING: "Försämring",
    Status.EJ_BEDOMBAR: "Ej bedömbar",
}

ORSAK_TEXT: Final[Mapping[Orsak, str]] = {
    Orsak.SAKNAR_DATA: "saknar data",
    Orsak.SAKNAR_MALVARDE: "saknar målvärde",
    Orsak.FOR_FA_MATPUNKTER: "för få mätpunkter",
    Orsak.ANDRAD_METOD: "ändrad metod",
    Orsak.EJ_TILLAMPBAR: "metoden går inte att tillämpa",
    Orsak.INGA_VARDEN_UNDER_PLANPERIODEN: "inga värden från planperioden",
    Orsak.FOR_FA_VARDEN_UNDER_PLANPERIODEN: "för få värden under planperioden",
    Orsak.NIVA_OKAND: "polisens nivå okänd",
    Orsak.INGET_VARDE_FOR_MALARET: "inget värde för målåret",
    Orsak.TVETYDIG_RIKTNING: "antalet ändras både när en nivå höjs och när den sänks",
}

MOT_MALVARDE: Final = frozenset(
    {
        Status.MALVARDE_NATT,
        Status.I_FAS,
        Status.BEHOVER_OKA_TAKTEN,
        Status.OTILLRACKLIG,
        Status.FEL_RIKTNING,
        Status.MAL_UPPNATT,
        Status.MAL_EJ_UPPNATT,
    }
)
UTVECKLING: Final = frozenset(
    {Status.FORBATTRING, Status.INGEN_TYDLIG_FORANDRING, Status.FORSAMRING}
)

#: within one kind, higher is better (before the målår; the verdicts rank apart)
_RANK: Final = {
    Status.MAL_UPPNATT: 2,
    Status.MAL_EJ_UPPNATT: 1,
    Status.MALVARDE_NATT: 5,
    Status.I_FAS: 4,
    Status.BEHOVER_OKA_TAKTEN: 3,
    Status.OTILLRACKLIG: 2,
    Status.FEL_RIKTNING: 1,
    Status.FORBATTRING: 3,
    Status.INGEN_TYDLIG_FORANDRING: 2,
    Status.FORSAMRING: 1,
    Status.EJ_BEDOMBAR: 0,
}


def status_text(status: Status) -> str:
    """The Swedish label: "Målet ej uppnått"."""
    return STATUS_TEXT[status]


def orsak_text(orsak: Orsak) -> str:
    """The Swedish reason, lower case: "inget värde för målåret"."""
    return ORSAK_TEXT[orsak]


def statusslag(status: Status) -> Statusslag:
    """``mot-malvarde``, ``utveckling`` or ``ej-bedombar``."""
    if status in MOT_MALVARDE:
        return "mot-malvarde"
    if status in UTVECKLING:
        return "utveckling"
    return "ej-bedombar"


def rank(status: Status) -> int:
    """Order statuses of one kind, higher is better; ej bedömbar 0.

    Only comparable within one kind: before the målår (målvärdet nått 5 … fel riktning 1), the
    verdicts from the målår on (uppnått 2, ej uppnått 1), developments (förbättring 3 …
    försämring 1). Never compare across kinds (they are never counted together).
    """
    return _RANK[status]


@dataclass(frozen=True)
class Point:
    """One value in one year. ``metodbyte``: measured a new way from this value on.

    ``sakerhet`` is how sure the value is (bekraftad, sekundar, slutledd; None where unknown),
    ``kallor`` the ids of its sources; both travel with the point so a chart can draw an inferred
    or secondary value differently.
    """

    ar: int
    varde: float
    metodbyte: bool = False
    sakerhet: str | None = None
    kallor: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Lucka:
    """A year whose value is missing, not zero: e.g. an edition where a needed level is unknown."""

    ar: int
    orsak: Orsak
    #: the areas (ids) whose unknown level leaves the value open
    omraden: tuple[str, ...] = ()
    #: their names, for the text
    namn: tuple[str, ...] = ()


@dataclass(frozen=True)
class Progress:
    """The status of one series and everything it was computed from."""

    status: Status
    #: set exactly when status is EJ_BEDOMBAR
    orsak: Orsak | None
    #: the method used: "forvantad-bana" | "cagr" | "cagr-mal" | "trend"
    metod: str
    baslinje: Point | None
    senaste: Point | None
    malvarde: float | None
    malar: int | None
    #: the progress measure: R (forvantad-bana), P (cagr-mal), Mann–Kendall S (developments)
    kvot: float | None
    #: the thresholds kvot was compared with, highest first
    trosklar: tuple[float, ...]
    #: Swedish, one to three sentences, with the numbers used ("så har statusen beräknats")
    forklaring: str
    #: years whose value is missing (e.g. a police level unknown), oldest first
    luckor: tuple[Lucka, ...] = ()
    #: for ej bedömbar because of the målår or an unknown level: the progress on the last known
    #: values, shown beside it
    senast_kanda: Progress | None = None

    @property
    def status_text(self) -> str:
        return status_text(self.status)

    @property
    def statusslag(self) -> Statusslag:
        return statusslag(self.status)

    @property
    def orsak_text(self) -> str | None:
        return None if self.orsak is None else orsak_text(self.orsak)


# --- formatting (Swedish: decimal comma, minus sign, space before %) ---------------------------

#: decimals a ratio is rounded to before comparing it with thresholds
DECIMALER: Final = 9


def fmt_tal(x: float, decimals: int = 2, *, fixed: bool = False) -> str:
    """A number in a computation's text: as many decimals as it needs, at most ``decimals``
    (12 → "12", 9.15 → "9,15"); ``fixed`` keeps trailing zeros (ratios: "0,80")."""
    return tal(x, decimals, trim=not fixed)


def fmt_procent(share: float, decimals: int = 1) -> str:
    return tal(share * 100, decimals, " %", trim=True)


def decimals_for(kvot: float, trosklar: Sequence[float], decimals: int) -> int:
    """Enough decimals that the ratio never prints equal to a threshold it differs from."""
    for d in range(decimals, DECIMALER):
        if all(round(kvot, d) != t or kvot == t for t in trosklar):
            return d
    return DECIMALER


def riktningstext(d: int) -> str:
    return "högre är bättre" if d > 0 else "lägre är bättre"


def rounded(x: float) -> float:
    """Rounded to DECIMALER before comparing with thresholds; −0.0 becomes 0.0 (no "−0" shown)."""
    return round(x, DECIMALER) + 0.0


def label(status: Status) -> str:
    """The status as it reads inside a sentence: "behöver öka takten"."""
    text = STATUS_TEXT[status]
    return text[0].lower() + text[1:]
