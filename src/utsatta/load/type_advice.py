"""A value of the wrong type (``antal: true``, ``ar: "2023"``, ``kommentar: [a, b]``): what
was written, as written, what the field needs, and how to write it, with an example that fits
THAT field (``antal: 3``, not a year). The examples are the fields' own (``examples=`` in the
models, also shown by editors from ``utsatta schema``; tests/test_type_advice.py requires one
on every number field).
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Sequence
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from utsatta.escape import shorten, shorten_number
from utsatta.load.insats_advice import (
    OrgInsatser,
    eller,
    insatser_meant,
    nearest_insatser,
    och,
    text_forms,
)
from utsatta.load.schema_words import ID_FILES, ID_FORM, describe
from utsatta.load.spelling import id_form
from utsatta.load.written_numbers import non_decimal_advice
from utsatta.model.common import Id, InsatsId
from utsatta.model.id_fields import ID_FIELDS, ID_REFS
from utsatta.numbers import ascii_number

__all__ = ["ID_HOMES", "KIND_WORDS", "said", "wrong_type_message"]

KIND_WORDS = {
    "string_type": "text",
    "int_type": "ett heltal",
    "int_from_float": "ett heltal",
    "float_type": "ett tal",
    "bool_type": "true eller false",
    "list_type": "en lista",
    "dict_type": "nycklar med värden",
    "model_type": "nycklar med värden",
    "model_attributes_type": "nycklar med värden",
}

#: Reference fields whose ids are listed elsewhere, by name, and where (``IdKind.home``): a
#: number written there is no id of theirs even inside quotes, so the hint names where the ids
#: are. From the models' tables of ids (decision 0573), so a field added there gets the hint
#: too; an insats's or a fokusområde's has none (its hint is its form, '1:3', "2").
ID_HOMES = {
    path[-1]: holds.home
    for path, holds in (
        *((f.path, f.holds) for fields in ID_FIELDS.values() for f in fields),
        *(ref for refs in ID_REFS.values() for ref in refs),
    )
    if holds.home
}

#: The largest whole number offered back as "write it without decimals" (beyond it a float
#: no longer holds every integer exactly, and no count or year comes near).
_EXACT = 2**53


def said(value: Any, raw: str | None) -> str:
    """What a value is, for a message: a number as it was written (792.00, 7.92e2), not as
    Python prints it (792.0); anything else as :func:`describe` says it."""
    if raw is not None and isinstance(value, int | float) and not isinstance(value, bool):
        return f"talet {shorten_number(shorten(raw))}"
    return describe(value)


def wrong_type_message(
    name: str,
    kind: str,
    value: Any,
    raw: str | None,
    field_type: Any = None,
    example: Any = None,
    item: int | None = None,
    belongs: str = "",
    quoted: bool = True,
    insatser: Sequence[str] | None = None,
) -> str:
    """The message for a value of the wrong type. ``example``: the field's own example value
    (None: no example is given); ``item``: the index of the post in the list ``name`` the
    value is (None: it stands after the key ``name``, and the example is written with it);
    ``belongs``: " Där ska stå: …" from the field's description, for a message that has no
    example of its own; ``quoted``: the value was written within quotes (a number written as a
    text is told to drop them only then); ``insatser``: the plan's insats ids (None: not
    read), for the ids a number written where an insats id belongs may mean."""
    want = KIND_WORDS[kind]
    shown = said(value, raw)
    keyed = item is None
    label = f"'{name}'" if name else "Värdet"
    if item is not None and name:
        label = f"Post {item + 1} under '{name}'"
    if kind == "string_type":
        if not keyed:
            return _text_item_message(name, label, value, raw, field_type, insatser)
        return _text_message(name, label, value, raw, field_type, belongs, insatser)
    if kind in ("int_type", "int_from_float", "float_type"):
        ex = _example(name, example, keyed)
        if value is None:
            return f"{label} saknar värde. Skriv {want} efter kolonet" + (f", {ex}." if ex else ".")
        fix = _number_fix(name, kind, value, raw, field_type, ex, keyed, quoted)
        return f"{label} ska vara {want}, men här står {shown}. {fix}"
    if kind == "bool_type" and value is None:
        return f"{label} saknar värde. Skriv true eller false efter kolonet."
    if kind == "bool_type":
        return (
            f"{label} ska vara true eller false, men här står {shown}. Skriv true "
            "eller false (inte ja/nej)."
        )
    if value is None:
        return f"{label} saknar värde. Skriv {want} efter kolonet."
    if kind == "list_type":
        return f"{label} ska vara en lista, men här står {shown}. " + _list_fix(
            name, value, keyed, field_type
        )
    return f"{label} ska vara {want}, men här står {shown}."


def _example(name: str, example: Any, keyed: bool) -> str:
    """``t.ex. antal: 3`` (``t.ex. 3`` for a list item), or "" without an example."""
    if example is None or isinstance(example, bool):
        return ""
    written = shorten_number(str(example))
    return f"t.ex. {name}: {written}" if keyed and name else f"t.ex. {written}"


_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_FLOAT_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_COMMA_TEXT = re.compile(r"[+-]?[0-9]+,[0-9]+")


def _number_fix(
    name: str,
    kind: str,
    value: Any,
    raw: str | None,
    field_type: Any,
    ex: str,
    keyed: bool,
    quoted: bool = True,
) -> str:
    """How to write the number a number field needs, from what was written: 6.0 → 6 for a
    whole number, "6" → 6 without quotes, "15,7" → 15.7, [6] → 6; each only when the field
    takes it (``ar: 6`` would be the next error), else the field's example. "utan
    citattecken" only for a text that was ``quoted`` (15,7 unquoted is a text too)."""
    unquoted = " utan citattecken" if quoted else ""
    integer = kind != "float_type"
    key = f"{name}: " if keyed and name else ""
    example = f", {ex}" if ex else ""
    what = "ett heltal" if integer else "ett tal (med punkt som decimaltecken)"

    def fits(number: int | float) -> bool:
        return field_type is None or _rejects(field_type, number) is None

    if isinstance(value, float) and integer:
        written = shorten_number(shorten(raw)) if raw is not None else shorten_number(str(value))
        how = "exponent (e)" if raw is not None and "e" in raw.lower() else "decimaler"
        lead = f"{written} räknas inte som ett heltal, eftersom det är skrivet med {how}."
        if math.isfinite(value) and value.is_integer() and abs(value) <= _EXACT:
            whole = int(value)
            if fits(whole):
                return f"{lead} Skriv {key}{whole}."
        return f"{lead} Skriv ett heltal{example}."
    if isinstance(value, str):
        text = value.strip()
        number: int | float | None = None
        if len(text) <= 30 and _INT_TEXT.fullmatch(text):
            number = int(text)
        elif len(text) <= 30 and not integer and _FLOAT_TEXT.fullmatch(text):
            number = float(text)
        if number is not None and fits(number):
            return f"Skriv det utan citattecken: {key}{text}."
        based = non_decimal_advice(text, key, fits)
        if based is not None:  # 0b101, -0x1F: YAML reads them as texts
            return based
        comma = len(text) <= 30 and not integer and _COMMA_TEXT.fullmatch(text)
        if comma and fits(float(text.replace(",", "."))):
            return (
                f"Skriv det{unquoted}{' och' if quoted else ''} med punkt som decimaltecken: "
                f"{key}{text.replace(',', '.')}."
            )
        digits = ascii_number(text)  # '١٢٣', '１２': digits of another script (0679)
        if digits is not None and (
            _INT_TEXT.fullmatch(digits) or (not integer and _FLOAT_TEXT.fullmatch(digits))
        ):
            number = int(digits) if _INT_TEXT.fullmatch(digits) else float(digits)
            if fits(number):
                return f"Skriv det{unquoted} med siffrorna 0–9: {key}{digits}."
        swedish = _written_number(text, integer)
        if swedish is not None and fits(swedish[0]):
            return f"Skriv det {_and(swedish[2])}: {key}{swedish[1]}."
        return f"Skriv {what}{unquoted}{example}."
    if isinstance(value, list) and len(value) == 1:
        item = value[0]
        number_item = isinstance(item, int | float) and not isinstance(item, bool)
        if number_item and (not integer or isinstance(item, int)) and fits(item):
            return f"Skriv det utan '- ' och hakparenteser: {key}{shorten_number(str(item))}."
    if isinstance(value, list):
        return f"Här ska stå ett enda värde, inte en lista: skriv {what} efter kolonet{example}."
    if isinstance(value, dict):
        return (
            f"Här ska stå ett enda värde, inte nycklar med värden: skriv {what} direkt efter "
            f"kolonet{example}."
        )
    return f"Skriv {what}{example}."


