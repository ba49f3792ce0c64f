"""The schema's messages in a writer's words (``load.schema``): where in the file (a post by
its insats, not a data path), what a value is, an id's written form, a post without keys, an
invisible space from Word in a value."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from utsatta.escape import shorten, shorten_number
from utsatta.findings import Path_
from utsatta.load.invisible import ODD_SPACES, space_name
from utsatta.load.lookalike import found, note, plain
from utsatta.load.spelling import id_form, suggest
from utsatta.numbers import heltal


def describe(value: Any) -> str:
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return f"sanningsvärdet {str(value).lower()}"
    if isinstance(value, int | float):
        return f"talet {shorten_number(str(value))}"
    if isinstance(value, dict):
        return "nycklar med värden"
    if isinstance(value, list):
        return "en lista"
    return f"texten '{shorten(str(value))}'"


#: The keys that name a list's post, looked for in this order: "i posten för insats 2:1".
_NAMING_KEYS = ("insats", "organisation", "omrade", "indikator", "delmal", "uppdrag")


def place(path: Path_, data: Any) -> str:
    """Where a mapping stands, as a writer reads it: "på filens översta nivå", "i posten för
    insats 2:1", "i posten 'bergsjon' under 'omraden'", "i post 3 under 'kallor'", "under
    'kontakt'" (the finding's line says the rest)."""
    if not path:
        return "på filens översta nivå"
    last = path[-1]
    if not isinstance(last, int):
        return f"under '{shorten(str(last), 40)}'"
    parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "")
    item = _at(data, path)
    if isinstance(item, dict):
        for key in _NAMING_KEYS:
            value = item.get(key)
            if isinstance(value, str) and 0 < len(value) <= 40:
                return f"i posten för {key} {value}"
        value = item.get("id")
        if isinstance(value, str) and 0 < len(value) <= 40:
            return f"i posten '{value}' under '{parent}'"
    return f"i post {last + 1} under '{parent}'"


KEYS_KINDS = frozenset({"dict_type", "model_type", "model_attributes_type"})


def keys_message(name: str, path: Path_, value: Any, holder: type[BaseModel] | None) -> str:
    """A value where keys with values belong (a post of 'insatser', 'metod' …): which post,
    what stands there, and how the post is written, with its first key and the value."""
    last = path[-1] if path else None
    item = isinstance(last, int)
    subject = f"Post {last + 1} under '{name}'" if isinstance(last, int) else f"'{name}'"
    keys = [k for k, f in holder.model_fields.items() if f.is_required()] if holder else []
    if not path:  # the whole file: it has no name, and its keys stand at the left edge
        what = "tom" if value is None else f"bara {describe(value)}"
        needed = f"nycklarna {_and([f'{k}:' for k in keys])}" if keys else "varje nyckel"
        return (
            f"Filen är {what}, men ska ha egna nycklar med värden. Skriv {needed} på egna "
            "rader längst till vänster, utan indrag, i stället för det som står där nu."
        )
    if value is None:
        empty = f"{subject} är tom, men ska ha egna nycklar med värden."
        if not keys:
            return f"{empty} Skriv varje nyckel på en egen rad, indragen under '{name}:'."
        needed = _and([f"{k}:" for k in keys])
        if item:
            return (
                f"{empty} Skriv nycklarna {needed} efter '- ', en på varje rad, eller ta bort "
                "raden med det ensamma '-'."
            )
        return f"{empty} Skriv nycklarna {needed} på egna rader, indragna under '{name}:'."
    what = f"{subject} är bara {describe(value)}, men ska ha egna nycklar med värden."
    if not keys:
        return f"{what} Skriv varje nyckel på en egen rad, indragen under '{name}:'."
    first, rest = keys[0], [f"{k}:" for k in keys[1:]]
    if isinstance(value, str | int | float) and not isinstance(value, bool) and item:
        shown = shorten(str(value), 40)
        line = f'- {first}: "{shown}"' if '"' not in shown else f"- {first}: {shown}"
        under = f" och på raderna under, indragna som '{first}', {_and(rest)}" if rest else ""
        return f"{what} Skriv posten med nycklar: {line}{under}."
    needed = _and([f"{k}:" for k in keys])
    if item:
        return f"{what} Skriv posten som '- ' följt av nycklarna {needed}, en på varje rad."
    return f"{what} Skriv nycklarna {needed} på egna rader, indragna under '{name}:'."


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} och {words[-1]}"


_ODD_SPACE = re.compile(f"[{ODD_SPACES}]")


