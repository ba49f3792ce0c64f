"""The schema step: plain data validated into a model; pydantic's errors become Swedish findings
that point at the right place."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from utsatta.escape import shorten, shorten_number
from utsatta.findings import Finding, Path_, fel
from utsatta.load.schema_words import (
    KEYS_KINDS,
    describe,
    id_form,
    id_message,
    keys_message,
    odd_space_message,
    place,
)
from utsatta.model.common import schemaversion_text
from utsatta.synonyms import suggest_value


def suggest(word: str, candidates: typing.Iterable[str]) -> str | None:
    """The closest candidate to a misspelt word, if one is close enough."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def intended(key: str, candidates: typing.Iterable[str]) -> str | None:
    """The key a misspelt key was meant to be (``Nuläge`` → ``nulage``), if one is close."""
    options = list(candidates)
    return suggest(id_form(key), options) or suggest(key, options)


def menade_du(word: str, candidates: typing.Iterable[str]) -> str:
    best = suggest(word, candidates)
    return f" Menade du '{shorten(best)}'?" if best else ""


RawLookup = typing.Callable[[Path_], "str | None"]


def schema_findings(
    file: str, model: type[BaseModel], data: Any, raw: RawLookup | None = None
) -> tuple[BaseModel | None, list[Finding]]:
    """Validate ``data`` against ``model``; the model, or the findings.

    ``raw`` gives the source text of a plain scalar that YAML read as a number or boolean, so
    messages can quote what the user wrote (1.10, not 1.1).
    """
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        lookup = raw or (lambda _path: None)
        errors = exc.errors(include_url=False)
        renamed = _misspelt_keys(errors)
        findings = []
        for err in errors:
            loc = tuple(err["loc"])
            if err["type"] == "missing" and loc in renamed.values():
                continue  # reported once, as the misspelt key
            if err["type"] == "extra_forbidden" and loc in renamed:
                path, _ = _data_path(data, loc)
                wanted = renamed[loc][-1]
                findings.append(
                    fel(
                        file,
                        path,
                        "okant-falt",
                        f"Nyckeln '{shorten(str(loc[-1]))}' ska heta '{wanted}'. Byt namn på den.",
                        at_key=True,
                    )
                )
                continue
            findings.append(_finding(file, model, data, err, lookup))
        return None, findings