#: Digits in groups of three with a space between them (also U+00A0 and U+202F, as Word and
#: Excel write them): '12 345', '1 234,5'.
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:[.,][0-9]+)?")


def _written_number(text: str, integer: bool) -> tuple[int | float, str, list[str]] | None:
    """'81,05 %' or '12 345': a number as a Swedish text writes it. The number, how to write
    it and what to change ("utan procenttecken" …), or None when it is no such number."""
    how: list[str] = []
    if text.endswith("%"):
        text = text[:-1].rstrip(" \u00a0\u202f")
        how.append("utan procenttecken")
    if _GROUPED.fullmatch(text):
        text = re.sub(r"[ \u00a0\u202f]", "", text)
        how.append("utan mellanslag mellan siffrorna")
    if not how or len(text) > 30:
        return None
    if not integer and _COMMA_TEXT.fullmatch(text):
        text = text.replace(",", ".")
        how.append("med punkt som decimaltecken")
    if _INT_TEXT.fullmatch(text):
        return int(text), text, how
    if not integer and _FLOAT_TEXT.fullmatch(text):
        return float(text), text, how
    return None


def _plain(tp: Any) -> Any:
    """``tp`` without Optional (Annotated kept)."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        tp = args[0] if len(args) == 1 else tp
    return tp


def _rejects(field_type: Any, text: object) -> str | None:
    """Why ``text`` (or a number) is no valid value of ``field_type``: the type's own message,
    "" for pydantic's own (not shown), None when it is valid."""
    from pydantic import TypeAdapter

    try:
        TypeAdapter(field_type).validate_python(text)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        return err["msg"] if "-" in err["type"] else ""
    except Exception:  # a type that cannot be checked alone: no hint from it
        return ""
    return None