def odd_space_message(name: str, value: Any, allowed: list[str] | None) -> str:
    """A value that holds an invisible space from Word or a web page (U+00A0 …), which makes
    it another value than it looks: the space named and the value without it; or ""."""
    if not isinstance(value, str):
        return ""
    odd = _ODD_SPACE.search(value)
    if odd is None:
        return ""
    clean = _ODD_SPACE.sub("", value).strip()
    valid = clean in allowed if allowed is not None else bool(ID_FORM.fullmatch(clean))
    fix = (
        f" Ta bort det, så att det står '{clean}'."
        if valid
        else " Ta bort det, eller ersätt det med ett vanligt mellanslag."
    )
    # shown where it stands, as the output shows a zero-width one: it looks like a space (0658)
    seen = _ODD_SPACE.sub(lambda m: f"<U+{ord(m.group()):04X}>", shorten(value))
    return (
        f"'{name}': '{seen}' innehåller {space_name(odd.group())}, ofta inklistrat "
        f"från Word eller en webbsida. Det syns inte, men gör värdet till ett annat.{fix}"
    )


#: Where the ids of a reference field are listed (the file to check a suggestion in).
ID_FILES = {
    "omraden": "omraden.yaml",
    "omrade": "omraden.yaml",
    "organisation": "organisationer.yaml",
    "medlemmar": "organisationer.yaml",
    "efterfoljare": "organisationer.yaml",
    "delmal": "plan.yaml",
    "uppdrag": "plan.yaml",
}
ID_FORM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def id_message(
    name: str, value: str, path: Path_, data: Any, known: Sequence[str] | None = None
) -> str:
    """A value that is not written as an id. Two ids without a comma: the list with it. Else
    the id form of what is written ('Bergsjön' → 'bergsjon', 'hisings–backa' with an en dash
    → 'hisings-backa'), not claimed to exist: the schema does not know the ids, so the message
    says where to check it. ``known``: the ids of the file the field refers to, when it was
    read before this one: words with a space between them that are not all such ids are one
    name written with a space ('hela staden'), not ids without commas."""
    shown = shorten(value)
    if found(value):
        return _lookalike_id(name, shown, value, known)
    named = _named(name, shown, value, path, known)
    if named is not None:
        return named
    parts = value.split()
    last = path[-1] if path else None
    several = len(parts) > 1 and all(ID_FORM.fullmatch(p) for p in parts)
    # a name written with a space: its id form is an id ('hisings backa'), or none of its
    # words is one ('hela staden'); 'bergsjon tynered' is two ids, one of them misspelt
    if (
        several
        and known is not None
        and not set(parts) <= set(known)
        and (id_form(value) in known or not set(parts) & set(known))
    ):
        return _name_with_space(name, shown, value, known)
    if several and isinstance(last, int):
        items = _at(data, path[:-1])
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            fixed = [*items[:last], *parts, *items[last + 1 :]]
            written = f"{name}: [{', '.join(fixed)}]"
            if len(written) <= 120:
                return (
                    f"'{name}': '{shown}' är {heltal(len(parts))} id utan kommatecken emellan. "
                    f"Skriv ett kommatecken mellan dem: {written}."
                )
        return (
            f"'{name}': '{shown}' är {heltal(len(parts))} id utan kommatecken emellan. Skriv ett "
            "kommatecken och ett mellanslag mellan dem."
        )
    rule = (
        f"'{name}': '{shown}' är inte skrivet som ett id. Ett id skrivs med små bokstäver a–z, "
        "siffror och bindestreck ('-'), utan å, ä, ö, mellanslag och andra streck"
    )
    form = id_form(value)
    where = ID_FILES.get(name)
    if not form or len(form) > 60 or form == value:
        return f"{rule}." + (f" Skriv ett id ur {where}." if where else "")
    if known is not None and where and form not in known:
        # the ids are read: the id form of what is written is not one of them
        close = suggest(form, known)
        meant = f" Menade du '{close}'? Skriv då {close}." if close else ""
        return f"{rule}: här blir det '{form}', men det finns inte i {where}.{meant}"
    if known is not None and where and form in known:  # the id is read: say it for sure (0658)
        fix = f"{form} i stället" if path and isinstance(path[-1], int) else f"{name}: {form}"
        return f"{rule}: här blir det '{form}', som är id:t i {where}: skriv {fix}."
    check = f" Kontrollera att det finns i {where}." if where else ""
    return f"{rule}: här blir det '{form}'.{check}"


