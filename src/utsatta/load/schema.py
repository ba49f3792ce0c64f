"""The schema step: plain data validated into a model; pydantic's errors become Swedish findings
that point at the right place."""

from __future__ import annotations

import re
import typing
from collections import Counter
from collections.abc import Mapping
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from utsatta.escape import shorten, shorten_number
from utsatta.findings import LISTED_PER_CODE, Finding, Path_, fel
from utsatta.load.lookalike import found, note, plain
from utsatta.load.schema_bounds import Mappings, bounded_build, finding_code
from utsatta.load.schema_types import (
    allowed_values,
    checked_type,
    container_model,
    example_of,
    free_text,
    type_at,
    unwrap,
    what_belongs,
)
from utsatta.load.schema_words import (
    KEYS_KINDS,
    describe,
    id_message,
    insats_by_name,
    keys_message,
    odd_space_message,
    place,
)
from utsatta.load.spelling import intended, menade_du
from utsatta.load.stray_post import Source, stray_post
from utsatta.load.type_advice import KIND_WORDS, said, wrong_type_message
from utsatta.model.common import (
    AR_MAX,
    AR_MIN,
    digits_message,
    schemaversion_text,
)
from utsatta.synonyms import suggest_key, suggest_value

RawLookup = typing.Callable[[Path_], "str | None"]
QuotedLookup = typing.Callable[[Path_], bool]
#: the ids of the file a field refers to (omraden → omraden.yaml), None when not read
IdsLookup = typing.Callable[[str], "typing.Sequence[str] | None"]


def schema_errors(
    file: str,
    model: type[BaseModel],
    data: Any,
    exc: ValidationError,
    raw: RawLookup | None = None,
    quoted: QuotedLookup | None = None,
    ids: IdsLookup | None = None,
    source: Source | None = None,
) -> list[Finding]:
    """The findings for ``exc``, the error of validating ``data`` against ``model``
    (:func:`utsatta.load.dataset.schema_findings`). ``raw`` gives the source text of a plain
    scalar that YAML read as a number or boolean, so messages can quote what the user wrote
    (1.10, not 1.1); ``quoted`` whether a value was written within quotes (None: not known,
    and a text that should be a number is taken as quoted); ``source``: where keys stand and
    the lines, for a post that a '- ' too many began (``load.stray_post``)."""
    lookup = raw or (lambda _path: None)
    in_quotes = quoted or (lambda _path: True)
    known = ids or (lambda _name: None)
    errors = exc.errors(include_url=False)
    renamed = _misspelt_keys(errors)
    renamed_to = set(renamed.values())
    # a post with a key told to be renamed to a key it lacks is no '- ' too many: the key
    # would be a second one of the post above ('statsu' for its 'status')
    renaming = {_data_path(data, loc)[0][:-1] for loc in renamed}
    findings, told = _stray_posts(file, model, data, errors, source, renaming)
    mappings = Mappings(data)
    kept: list[tuple[str, Any, Path_, str | None]] = []  # code, error, path, missing key
    for err in errors:
        loc = tuple(err["loc"])
        path, missing = _data_path(data, loc)
        if err["type"] == "missing" and (path, missing) in told:
            continue  # told once, as the '- ' too many
        if err["type"] == "missing" and loc in renamed_to:
            continue  # reported once, as the misspelt key
        name = missing or next((p for p in reversed(path) if isinstance(p, str)), "")
        kept.append((finding_code(err["type"], name), err, path, missing))

    def build(code: str, err: Any) -> Finding:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden" and loc in renamed:
            path, _ = _data_path(data, loc)
            wanted = renamed[loc][-1]
            return fel(
                file,
                path,
                code,
                f"Nyckeln '{shorten(str(loc[-1]))}' ska heta '{wanted}'."
                + (note(str(loc[-1])) or " Byt namn på den."),
                at_key=True,
            )
        year = source.year if source is not None else None
        return _finding(code, file, model, data, err, lookup, in_quotes, known, mappings, year)

    # Past LISTED_PER_CODE of one code, check.pipeline.bounded lists none of them: those
    # are counted, not built (decision 0515), where the file's positions are known.
    locate = source.locate if source is not None else None
    many = Counter(code for code, *_ in kept)
    lazy = {c for c, n in many.items() if n > LISTED_PER_CODE + 2} if locate else set()
    findings += [build(code, err) for code, err, *_ in kept if code not in lazy]
    if locate is not None:
        for code in sorted(lazy):
            same = [(err, path, missing) for c, err, path, missing in kept if c == code]
            findings += bounded_build(code, same, locate, build)
    return findings