def _quote_hint(
    name: str,
    written: str,
    field_type: Any,
    insatser: Sequence[str] | None = None,
    key: str = "",
) -> str:
    """How to write, as text, what YAML read as a number or a truth value: a form the field
    accepts (checked against its type, so the fix does not lead to the next error), else what
    it wants. ``key``: "insats: " before the value written out (an item of a list has none)."""
    tp = _plain(field_type)
    if tp is None:
        return f'Sätt värdet inom citattecken: "{written}".'
    own = insatser if isinstance(insatser, OrgInsatser) else None
    # in a report: the insatser its organisation has that year first, then the plan's (0658)
    plan = insatser if insatser and tp == InsatsId else None
    meant = insatser_meant(written, plan) if plan is not None else []
    has = ""
    if own is not None and meant:
        ours = [i for i in meant if i in own.own]
        if ours != meant:  # the organisation's own narrow the choice, or none is its own
            has = f" {own.note()}"
            meant = ours or meant
    if meant:
        return (
            f"Menar du {eller(meant)}?{has} Skriv id:t med kolon och inom citattecken: "
            f'{key}"{meant[0]}".'
        )
    if plan is not None:  # the plan has no insats the number may be: none is named (0661)
        return _no_such_insats(written, plan, key, own)
    ids = name in ID_HOMES and re.fullmatch(r"[0-9.+-]+|true|false", written)
    if ids and _rejects(tp, "a") is None:
        what = "ett nummer" if written not in ("true", "false") else "true eller false"
        return f"Skriv ett id ur {ID_HOMES[name]}, inte {what}."
    valid = [f for f in text_forms(written) if _rejects(tp, f) is None]
    if valid and valid[0] == written:
        return f'Sätt värdet inom citattecken: "{written}".'
    if valid:
        shown = " eller ".join(f'"{f}"' for f in valid[:3])
        if ":" in valid[0]:
            return f"Insatser skrivs med kolon och inom citattecken: {shown}."
        return f"Skriv det inom citattecken: {shown}."
    why = _rejects(tp, written)
    return why.replace(f"'{written}'", "Värdet", 1) if why else "Skriv värdet som text."