def _named(
    name: str, shown: str, value: str, path: Path_, known: Sequence[str] | None
) -> str | None:
    """A name where its id belongs whose id form is not its id ('Socialnämnden Nordost' is
    'socialnamnd-nordost', not 'socialnamnden-nordost'; 'Grevegården' is part of Tynnered's
    name): the id to write, from the names of the file the field refers to
    (``spelling.NamedIds``)."""
    hit = getattr(known, "named", None)
    found_id = hit(value) if hit is not None else None
    if found_id is None or found_id[0] in (value, id_form(value)):
        return None  # the id form of what is written is the id: the general advice says it
    ident, full = found_id
    fix = (
        f"skriv {ident} i stället"
        if path and isinstance(path[-1], int)
        else f"skriv {name}: {ident}"
    )
    return (
        f"'{name}': '{shown}' är ett namn, inte ett id. Id:t för {shorten(full)} i "
        f"{ID_FILES.get(name, 'datan')} är {ident}: {fix}."
    )


def insats_by_name(name: str, value: str, known: Sequence[str] | None) -> str | None:
    """An insats written by its title or as 'Insats 3' where its id belongs: the id, from the
    plan's insatser (``known``, with their titles), or None when the plan does not say."""
    titles: tuple[tuple[str, str], ...] | None = getattr(known, "pairs", None)
    if known is None or titles is None or len(value) > 2000:
        return None
    label = f"'{name}': " if name else ""
    written = id_form(value)
    # the title, or its beginning (a title is long; the start is what gets pasted), of three
    # words or more: one word ('Förskolenämnden') is more often a name than a title
    whole = [ident for ident, title in titles if id_form(title) == written]
    begun = [
        ident
        for ident, title in titles
        if written.count("-") >= 2 and len(written) >= 20 and id_form(title).startswith(written)
    ]
    if whole or len(begun) == 1:
        what = "titeln" if whole else "början på titeln"
        return (
            f"{label}'{shorten(value)}' är {what} för insats {(whole or begun)[0]}, inte dess "
            f'id. Skriv id:t ur planen: "{(whole or begun)[0]}" (inom citattecken).'
        )
    number = re.fullmatch(
        r"(?:insats(?:en)?+[\s.]*+(?:nr|nummer)?+[\s.]*+)?+([1-9][0-9]{0,2})", value.strip(), re.I
    )
    if number is None:
        return None
    same = [ident for ident in known if ident.split(":")[-1] == number.group(1)]
    if not same:
        return None
    quoted = [f'"{ident}"' for ident in same]
    if len(same) == 1:
        choice = f"skriv {quoted[0]}"
    elif len(same) <= 5:
        choice = f"skriv {', '.join(quoted[:-1])} eller {quoted[-1]}, den som rapporten gäller"
    else:
        choice = "skriv den ur planen som rapporten gäller"
    return (
        f"{label}'{shorten(value)}' är inte ett insats-id: id:t har fokusområdets nummer före "
        f"kolonet och insatsens nummer efter, inom citattecken. Insats {number.group(1)} finns "
        f"i {'flera fokusområden' if len(same) > 1 else 'fokusområde ' + same[0].split(':')[0]}: "
        f"{choice}."
    )


def _lookalike_id(name: str, shown: str, value: str, known: Sequence[str] | None) -> str:
    """An id or a name with letters of another script that look Latin ('kulturnamndеn' with
    a Cyrillic е, 'Веrgsjön'): each such letter named, then the id it makes when written with
    the letters it looks like; that id is claimed to exist only when ``known`` has it."""
    looks = plain(value)
    form = id_form(looks)
    lead = f"'{name}': '{shown}' är inte skrivet som ett id."
    if looks == form:
        exists = known is not None and form in known
        return f"{lead}{note(value, form)}" + ("" if exists else _check_in(name))
    where = ID_FILES.get(name)
    if known is not None and form in known:
        return f"{lead}{note(value)} Menade du '{form}' ur {where or 'datan'}? Skriv då {form}."
    if not form or len(form) > 60:
        return f"{lead}{note(value)}"
    return (
        f"{lead}{note(value)} Ett id skrivs med små bokstäver a–z, siffror och bindestreck: "
        f"här blir det '{form}'.{_check_in(name)}"
    )


def _check_in(name: str) -> str:
    where = ID_FILES.get(name)
    return f" Kontrollera att det finns i {where}." if where else ""


def _name_with_space(name: str, shown: str, value: str, known: Sequence[str]) -> str:
    """'hela staden' where the ids are known and no word is one (or the whole is one in id
    form): one name with a space; the id it probably means when its id form is one, else how
    an id is written."""
    where = ID_FILES.get(name, "datan")
    lead = (
        f"'{name}': '{shown}' är ett namn skrivet med mellanslag, men ett id har inga mellanslag."
    )
    form = id_form(value)
    if form in known:
        return f"{lead} Menade du '{form}' ur {where}? Skriv då {form} i stället."
    example = f", t.ex. {known[0]}" if known else ""
    return (
        f"{lead} Ett id skrivs med små bokstäver a–z, siffror och bindestreck. Skriv ett id "
        f"ur {where}{example}."
    )


def _at(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