def _misspelt_keys(errors: list[Any]) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """Unknown keys that are a misspelling of a missing required key in the same mapping
    (``nuläge`` for ``nulage``): one finding says "rename", instead of two that contradict."""
    missing: dict[tuple[Any, ...], list[str]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "missing" and loc and isinstance(loc[-1], str):
            missing.setdefault(loc[:-1], []).append(loc[-1])
    out: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            options = [m for m in missing.get(loc[:-1], []) if (*loc[:-1], m) not in out.values()]
            best = intended(loc[-1], options)
            if best is not None:
                out[loc] = (*loc[:-1], best)
    return out


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Path_, str | None]:
    """Walk ``loc`` through the data; return the existing path and a missing last key, if any.

    pydantic adds names of validators to ``loc`` for some types; those are skipped.
    """
    path: list[str | int] = []
    node = data
    missing: str | None = None
    for part in loc:
        if (isinstance(node, dict) and isinstance(part, str) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            path.append(part)
            node = node[part]  # type: ignore[index]  # narrowed by the checks above
        elif isinstance(node, dict) and isinstance(part, str) and missing is None:
            missing = part
            break
    return tuple(path), missing


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional."""
    while True:
        origin = get_origin(tp)
        if origin is typing.Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _type_at(model: type[BaseModel], path: Path_) -> Any:
    """The declared type of the value at ``path`` (the model itself for ``()``), or None where
    the path leaves the models (an unknown key, an index into something that is no list)."""
    current: Any = model
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            if get_origin(current) is not list:
                return None
            current = get_args(current)[0]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None:
                return None
            current = info.annotation
        else:
            return None
    return current


def _checked_type(model: type[BaseModel], path: Path_) -> Any:
    """The type at ``path`` with its checks: pydantic keeps a field's ``Annotated`` checks
    apart from its annotation (``InsatsId`` is ``str`` plus a check), so they are put back."""
    if path and isinstance(path[-1], str):
        holder = _container_model(model, path[:-1])
        info = holder.model_fields.get(path[-1]) if holder is not None else None
        if info is not None and info.metadata:
            return typing.Annotated[(info.annotation, *info.metadata)]
    return _type_at(model, path)


def _container_model(model: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model whose keys are allowed at ``path``, if the value there is one."""
    current = _unwrap(_type_at(model, path))
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def allowed_values(field_type: Any) -> list[str]:
    tp = _unwrap(field_type)
    if get_origin(tp) is list:
        tp = _unwrap(get_args(tp)[0])
    if get_origin(tp) is Literal:
        return [str(a) for a in get_args(tp)]
    return []


_KIND_WORDS = {
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


def _empty_text_message(model: type[BaseModel], path: Path_, name: str) -> str:
    """An empty text: say whether the key is required (then it cannot be removed)."""
    holder = _container_model(model, path[:-1]) if path else None
    field = holder.model_fields.get(name) if holder is not None else None
    if field is not None and field.is_required():
        return (
            f"'{name}' är tom, men den krävs. Skriv texten på raderna under '{name}: |', "
            "indragna med mellanslag."
        )
    return f"'{name}' är tom. Skriv en text, eller ta bort nyckeln: den är frivillig."


def _value_hint(field: str, value: Any, allowed: list[str]) -> str:
    """ " Menade du 'genomford'?" from the table of words people write (synonyms), else from
    the spelling; "" when neither finds one."""
    written = str(value)
    if len(written) > 100:
        return ""
    code = suggest_value(field, written)
    if code is not None and code in allowed and code != written:
        return f" Menade du '{code}'?"
    return menade_du(written, allowed)


def _finding(file: str, model: type[BaseModel], data: Any, err: Any, raw: RawLookup) -> Finding:
    loc: tuple[Any, ...] = tuple(err["loc"])
    kind: str = err["type"]
    value = err.get("input")
    path, missing = _data_path(data, loc)
    name = missing or next((p for p in reversed(path) if isinstance(p, str)), "")
    field_type = _type_at(model, (*path, missing) if missing else path)

    if kind == "missing":
        allowed = allowed_values(field_type)
        hint = f" Tillåtna värden: {', '.join(allowed)}." if allowed else ""
        return fel(
            file,
            path,
            "saknat-falt",
            f"Den obligatoriska nyckeln '{missing}' saknas {place(path, data)}. Lägg till "
            f"'{missing}: …'.{hint}",
        )
    if kind == "extra_forbidden":
        holder = _container_model(model, path[:-1])
        names = list(holder.model_fields) if holder else []
        key = str(path[-1]) if path else str(loc[-1])
        return fel(
            file,
            path,
            "okant-falt",
            f"Okänd nyckel '{shorten(key)}' {place(path[:-1], data)}.{menade_du(key, names)} "
            "Tillåtna "
            f"nycklar här: {', '.join(names)}.",
            at_key=True,
        )
    if kind == "literal_error":
        allowed = allowed_values(field_type)
        if name == "schemaversion":
            return fel(
                file,
                path,
                "okand-schemaversion",
                "'schemaversion' saknar värde. Skriv schemaversion: 1."
                if value is None
                else schemaversion_text(value, _written(value, raw(path))),
            )
        if value is None:
            return fel(
                file,
                path,
                "ogiltigt-varde",
                f"'{name}' saknar värde. Skriv ett av: {', '.join(allowed)}.",
            )
        odd = odd_space_message(name, value, allowed)
        if odd:
            return fel(file, path, "ogiltigt-varde", odd)
        # the value as written: '1.50', not 'talet 1.5'
        number = isinstance(value, int | float) and not isinstance(value, bool)
        shown = (
            shorten(value)
            if isinstance(value, str)
            else _written(value, raw(path))
            if number
            else describe(value)
        )
        return fel(
            file,
            path,
            "ogiltigt-varde",
            f"'{shown}' är inte ett tillåtet värde för {name}.{_value_hint(name, value, allowed)}"
            f" Tillåtna värden: {', '.join(allowed)}.",
        )
    if kind in _KIND_WORDS:
        if kind in KEYS_KINDS:
            return fel(
                file,
                path,
                "fel-typ",
                keys_message(name, path, value, _container_model(model, path)),
            )
        message = _type_message(name, kind, value, raw(path), _checked_type(model, path))
        if value is None:  # an empty value: say what belongs there, as the schema does
            message += _what_belongs(model, path)
        return fel(file, path, "fel-typ", message)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = err.get("ctx", {})
        bound = next(iter(ctx.values()), "?")
        words = {
            "greater_than_equal": "minst",
            "less_than_equal": "högst",
            "greater_than": "större än",
            "less_than": "mindre än",
        }[kind]
        return fel(
            file,
            path,
            "utanfor-intervall",
            f"'{name}' är {_written(value, raw(path))}, men måste vara {words} {bound}. "
            + (
                "Skriv året med fyra siffror, t.ex. ar: 2023."
                if name == "ar"
                else f"Ändra värdet till ett som är {words} {bound}."
            ),
        )
    if kind == "too_short":
        return fel(
            file,
            path,
            "tom-lista",
            f"Listan {name} får inte vara tom. Ange minst ett värde.",
        )
    if kind == "finite_number":
        return fel(
            file,
            path,
            "ogiltigt-tal",
            "NaN och oändligheter är inte tillåtna värden. Ange ett vanligt tal.",
        )
    if kind == "tom-text" and name:
        return fel(file, path, kind, _empty_text_message(model, path, name))
    if "-" in kind:  # our own PydanticCustomError codes are kebab-case Swedish
        message = err["msg"]
        if kind in _VALUE_CODES and name:
            message = f"'{name}': {message}"
        if kind == "ogiltigt-id" and isinstance(value, str) and name:
            message = odd_space_message(name, value, None) or id_message(name, value, path, data)
        return fel(file, path, kind, message)
    # No pydantic wording (English, Python's notation) reaches the user.
    label = f"'{name}'" if name else "värdet"
    return fel(
        file,
        path,
        "ogiltigt-varde",
        f"Värdet för {label} ({_said(value, raw(path))}) passar inte här. Se vad {label} ska "
        "innehålla i schemat: utsatta schema.",
    )


#: Codes about one value: the message names the key it belongs to.
_VALUE_CODES = frozenset(
    {
        "ogiltigt-id",
        "ogiltigt-insats-id",
        "ogiltigt-fokusomrade-id",
        "ogiltigt-datum",
        "ogiltig-dag",
        "ogiltig-url",
        "tom-text",
        "ogiltigt-tal",
        "for-manga-siffror",
    }
)


def _written(value: Any, raw: str | None) -> str:
    """A value as the user wrote it, bounded, never in Python's notation (None, True, [])."""
    if raw is not None:
        return shorten_number(shorten(raw))
    if value is None:
        return "(tomt)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return shorten_number(str(value))
    if isinstance(value, str):
        return f"'{shorten(value)}'"
    return describe(value)


#: Reference fields (type Id) whose ids are listed elsewhere: a number written there is no
#: id of theirs even inside quotes, so the hint names where the ids are.
_ID_LISTS = {
    "omraden": "omraden.yaml (t.ex. bergsjon)",
    "omrade": "omraden.yaml (t.ex. bergsjon)",
    "organisation": "organisationer.yaml (t.ex. grundskolenamnden)",
    "medlemmar": "organisationer.yaml (t.ex. grundskolenamnden)",
    "delmal": "plan.yaml (t.ex. inga-sarskilt-utsatta)",
    "uppdrag": "plan.yaml, under ovriga_uppdrag",
    "kalla": "listan 'kallor'",
    "kallor": "listan 'kallor'",
}


def _plain(tp: Any) -> Any:
    """``tp`` without Optional (Annotated kept), and without list for a list's items."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        tp = args[0] if len(args) == 1 else tp
    return tp


def _rejects(field_type: Any, text: str) -> str | None:
    """Why ``text`` is no valid value of ``field_type``: the type's own message, "" for
    pydantic's own (not shown), None when it is valid."""
    from pydantic import TypeAdapter

    try:
        TypeAdapter(field_type).validate_python(text)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        return err["msg"] if "-" in err["type"] else ""
    except Exception:  # a type that cannot be checked alone: no hint from it
        return ""
    return None


def _text_forms(written: str) -> list[str]:
    """What a number YAML read from a plain scalar may have been meant as, as text: itself;
    20250601 → 2025-06-01 and 202506 → 2025-06 (a date without hyphens); 1.3 and 13 → 1:3
    (an insats written without its colon)."""
    forms = [written]
    if re.fullmatch(r"[0-9]+\.[0-9]+", written):
        forms.append(written.replace(".", ":"))
    if re.fullmatch(r"[0-9]{8}", written):
        forms.append(f"{written[:4]}-{written[4:6]}-{written[6:]}")
    if re.fullmatch(r"[0-9]{6}", written):
        forms.append(f"{written[:4]}-{written[4:]}")
    if re.fullmatch(r"[1-9][0-9]{1,4}", written):
        forms += [f"{written[:i]}:{written[i:]}" for i in range(1, len(written))]
    return forms


def _quote_hint(name: str, written: str, field_type: Any) -> str:
    """How to write, as text, what YAML read as a number: a form the field accepts (checked
    against its type, so the fix does not lead to the next error), else what it wants."""
    tp = _plain(field_type)
    if tp is None:
        return f'Sätt värdet inom citattecken: "{written}".'
    if name in _ID_LISTS and re.fullmatch(r"[0-9.+-]+", written) and _rejects(tp, "a") is None:
        return f"Skriv ett id ur {_ID_LISTS[name]}, inte ett nummer."
    valid = [f for f in _text_forms(written) if _rejects(tp, f) is None]
    if valid and valid[0] == written:
        return f'Sätt värdet inom citattecken: "{written}".'
    if valid:
        shown = " eller ".join(f'"{f}"' for f in valid[:3])
        if ":" in valid[0]:
            return f"Insatser skrivs med kolon och inom citattecken: {shown}."
        return f"Skriv det inom citattecken: {shown}."
    why = _rejects(tp, written)
    return why.replace(f"'{written}'", "Värdet", 1) if why else "Skriv värdet som text."


def _what_belongs(model: type[BaseModel], path: Path_) -> str:
    """ " Där ska stå: <the field's description>" for the field at ``path``, or ""."""
    if not path or not isinstance(path[-1], str):
        return ""
    holder = _container_model(model, path[:-1])
    info = holder.model_fields.get(path[-1]) if holder is not None else None
    if info is None or not info.description:
        return ""
    text = info.description.rstrip(".")
    return f" Där ska stå: {text[:1].lower()}{text[1:]}."


def _said(value: Any, raw: str | None) -> str:
    """What a value is, for a message: a number as it was written (792.00, 7.92e2), not as
    Python prints it (792.0); anything else as :func:`describe` says it."""
    if raw is not None and isinstance(value, int | float) and not isinstance(value, bool):
        return f"talet {shorten_number(shorten(raw))}"
    return describe(value)


def _type_message(name: str, kind: str, value: Any, raw: str | None, field_type: Any = None) -> str:
    want = _KIND_WORDS[kind]
    said = _said(value, raw)
    label = f"'{name}'" if name else "Värdet"
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        # YAML read a plain scalar as a number: 1.10 → 1.1. Quoting keeps the text.
        written = shorten_number(raw if raw is not None else str(value))
        return (
            f"{label} ska vara text, men YAML läser {written} som {describe(value)}. "
            + _quote_hint(name, written, field_type)
        )
    if kind == "string_type" and isinstance(value, bool):
        return (
            f"{label} ska vara text, men YAML läser värdet som {said}. Sätt "
            "värdet inom citattecken."
        )
    if kind in ("int_type", "int_from_float") and isinstance(value, str | float):
        return (
            f"{label} ska vara ett heltal, men här står {said}. Skriv ett heltal "
            "utan citattecken, t.ex. 2023."
        )
    if kind == "float_type" and isinstance(value, str):
        return (
            f"{label} ska vara ett tal, men här står {said}. Skriv talet utan "
            "citattecken, med punkt som decimaltecken (t.ex. 15.7)."
        )
    if kind == "bool_type":
        return (
            f"{label} ska vara true eller false, men här står {said}. Skriv true "
            "eller false (inte ja/nej)."
        )
    if value is None:
        return f"{label} saknar värde. Skriv {want} efter kolonet."
    if kind == "list_type":
        return (
            f"{label} ska vara en lista, men här står {said}. Skriv varje värde på "
            "en egen rad som börjar med '- ', eller som [a, b]."
        )
    return f"{label} ska vara {want}, men här står {said}."