def _no_such_insats(written: str, plan: Sequence[str], key: str, own: OrgInsatser | None) -> str:
    """Advice for a number that is none of the plan's insatser (``insats: 1.5`` in a plan
    without 1:5): the ids it may have been meant as, that the plan has none of them, and the
    plan's ids nearest (never an id the plan does not have)."""
    targets, near = nearest_insatser(written, plan)
    if not near:  # no insats id at all (0, -1, 1e3, true): the form and the plan's ids
        has = f" {own.note()}" if own is not None else ""
        return (
            f"Ett insats-id är fokusområdets nummer, kolon och insatsens nummer.{has} Skriv "
            f'{eller(list(plan))} ur planen, inom citattecken: {key}"{plan[0]}".'
        )
    ours = [i for i in near if i in own.own] if own is not None else near
    # the organisation's own are named when some of the nearest are not its own (as for meant)
    has = f" {own.note()}" if own is not None and ours != near else ""
    example = (ours or near)[0]
    return (
        f"Planen har ingen insats {eller(targets)}; närmast i planen är {och(near)}.{has} "
        f'Skriv ett id ur planen med kolon och inom citattecken, t.ex. {key}"{example}".'
    )


def _free_text(field_type: Any) -> bool:
    """Whether the field takes a free text of several lines (not an id, a date or a url)."""
    tp = _plain(field_type)
    return tp is not None and _rejects(tp, "En text.\n- En punkt: med kolon.") is None


def _text_message(
    name: str,
    label: str,
    value: Any,
    raw: str | None,
    field_type: Any,
    belongs: str,
    insatser: Sequence[str] | None = None,
) -> str:
    shown = said(value, raw)
    if value is None:
        return f"{label} saknar värde. Skriv text efter kolonet."
    if isinstance(value, bool | int | float):
        # YAML read a plain scalar as a number or truth value: 1.10 → 1.1. Quoting keeps it.
        if isinstance(value, bool):  # shown as YAML writes it (True, TRUE and true are one)
            written = str(value).lower()
        else:
            written = shorten_number(raw if raw is not None else str(value))
        return f"{label} ska vara text, men YAML läser {written} som {describe(value)}. " + (
            _quote_hint(name, written, field_type, insatser, f"{name}: " if name else "")
        )
    block = f"'{name}: |'" if name else "'|' sist på nyckelns rad"
    if _free_text(field_type):
        if isinstance(value, list):
            # written as '- ' lines or as '[se bilaga]': both are said (the form is not known)
            return (
                f"{label} ska vara text, men här står {shown}: rader som börjar med '- ', och "
                "ett värde inom '[ ]', blir en lista. Ska det vara text (en punktlista, eller "
                f"'[ ]' i texten): skriv {block} och raderna, som de är, indragna under."
            )
        if isinstance(value, dict):
            return (
                f"{label} ska vara text, men här står {shown}: YAML läser en rad med kolon och "
                "mellanslag, och ett värde inom '{ }', som nycklar med värden. Skriv "
                f"{block} och texten på raderna under, indragna, så blir allt text."
            )
    what = "en lista" if isinstance(value, list) else "nycklar med värden"
    lead = f"{label} ska vara ett enda värde (text), men här står {what}."
    if name in ID_HOMES:
        return f"{lead} Skriv ett id ur {ID_HOMES[name]} direkt efter kolonet."
    return f"{lead} Skriv värdet direkt efter kolonet.{belongs}"