def _stray_posts(
    file: str,
    model: type[BaseModel],
    data: Any,
    errors: list[Any],
    source: Source | None,
    renaming: set[Path_],
) -> tuple[list[Finding], set[tuple[Path_, str | None]]]:
    """One finding for each list post that lacks every key a post must have and holds only
    keys the post above lacks (``load.stray_post``), and the missing keys it tells of (the
    post's keys are none a post must have, so the post above misses none of them)."""
    missing: dict[Path_, list[str]] = {}
    elsewhere: set[Path_] = set()  # the paths of the other errors, and every path above them
    for err in errors:
        path, name = _data_path(data, tuple(err["loc"]))
        if err["type"] == "missing" and name is not None:
            missing.setdefault(path, []).append(name)
        elif err["type"] == "extra_forbidden" and path and isinstance(path[-1], str):
            # an unknown key of the post is one of its keys too (decision 0511): the post
            # above lacks it as much as a known one, and its okant-falt stays, said of it
            elsewhere.update(path[:n] for n in range(len(path) - 1))
        else:
            elsewhere.update(path[:n] for n in range(len(path) + 1))
    found: list[Finding] = []
    told: set[tuple[Path_, str | None]] = set()
    for path, names in missing.items():
        holder = container_model(model, path)
        index = path[-1] if path else None
        if holder is None or not isinstance(index, int) or source is None:
            continue
        if path in elsewhere or path in renaming:
            continue  # the post has other errors too: each is told as it is
        items = _at_path(data, path[:-1])
        required = [n for n, f in holder.model_fields.items() if f.is_required()]
        if not isinstance(items, list) or set(names) != set(required):
            continue
        finding = stray_post(file, items, path, required, set(holder.model_fields), source)
        if finding is not None:
            found.append(finding)
            told.update((path, n) for n in names)
    return found, told


def _at_path(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _misspelt_keys(errors: list[Any]) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """Unknown keys that are a misspelling of a missing required key in the same mapping
    (``nuläge`` for ``nulage``): one finding says "rename", instead of two that contradict."""
    missing: dict[tuple[Any, ...], list[str]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "missing" and loc and isinstance(loc[-1], str):
            missing.setdefault(loc[:-1], []).append(loc[-1])
    out: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    taken: set[tuple[Any, ...]] = set()  # out's values
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            options = [m for m in missing.get(loc[:-1], []) if (*loc[:-1], m) not in taken]
            best = intended(loc[-1], options)
            if best is not None:
                out[loc] = (*loc[:-1], best)
                taken.add(out[loc])
    return out


def _meant(key: str, holder: type[BaseModel] | None, mappings: Mappings, path: Path_) -> str:
    """ " Menade du …?" for an unknown key: the closest key that the mapping does not have yet
    ('beskrivning' is not 'bedomning' when the post has one), else the one required key that
    it lacks ('namnd' where 'organisation' is missing)."""
    if holder is None:
        return ""
    here, keys, before_of = mappings.at(path)
    before = before_of.get(key)
    if (
        " " in key.strip()
        and before is not None
        and isinstance(here[before], str)
        and free_text(holder.model_fields.get(str(before)))
    ):
        # 'på alla skolor: …' under 'motivering: Lokalerna är …': a wrapped text's next line
        return (
            f" En nyckel har inga mellanslag: är raden fortsättningen på texten i "
            f"'{shorten(before)}' ovanför, skriv hela texten under "
            f"'{shorten(before)}: |', med varje rad indragen mer än nyckeln."
        )
    options = [n for n in holder.model_fields if n == key or n not in keys]
    meant = suggest_key(key, [n for n in options if n != key])
    if meant is not None:  # 'comment' for 'motivering': the meaning, not the spelling
        return f" Menade du '{meant}'? Skriv '{meant}:' i stället för '{shorten(key, 40)}:'."
    close = menade_du(key, options)
    # a suggestion ends in '?'; a key with look-alike letters that is an option has its fix
    if close.endswith("?") or plain(key) in options:
        return close
    lacking = [n for n in options if holder.model_fields[n].is_required()]
    return close + (f" Menade du '{lacking[0]}', som saknas här?" if len(lacking) == 1 else "")


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


def _empty_text_message(
    model: type[BaseModel], path: Path_, name: str, hidden: str | None = None
) -> str:
    """An empty text: say whether the key is required (then it cannot be removed).
    ``hidden``: the invisible characters of a text that has only those (osynlig-text)."""
    holder = container_model(model, path[:-1]) if path else None
    field = holder.model_fields.get(name) if holder is not None else None
    what = (
        "är tom"
        if hidden is None
        else f"har bara osynliga tecken ({hidden}) och blir tom i rapporten"
    )
    if field is not None and field.is_required():
        return (
            f"'{name}' {what}, men den krävs. Skriv texten på raderna under '{name}: |', "
            "indragna med mellanslag."
        )
    return f"'{name}' {what}. Skriv en text, eller ta bort nyckeln: den är frivillig."


def _value_hint(field: str, value: Any, allowed: list[str]) -> str:
    """ " Menade du 'genomford'?" from the table of words people write (synonyms), else from
    the spelling; "" when neither finds one."""
    written = str(value)
    if len(written) > 100:
        return ""
    code = suggest_value(field, plain(written))
    if code is not None and code in allowed and code != written:
        return note(written, code) if code == plain(written) else f" Menade du '{code}'?"
    return menade_du(written, allowed)


#: what a missing 'kalla' is: the id of one of the file's sources
_KALLA = " 'kalla' är id:t för en av källorna under 'kallor' i filen."
#: a målvärde is the one figure that can be made up: say what to do when there is no source
#: (docs/decisions/0400-malvarde-kraver-kalla.md)
_KALLA_HINT = {
    "malvarden": _KALLA + " Ange källan som målvärdet kommer ur (t.ex. planen, med "
    "'sakerhet: slutledd' om värdet eller året är en slutsats av dess text). Finns ingen "
    "källa: ta bort målvärdet.",
}


def _finding(
    code: str,
    file: str,
    model: type[BaseModel],
    data: Any,
    err: Any,
    raw: RawLookup,
    quoted: QuotedLookup,
    known_ids: IdsLookup,
    mappings: Mappings,
    year: int | None = None,
) -> Finding:
    """The finding for one error of ``exc``, with the ``code`` that
    :func:`~utsatta.load.schema_bounds.finding_code` gave it before it was built (the one
    place the code is decided, decision 0515); here only its message is chosen."""
    loc: tuple[Any, ...] = tuple(err["loc"])
    kind: str = err["type"]
    value = err.get("input")
    path, missing = _data_path(data, loc)
    name = missing or next((p for p in reversed(path) if isinstance(p, str)), "")
    field_type = type_at(model, (*path, missing) if missing else path)

    if kind == "missing":
        allowed = allowed_values(field_type)
        hint = f" Tillåtna värden: {', '.join(allowed)}." if allowed else ""
        if missing == "kalla":
            hint = _KALLA_HINT.get(next((p for p in path if isinstance(p, str)), ""), _KALLA)
        # one allowed value ('schemaversion: 1'): the line itself, nothing left to choose
        line = f"{missing}: {allowed[0]}" if len(allowed) == 1 else f"{missing}: …"
        return fel(
            file,
            path,
            code,
            f"Den obligatoriska nyckeln '{missing}' saknas {place(path, data)}. Lägg till "
            f"'{line}'.{hint if len(allowed) != 1 else ''}",
        )
    if kind == "extra_forbidden":
        holder = container_model(model, path[:-1])
        names = list(holder.model_fields) if holder else []
        key = str(path[-1]) if path else str(loc[-1])
        return fel(
            file,
            path,
            code,
            f"Okänd nyckel '{shorten(key)}' {place(path[:-1], data)}."
            f"{_meant(key, holder, mappings, path[:-1])} Tillåtna nycklar här: {', '.join(names)}.",
            at_key=True,
        )
    if kind == "literal_error":
        allowed = allowed_values(field_type)
        if code == "okand-schemaversion":
            return fel(
                file,
                path,
                code,
                "'schemaversion' saknar värde. Skriv schemaversion: 1."
                if value is None
                else schemaversion_text(value, _written(value, raw(path))),
            )
        if value is None:
            return fel(
                file,
                path,
                code,
                f"'{name}' saknar värde. Skriv ett av: {', '.join(allowed)}.",
            )
        odd = odd_space_message(name, value, allowed)
        if odd:
            return fel(file, path, code, odd)
        # the value as written: '1.50', not 'talet 1.5'
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if isinstance(value, list) and len(value) == 1 and str(value[0]) in allowed:
            hint = f" Skriv det utan '- ' och hakparenteser: {name}: {value[0]}."
        elif isinstance(value, str) or number:
            hint = _value_hint(name, value, allowed)
        else:
            hint = ""
        shown = (
            f"'{shorten(value)}'"
            if isinstance(value, str)
            else f"'{_written(value, raw(path))}'"
            if number
            else _capital(said(value, raw(path)))
        )
        return fel(
            file,
            path,
            code,
            f"{shown} är inte ett tillåtet värde för {name}.{hint}"
            f" Tillåtna värden: {', '.join(allowed)}.",
        )
    if kind in KIND_WORDS:
        if kind in KEYS_KINDS:
            return fel(
                file,
                path,
                code,
                keys_message(name, path, value, container_model(model, path)),
            )
        message = wrong_type_message(
            name,
            kind,
            value,
            raw(path),
            checked_type(model, path),
            example=year if year is not None and path == ("ar",) else example_of(model, path),
            item=path[-1] if path and isinstance(path[-1], int) else None,
            belongs=what_belongs(model, path),
            quoted=quoted(path),
            insatser=known_ids("insats") if kind == "string_type" else None,
        )
        if value is None:  # an empty value: say what belongs there, as the schema does
            message += what_belongs(model, path)
        return fel(file, path, code, message)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = err.get("ctx", {})
        bound = next(iter(ctx.values()), "?")
        words = {
            "greater_than_equal": "minst",
            "less_than_equal": "högst",
            "greater_than": "större än",
            "less_than": "mindre än",
        }[kind]
        example = year if year is not None and path == ("ar",) else example_of(model, path)
        sample = f"{name}: {example}" if example is not None and name else None
        year = isinstance(example, int) and AR_MIN <= example <= AR_MAX
        return fel(
            file,
            path,
            code,
            f"'{name}' är {_written(value, raw(path))}, men måste vara {words} {bound}. "
            + (
                f"Skriv året med fyra siffror, t.ex. {sample}."
                if year
                else f"Ändra värdet till ett som är {words} {bound}"
                + (f", t.ex. {sample}." if sample else ".")
            ),
        )
    if kind == "too_short":
        return fel(
            file,
            path,
            code,
            f"Listan {name} får inte vara tom. Ange minst ett värde.",
        )
    if kind == "finite_number":
        return fel(
            file,
            path,
            code,
            "NaN och oändligheter är inte tillåtna värden. Ange ett vanligt tal.",
        )
    if kind == "tom-text" and name:
        return fel(file, path, code, _empty_text_message(model, path, name))
    if kind == "osynlig-text" and name:
        ctx = err.get("ctx", {})
        hidden = f"{ctx.get('named', '')}{ctx.get('more', '')}"
        return fel(file, path, code, _empty_text_message(model, path, name, hidden))
    if "-" in kind:  # our own PydanticCustomError codes are kebab-case Swedish
        message = err["msg"]
        if kind == "for-manga-siffror" and (text := raw(path)) is not None:
            # the number as written, not as stored (1e+20 for 99999999999999999999)
            message = digits_message(text, str(err.get("ctx", {}).get("plain", ""))) or message
        if kind == "okand-schemaversion" and isinstance(value, float):
            # as written: schemaversion: 1.00, not 1.0
            message = schemaversion_text(value, _written(value, raw(path)))
        if kind in _VALUE_CODES and name:
            message = f"'{name}': {message}"
        if kind in _NUMBERED and isinstance(value, str) and found(value):
            message = _numbered_lookalike(kind, name, value)
        if kind == "ogiltigt-insats-id" and isinstance(value, str) and not found(value):
            message = insats_by_name(name, value, known_ids("insats")) or message
        if kind == "ogiltigt-id" and isinstance(value, str) and name:
            message = odd_space_message(name, value, None) or id_message(
                name, value, path, data, known_ids(name)
            )
        return fel(file, path, code, message)
    # No pydantic wording (English, Python's notation) reaches the user.
    label = f"'{name}'" if name else "värdet"
    return fel(
        file,
        path,
        code,
        f"Värdet för {label} ({said(value, raw(path))}) passar inte här. Se vad {label} ska "
        "innehålla i schemat: utsatta schema.",
    )


#: An insats' and a fokusområde's id, as the model checks them (model.common).
_NUMBERED = {
    "ogiltigt-insats-id": re.compile(r"[1-9][0-9]*:[1-9][0-9]*\Z"),
    "ogiltigt-fokusomrade-id": re.compile(r"[1-9][0-9]*\Z"),
}


def _numbered_lookalike(kind: str, name: str, value: str) -> str:
    """An insats' id with a fullwidth digit ('３:2') or a fokusområde's: which character, and
    the id to write when the digits they look like make one (docs/decisions/0574)."""
    looks = plain(value)
    what = "ett insats-id" if kind == "ogiltigt-insats-id" else "ett fokusområdes-id"
    right = _NUMBERED[kind].match(looks) is not None
    label = f"'{name}': " if name else ""
    return f"{label}'{shorten(value)}' är inte {what}.{note(value)}" + (
        f' Skriv "{looks}" (inom citattecken).' if right else ""
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


def written_number_findings(
    file: str, model: type[BaseModel], raws: Mapping[Path_, str], told: set[Path_]
) -> list[Finding]:
    """The numbers of a number field that the report would not show as the file writes them
    (``raws``: the texts of the file's plain scalars read as numbers, by path; ``told``: the
    paths the schema step has findings at, left alone): one in another base (``0x1F``) is
    fel-typ, one stored rounded for-manga-siffror (load/written_numbers.py, decision 0498)."""
    from utsatta.load.scalars import MAX_EXACT
    from utsatta.load.written_numbers import non_decimal_advice, rounded
    from utsatta.model.common import rounded_message

    found: list[Finding] = []
    for path, text in raws.items():
        tp = unwrap(type_at(model, path))
        literal = get_origin(tp) is Literal and all(type(a) is int for a in get_args(tp))
        if path in told or not (tp is float or tp is int or literal):
            continue
        name = next((p for p in reversed(path) if isinstance(p, str)), "")
        label = f"'{name}': " if name else ""
        advice = non_decimal_advice(text, f"{name}: " if isinstance(path[-1], str) else "")
        if advice is not None:
            found.append(fel(file, path, "fel-typ", label + advice))
        elif tp is float and len(text) > MAX_EXACT:
            plain = rounded(text, float(text))
            if plain is not None:
                message = label + rounded_message(text, plain)
                found.append(fel(file, path, "for-manga-siffror", message))
    return found


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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