def _text_item_message(
    name: str,
    label: str,
    value: Any,
    raw: str | None,
    field_type: Any,
    insatser: Sequence[str] | None = None,
) -> str:
    """A post of a list of texts or ids (``behov``, ``kallor``) that is no text."""
    if value is None:
        return f"{label} är tom. Skriv posten efter '- ', eller ta bort raden."
    if isinstance(value, bool | int | float):
        if isinstance(value, bool):
            written = str(value).lower()
        else:
            written = shorten_number(raw if raw is not None else str(value))
        return f"{label} ska vara text, men YAML läser {written} som {describe(value)}. " + (
            _quote_hint(name, written, field_type, insatser)
        )
    what = "en lista" if isinstance(value, list) else "nycklar med värden"
    lead = f"{label} ska vara text, men här står {what}."
    if name in ID_HOMES:
        return f"{lead} Skriv ett enda id ur {ID_HOMES[name]} som posten."
    if isinstance(value, dict) and len(value) == 1:
        ((key, inner),) = value.items()
        if isinstance(key, str) and isinstance(inner, str) and '"' not in key + inner:
            text = shorten(f"{key}: {inner}", 60)
            return (
                f"{lead} YAML läser kolonet följt av mellanslag som en nyckel. Sätt texten inom "
                f'citattecken: - "{text}".'
            )
    if isinstance(value, dict):
        return (
            f"{lead} YAML läser ett kolon följt av mellanslag som en nyckel. Sätt texten inom "
            "citattecken."
        )
    return f"{lead} Skriv texten direkt efter '- ', utan en lista i listan."


def _list_fix(name: str, value: Any, keyed: bool, field_type: Any) -> str:
    """How to write the list: a list of posts with the keys of its posts (``antal: 6`` where
    posts per nivå belong: writing ``[6]`` would be the next error), else of values, with
    what was written made one when it is a plain short value."""
    keys = _post_keys(field_type)
    if keys:
        first, rest = keys[0], [f"{k}:" for k in keys[1:]]
        under = f" och, på raderna under, indragna som '{first}', {_and(rest)}" if rest else ""
        return f"Skriv varje post med '- {first}: …'{under}."
    bulleted = (_bulleted(name, value) or _numbered(name, value)) if keyed and name else None
    if bulleted is not None:
        return bulleted
    if keyed and name and isinstance(value, str) and _of_ids(field_type):
        ids = _ids_in(value)
        written = f"{name}: [{', '.join(ids)}]"
        if ids and ids != [value] and len(written) <= 120:
            changed = [f"'{shorten(p, 40)}' blir '{i}'" for p, i in _respelled(value) if p != i]
            check = (
                f" Som id {_and(changed)}; kontrollera att id:n finns"
                + (f" i {ID_FILES[name]}." if name in ID_FILES else ".")
                if changed
                else ""
            )
            return f"Skriv värdet som en lista med ett id per post: {written}.{check}"
    if keyed and name and isinstance(value, str) and re.fullmatch(r"[a-z0-9-]{1,60}", value):
        return f"Skriv värdet som en lista: {name}: [{value}]."
    plain = isinstance(value, str) and value.isprintable() and not set(value) & set('"\\')
    if keyed and name and plain and 0 < len(value) <= 60:
        return f"Skriv värdet som en lista: {name}: [\"{value}\"], eller på en egen rad efter '- '."
    return "Skriv varje värde på en egen rad som börjar med '- ', eller som [a, b]."


#: Bullets that Word, Outlook and web pages put before list items; YAML reads them as text.
_BULLETS = "•◦▪‣●■·–—"
_DASHES = "·–—"


def _bulleted(name: str, value: Any) -> str | None:
    """'behov:' with '• a' and '• b' on the lines under it: YAML reads one text, '• a • b'. The
    fix is a '- ' per item, shown as the list to write when it fits on a line."""
    if not isinstance(value, str) or len(value) < 3 or value[0] not in _BULLETS:
        return None
    bullet = value[0]
    if not value[1].isspace():
        return None
    items = [p.strip() for p in re.split(rf"(?:^|\s){re.escape(bullet)}\s", value)]
    items = [p for p in items if p]
    if bullet in _DASHES and len(items) > 1:
        items = []  # '– a – b' or 'a 2024 – 2025': the lines are joined, a dash can be text
    lead = (
        f"Tecknet '{bullet}' före en post (ofta inklistrat från Word eller en webbsida) gör "
        f"ingen lista i YAML: skriv '- ' (bindestreck och mellanslag) i stället för '{bullet}' "
        f"före varje post, på egna rader under '{name}:'"
    )
    plain = all(p.isprintable() and not set(p) & set('"\\') for p in items)
    shown = ", ".join(p if re.fullmatch(r"[a-z][a-z0-9-]*", p) else f'"{p}"' for p in items)
    if items and plain and len(shown) <= 100:
        return f"{lead}, eller som {name}: [{shown}]."
    return f"{lead}."


def _numbered(name: str, value: Any) -> str | None:
    """'behov:' with '1. a' and '2. b' on the lines under it (or '1) a'): YAML reads one text,
    '1. a 2. b'. The fix is a '- ' per item in place of its number."""
    if not isinstance(value, str) or len(value) > 10_000 or not re.match(r"1[.)]\s", value):
        return None
    parts = re.split(r"(?:^|\s)([1-9][0-9]{0,2})[.)]\s", value)
    numbers, items = parts[1::2], [p.strip() for p in parts[2::2]]
    if len(items) < 2 or numbers != [str(n) for n in range(1, len(items) + 1)] or parts[0]:
        return None
    lead = (
        f"En numrerad uppräkning ('1. …', '2. …') gör ingen lista i YAML, och raderna blir en "
        f"enda text: skriv varje post på en egen rad under '{name}:' med '- ' (bindestreck och "
        "mellanslag) i stället för numret"
    )
    plain = all(p and p.isprintable() and not set(p) & set('"\\') for p in items)
    shown = ", ".join(f'"{p}"' for p in items)
    if plain and len(shown) <= 100:
        return f"{lead}, eller som {name}: [{shown}]."
    return f"{lead}."


def _of_ids(field_type: Any) -> bool:
    """Whether the field is a list of ids (``omraden``, ``underlag_for`` …)."""
    tp = field_type
    while get_origin(tp) in (typing.Annotated, Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        tp = args[0]
    return get_origin(tp) is list and get_args(tp)[0] == Id


def _respelled(value: str) -> list[tuple[str, str]]:
    """Each id in a text of ids, split as a user means it: at commas, and two id-formed words
    without one as two ids (as the id rule reads them); each other part in its id form
    ('Bergsjön' → 'bergsjon'), never joined with the next into one id."""
    out: list[tuple[str, str]] = []
    for part in (p.strip() for p in value.split(",")):
        words = part.split()
        if not words:
            continue
        if all(ID_FORM.fullmatch(w) for w in words):
            out += [(w, w) for w in words]
        else:
            out.append((part, id_form(part)))
    return out


def _ids_in(value: str) -> list[str]:
    ids = [i for _, i in _respelled(value)]
    return ids if all(i and len(i) <= 60 for i in ids) else []


def _post_keys(field_type: Any) -> list[str]:
    """The required keys of the posts of a list of posts (models), else []."""
    tp = field_type
    while get_origin(tp) in (typing.Annotated, Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        tp = args[0]
    if get_origin(tp) is not list:
        return []
    item = get_args(tp)[0]
    while get_origin(item) is typing.Annotated:
        item = get_args(item)[0]
    if isinstance(item, type) and issubclass(item, BaseModel):
        return [k for k, f in item.model_fields.items() if f.is_required()]
    return []


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} och {words[-1]}"
