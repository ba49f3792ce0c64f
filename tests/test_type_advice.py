"""A value of the wrong type says what was written (as written), what the field needs and how
to write it, with an example that fits THAT field: a count for a count, a year of the plan for
a year, a value for a value (load/type_advice.py). Exact findings: file, line, column, code,
message."""

from __future__ import annotations

import re
import shutil
import types
import typing
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import pytest
from pydantic import TypeAdapter
from ruamel.yaml import YAML

from tests.support import BASE, ROOT
from utsatta import validate
from utsatta.load.dataset import schema_findings
from utsatta.load.pasted import field_names
from utsatta.model.common import Strict

#: An edition of the police's list with its stated count per nivå, in the base data.
_EDITION = """  - ar: 2023
    manad: 12
    titel: Lägesbild
    utgivare: Polisen
    antal:
      - niva: utsatt
        antal: 1
        sakerhet: bekraftad
        kallor: [polisen-2023]
"""


def findings_after(tmp_path: Path, file: str, old: str, new: str) -> list[tuple[Any, ...]]:
    """(file, line, column, code, message) of the findings in ``file`` after ``old`` → ``new``
    in the base data (with an edition that states a count)."""
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    omraden = data / "omraden.yaml"
    text = omraden.read_text(encoding="utf-8")
    plain = "  - ar: 2023\n    titel: Lägesbild\n    utgivare: Polisen\n"
    omraden.write_text(text.replace(plain, _EDITION), encoding="utf-8")
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return [
        (file, f.line, f.column, f.code, f.message)
        for f in validate(data).findings
        if Path(f.file) == path
    ]


def test_the_base_with_a_stated_count_is_valid(tmp_path: Path) -> None:
    assert findings_after(tmp_path, "omraden.yaml", "manad: 12", "manad: 12") == []


_COUNT = "        antal: 1\n"


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("true", "'antal' ska vara ett heltal, men här står sanningsvärdet true. Skriv ett "
         "heltal, t.ex. antal: 3."),
        ("6.0", "'antal' ska vara ett heltal, men här står talet 6.0. 6.0 räknas inte som ett "
         "heltal, eftersom det är skrivet med decimaler. Skriv antal: 6."),
        ("6.50", "'antal' ska vara ett heltal, men här står talet 6.50. 6.50 räknas inte som ett "
         "heltal, eftersom det är skrivet med decimaler. Skriv ett heltal, t.ex. antal: 3."),
        ("1e1", "'antal' ska vara ett heltal, men här står talet 1e1. 1e1 räknas inte som ett "
         "heltal, eftersom det är skrivet med exponent (e). Skriv antal: 10."),
        ('"6"', "'antal' ska vara ett heltal, men här står texten '6'. Skriv det utan "
         "citattecken: antal: 6."),
        # "utan citattecken" only where quotes were written (nyanv11)
        ("sex", "'antal' ska vara ett heltal, men här står texten 'sex'. Skriv ett heltal, "
         "t.ex. antal: 3."),
        ('"sex"', "'antal' ska vara ett heltal, men här står texten 'sex'. Skriv ett heltal utan "
         "citattecken, t.ex. antal: 3."),
        ("[6]", "'antal' ska vara ett heltal, men här står en lista. Skriv det utan '- ' och "
         "hakparenteser: antal: 6."),
        ("{n: 6}", "'antal' ska vara ett heltal, men här står nycklar med värden. Här ska stå "
         "ett enda värde, inte nycklar med värden: skriv ett heltal direkt efter kolonet, t.ex. "
         "antal: 3."),
        ("", "'antal' saknar värde. Skriv ett heltal efter kolonet, t.ex. antal: 3. Där ska "
         "stå: antalet områden i Göteborg på nivån, som källan anger det."),
        ("-1", "'antal' är -1, men måste vara minst 0. Ändra värdet till ett som är minst 0, "
         "t.ex. antal: 3."),
    ],
)  # fmt: skip
def test_a_stated_count_of_the_wrong_type(new: str, message: str, tmp_path: Path) -> None:
    """The count of a nivå in an edition (Upplaga.antal[].antal): a count as example, never a
    year; a number echoed as written, and 6.0 named as no heltal."""
    code = "utanfor-intervall" if new == "-1" else "fel-typ"
    written = f"        antal: {new}\n" if new else "        antal:\n"
    assert findings_after(tmp_path, "omraden.yaml", _COUNT, written) == [
        ("omraden.yaml", 19, 16 if new else 15, code, message)
    ]


_AS_LIST = (
    "'titel' ska vara text, men här står en lista: rader som börjar med '- ', och ett värde "
    "inom '[ ]', blir en lista. Ska det vara text (en punktlista, eller '[ ]' i texten): skriv "
    "'titel: |' och raderna, som de är, indragna under."
)
_AS_KEYS = (
    "'titel' ska vara text, men här står nycklar med värden: YAML läser en rad med kolon och "
    "mellanslag, och ett värde inom '{ }', som nycklar med värden. Skriv 'titel: |' och texten "
    "på raderna under, indragna, så blir allt text."
)


@pytest.mark.parametrize(
    ("old", "new", "place", "message"),
    [
        # a year: an example of a year in the plan; 6.0 → 6 is not offered (ar: 6 is no year)
        ("  - ar: 2023\n    manad", "  - ar: 6.0\n    manad", (13, 9),
         "'ar' ska vara ett heltal, men här står talet 6.0. 6.0 räknas inte som ett heltal, "
         "eftersom det är skrivet med decimaler. Skriv ett heltal, t.ex. ar: 2023."),
        ("  - ar: 2023\n    manad", '  - ar: "2023"\n    manad', (13, 9),
         "'ar' ska vara ett heltal, men här står texten '2023'. Skriv det utan citattecken: "
         "ar: 2023."),
        ("  - ar: 2023\n    manad", "  - ar: 23\n    manad", (13, 9),
         "'ar' är 23, men måste vara minst 1900. Skriv året med fyra siffror, t.ex. ar: 2023."),
        ("      - upplaga: 2021\n        niva: sarskilt", "      - upplaga: 21\n        niva: "
         "sarskilt", (26, 18),
         "'upplaga' är 21, men måste vara minst 1900. Skriv året med fyra siffror, t.ex. "
         "upplaga: 2023."),
        # a month: a month
        ("manad: 12", "manad: 12.0", (14, 12),
         "'manad' ska vara ett heltal, men här står talet 12.0. 12.0 räknas inte som ett "
         "heltal, eftersom det är skrivet med decimaler. Skriv manad: 12."),
        ("manad: 12", "manad: 13", (14, 12),
         "'manad' är 13, men måste vara högst 12. Ändra värdet till ett som är högst 12, t.ex. "
         "manad: 6."),
        # the list of counts written as one number: how a post of the list is written
        ("    antal:\n      - niva: utsatt\n        antal: 1\n        sakerhet: bekraftad\n"
         "        kallor: [polisen-2023]\n", "    antal: 6\n", (17, 12),
         "'antal' ska vara en lista, men här står talet 6. Skriv varje post med '- niva: …' "
         "och, på raderna under, indragna som 'niva', antal:, sakerhet: och kallor:."),
        # a text field: a list or keys where text belongs
        ("    titel: Lägesbild\n", "    titel:\n      - Lägesbild\n", (16, 7), _AS_LIST),
        ("    titel: Lägesbild\n", "    titel:\n      Lägesbild: 2023\n", (16, 7), _AS_KEYS),
        # the same from '[ ]' and '{ }' on the key's line: the message names both forms (was:
        # "raderna som börjar med '- '" for '[se bilaga]', "kolon" for '{se bilaga}')
        ("    titel: Lägesbild\n", "    titel: [se bilaga]\n", (15, 12), _AS_LIST),
        ("    titel: Lägesbild\n", "    titel: {se bilaga}\n", (15, 12), _AS_KEYS),
        ("    titel: Lägesbild\n", "    titel: true\n", (15, 12),
         "'titel' ska vara text, men YAML läser true som sanningsvärdet true. Sätt värdet "
         'inom citattecken: "true".'),
        # a date, an id: one value, and which
        ("datum: 2023-12", "datum: [2023-12]", (6, 12),
         "'datum' ska vara ett enda värde (text), men här står en lista. Skriv värdet direkt "
         "efter kolonet. Där ska stå: källans datum: ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM eller ÅÅÅÅ om "
         'bara det är känt. Ett årtal ensamt skrivs inom citattecken ("2020").'),
        ("kallor: [polisen-2023]\n  - id: gardsten", "kallor: polisen-2023\n  - id: gardsten",
         (33, 17),
         "'kallor' ska vara en lista, men här står texten 'polisen-2023'. Skriv värdet som en "
         "lista: kallor: [polisen-2023]."),
        ("- niva: utsatt\n        antal", "- niva: [utsatt]\n        antal", (18, 15),
         "En lista är inte ett tillåtet värde för niva. Skriv det utan '- ' och hakparenteser: "
         "niva: utsatt. Tillåtna värden: utsatt, riskomrade, sarskilt-utsatt."),
        ("- niva: utsatt\n        antal", "- niva: {utsatt: ja}\n        antal", (18, 15),
         "Nycklar med värden är inte ett tillåtet värde för niva. Tillåtna värden: utsatt, "
         "riskomrade, sarskilt-utsatt."),
    ],
)  # fmt: skip
def test_the_example_fits_the_field(
    old: str, new: str, place: tuple[int, int], message: str, tmp_path: Path
) -> None:
    found = findings_after(tmp_path, "omraden.yaml", old, new)
    code = "utanfor-intervall" if "måste vara" in message else "fel-typ"
    code = "ogiltigt-varde" if "tillåtet värde" in message else code
    assert found == [("omraden.yaml", *place, code, message)]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ('"81,05"', "'varde' ska vara ett tal, men här står texten '81,05'. Skriv det utan "
         "citattecken och med punkt som decimaltecken: varde: 81.05."),
        # written without quotes: none to drop (nyanv11)
        ("81,05", "'varde' ska vara ett tal, men här står texten '81,05'. Skriv det med punkt "
         "som decimaltecken: varde: 81.05."),
        ("'81,05'", "'varde' ska vara ett tal, men här står texten '81,05'. Skriv det utan "
         "citattecken och med punkt som decimaltecken: varde: 81.05."),
        ("ja", "'varde' ska vara ett tal, men här står texten 'ja'. Skriv ett tal (med punkt "
         "som decimaltecken), t.ex. varde: 15.7."),
        ("true", "'varde' ska vara ett tal, men här står sanningsvärdet true. Skriv ett tal "
         "(med punkt som decimaltecken), t.ex. varde: 15.7."),
        # A number as a Swedish text or Excel writes it: the number to write, and what to drop.
        ("81.05 %", "'varde' ska vara ett tal, men här står texten '81.05 %'. Skriv det utan "
         "procenttecken: varde: 81.05."),
        ("81,05%", "'varde' ska vara ett tal, men här står texten '81,05%'. Skriv det utan "
         "procenttecken och med punkt som decimaltecken: varde: 81.05."),
        ("12 345", "'varde' ska vara ett tal, men här står texten '12 345'. Skriv det utan "
         "mellanslag mellan siffrorna: varde: 12345."),
        ("1\u00a0234,5 %", "'varde' ska vara ett tal, men här står texten '1\u00a0234,5 %'. Skriv "
         "det utan procenttecken, utan mellanslag mellan siffrorna och med punkt som "
         "decimaltecken: varde: 1234.5."),
        # Not groups of three: no guess at what was meant.
        ("12 34", "'varde' ska vara ett tal, men här står texten '12 34'. Skriv ett tal (med "
         "punkt som decimaltecken), t.ex. varde: 15.7."),
    ],
)  # fmt: skip
def test_an_indicator_value(new: str, message: str, tmp_path: Path) -> None:
    """A value field: a value as example (15.7), never a year."""
    found = findings_after(
        tmp_path, "indikatorer/valdeltagande.yaml", "    varde: 81.05", f"    varde: {new}"
    )
    assert found == [("indikatorer/valdeltagande.yaml", 16, 12, "fel-typ", message)]


def test_an_empty_truth_value(tmp_path: Path) -> None:
    found = findings_after(
        tmp_path,
        "indikatorer/valdeltagande.yaml",
        "    kalla: vg-2018\n",
        "    kalla: vg-2018\n    metodbyte:\n",
    )
    assert [f[1:4] for f in found] == [(18, 15, "fel-typ")]
    assert found[0][4].startswith(
        "'metodbyte' saknar värde. Skriv true eller false efter kolonet. Där ska stå: "
    )


def _number_fields() -> list[tuple[str, Any]]:
    """(Model.field, FieldInfo) of every field of the data files' models that holds a number."""
    out = []
    todo: list[type] = [Strict]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        for name, info in getattr(cls, "model_fields", {}).items():
            if _holds_number(info.annotation):
                out.append((f"{cls.__name__}.{name}", info))
    return sorted(out, key=lambda pair: pair[0])


def _holds_number(tp: Any) -> bool:
    if tp in (int, float):
        return True
    if get_origin(tp) in (typing.Annotated, Union, types.UnionType):
        return any(_holds_number(a) for a in get_args(tp))
    return False


NUMBER_FIELDS = _number_fields()
PLAN = YAML(typ="safe").load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))


def test_the_number_fields_are_found() -> None:
    names = [n for n, _ in NUMBER_FIELDS]
    assert {"AntalPaNiva.antal", "Upplaga.manad", "Varde.varde", "TidigareBehov.nummer"} <= set(
        names
    )
    assert len(names) >= 19


@pytest.mark.parametrize(("name", "info"), NUMBER_FIELDS, ids=[n for n, _ in NUMBER_FIELDS])
def test_every_number_field_has_an_example_of_its_own_kind(name: str, info: Any) -> None:
    """The messages take the field's example: each number field has one, valid for the field;
    a year field's is a year of the plan, a count's or a value's is no year."""
    assert info.examples, f"{name}: no examples= (a message would offer no example)"
    example = info.examples[0]
    field = (
        typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    )
    TypeAdapter(field).validate_python(example)  # raises when the example is no valid value
    bounds = {type(m).__name__: m for m in info.metadata}
    annotation = info.annotation
    for arg in get_args(annotation):  # Optional[Annotated[int, ge, le]]
        for m in getattr(arg, "__metadata__", ()):
            for inner in getattr(m, "metadata", [m]):
                bounds[type(inner).__name__] = inner
    ge = getattr(bounds.get("Ge"), "ge", None)
    giltighet = PLAN["plan"]["giltighet"]
    if ge == 1900:
        assert giltighet["fran"] <= example <= giltighet["till"], (name, example)
    else:
        assert not (isinstance(example, int) and 1900 <= example <= 2200), (name, example)


#: Values of every type a YAML file can hold, written where they do not belong.
_WRONG = [True, 6.0, 6.5, 6, "6", "sex", "", [6], ["a"], [None], [{"a": "b"}], {"a": 1}, None]
#: A message that says how to fix: one of these words (or the keys or values allowed).
_FIX = re.compile(
    r"Skriv|skriv|Sätt|Ändra|ta bort|Ta bort|Lägg till|Byt namn|Menade du|Tillåtna (värden|nycklar)"
)
_YEAR_EXAMPLE = re.compile(r"t\.ex\. (?:\w+: )?(19|20|21)\d\d(?![-\d])")


def _fields() -> list[tuple[type, str]]:
    field_names()  # imports every model
    out = []
    todo: list[type] = [Strict]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        out += [(cls, name) for name in getattr(cls, "model_fields", {})]
    return sorted(out, key=lambda pair: (pair[0].__name__, pair[1]))


def test_every_wrong_type_says_how_to_fix_it_with_an_example_of_its_field() -> None:
    """Every field of every model, given a value of each type: the message for that field says
    how to fix it (never "passar inte här", never only what is wrong), and a year is offered as
    an example only where a year belongs."""
    fields = _fields()
    assert len(fields) > 100
    years = {name for name, info in NUMBER_FIELDS if info.examples[0] >= 1900}
    checked = 0
    for cls, name in fields:
        for value in _WRONG:
            _, found = schema_findings("x.yaml", cls, {name: value})
            for f in found:
                if f.path[:1] != (name,):
                    continue
                checked += 1
                assert "passar inte här" not in f.message, (cls.__name__, name, value, f.message)
                assert _FIX.search(f.message), (cls.__name__, name, value, f.message)
                if f"{cls.__name__}.{name}" not in years:
                    assert not _YEAR_EXAMPLE.search(f.message), (cls.__name__, name, f.message)
    assert checked > 1000


R = "rapporter/2023/grundskolenamnden.yaml"


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (
            "omraden: bergsjon, gardsten",
            "'omraden' ska vara en lista, men här står texten 'bergsjon, gardsten'. Skriv värdet "
            "som en lista med ett id per post: omraden: [bergsjon, gardsten].",
        ),
        (
            "omraden: Bergsjön, Gårdsten",
            "'omraden' ska vara en lista, men här står texten 'Bergsjön, Gårdsten'. Skriv värdet "
            "som en lista med ett id per post: omraden: [bergsjon, gardsten]. Som id 'Bergsjön' "
            "blir 'bergsjon' och 'Gårdsten' blir 'gardsten'; kontrollera att id:n finns i "
            "omraden.yaml.",
        ),
        (
            "omraden: bergsjon gardsten,",
            "'omraden' ska vara en lista, men här står texten 'bergsjon gardsten,'. Skriv värdet "
            "som en lista med ett id per post: omraden: [bergsjon, gardsten].",
        ),
    ],
)
def test_ids_written_as_comma_text_are_split_never_joined(
    new: str, message: str, tmp_path: Path
) -> None:
    # granska8 #3: '["bergsjon, hammarkullen"]' led to the id 'bergsjon-hammarkullen'
    assert findings_after(tmp_path, R, "omraden: [bergsjon, gardsten]", new) == [
        (R, 16, 14, "fel-typ", message)
    ]


def test_the_advice_for_comma_ids_is_valid_when_followed(tmp_path: Path) -> None:
    first = findings_after(
        tmp_path, R, "omraden: [bergsjon, gardsten]", "omraden: Bergsjön, Gårdsten"
    )
    advice = first[0][4].split("Skriv värdet som en lista med ett id per post: ")[1]
    fixed = advice.split(".")[0]
    assert findings_after(tmp_path / "2", R, "omraden: [bergsjon, gardsten]", fixed) == []


_BULLET_LEAD = (
    "'{name}' ska vara en lista, men här står texten '{text}'. Tecknet '{b}' före en post (ofta "
    "inklistrat från Word eller en webbsida) gör ingen lista i YAML: skriv '- ' (bindestreck och "
    "mellanslag) i stället för '{b}' före varje post, på egna rader under '{name}:'"
)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            "      • Mer pengar\n      • Fler lokaler\n",
            _BULLET_LEAD.format(name="behov", text="• Mer pengar • Fler lokaler", b="•")
            + ', eller som behov: ["Mer pengar", "Fler lokaler"].',
        ),
        (
            "      – Mer pengar\n",
            _BULLET_LEAD.format(name="behov", text="– Mer pengar", b="–")
            + ', eller som behov: ["Mer pengar"].',
        ),
        # YAML joins the lines with a space, so a dash between items cannot be told from one
        # within a text ('2024 – 2025'): no list to copy, only the advice.
        (
            "      – Fler lokaler 2024 – 2025\n      – Mer pengar\n",
            _BULLET_LEAD.format(name="behov", text="– Fler lokaler 2024 – 2025 – Mer pengar", b="–")
            + ".",
        ),
        # A word YAML reads as text is shown as it is; a number in quotes, to stay a text.
        (
            "      • bergsjon\n      • 2025\n",
            _BULLET_LEAD.format(name="behov", text="• bergsjon • 2025", b="•")
            + ', eller som behov: [bergsjon, "2025"].',
        ),
    ],
)
def test_bullets_pasted_from_word_say_to_write_dashes(
    lines: str, message: str, tmp_path: Path
) -> None:
    """'•' or '–' before each item, as Word writes a list: YAML reads one text. The message says
    to write '- ' instead, and shows the list in brackets, which is valid when copied."""
    old = "    fortsatt_arbete: Vi fortsätter.\n    samordning:"
    new = "    fortsatt_arbete: Vi fortsätter.\n    behov:\n" + lines + "    samordning:"
    assert findings_after(tmp_path, "rapporter/2023/grundskolenamnden.yaml", old, new) == [
        ("rapporter/2023/grundskolenamnden.yaml", 13, 7, "fel-typ", message)
    ]


def test_a_bulleted_list_written_as_suggested_is_valid(tmp_path: Path) -> None:
    old = "    fortsatt_arbete: Vi fortsätter.\n    samordning:"
    new = (
        '    fortsatt_arbete: Vi fortsätter.\n    behov: ["Mer pengar", "Fler lokaler"]\n'
        "    samordning:"
    )
    assert findings_after(tmp_path, "rapporter/2023/grundskolenamnden.yaml", old, new) == []


def test_a_number_in_a_list_of_insatser_names_the_plans_ids() -> None:
    """A post of a list of insats ids (an indicator's 'insatser'): the ids without a key; past
    five of them, how many more; no plan read, the form as before (decision 0654)."""
    from utsatta.load.type_advice import wrong_type_message
    from utsatta.model.common import InsatsId

    def message(value: Any, raw: str, insatser: list[str] | None) -> str:
        return wrong_type_message(
            "insatser", "string_type", value, raw, InsatsId, item=0, insatser=insatser
        )

    lead = "Post 1 under 'insatser' ska vara text, men YAML läser 5 som talet 5. "
    assert message(5, "5", ["1:5", "2:1", "2:5"]) == lead + (
        'Menar du 1:5 eller 2:5? Skriv id:t med kolon och inom citattecken: "1:5".'
    )
    many = [f"{n}:5" for n in range(1, 8)]
    assert message(5, "5", many) == lead + (
        "Menar du någon av 1:5, 2:5, 3:5, 4:5, 5:5 och 2 till? Skriv id:t med kolon och inom "
        'citattecken: "1:5".'
    )
    assert message(5, "5", None) == lead + (
        "Värdet är inte ett insats-id. Skriv det som i planen: fokusområdets nummer, kolon och "
        'insatsens nummer, inom citattecken (t.ex. "2:4" för insats 2:4).'
    )
    assert message(1.5, "1.50", ["1:5", "1:50"]).endswith(
        'Menar du 1:50? Skriv id:t med kolon och inom citattecken: "1:50".'
    )
    # none of the plan's: its nearest, never the 1:5 it does not have (decision 0661)
    assert message(1.5, "1.5", ["1:4", "2:1"]) == (
        "Post 1 under 'insatser' ska vara text, men YAML läser 1.5 som talet 1.5. Planen har "
        "ingen insats 1:5; närmast i planen är 1:4. Skriv ett id ur planen med kolon och inom "
        'citattecken, t.ex. "1:4".'
    )


def test_a_number_for_an_insats_in_a_report_prefers_the_organisations_own() -> None:
    """In a report the organisation's insatser that year come first, named when they narrow
    the choice or hold none of the plan's matches; the plan's ids otherwise (decision 0658)."""
    from utsatta.load.insats_advice import OrgInsatser
    from utsatta.load.type_advice import wrong_type_message
    from utsatta.model.common import InsatsId

    plan = ["1:1", "1:5", "2:1", "2:4", "2:5", "3:1", "3:3"]
    own = OrgInsatser(plan, ["1:1", "2:1", "2:4", "3:1"], "Kulturnämnden", 2025)

    def message(written: int) -> str:
        return wrong_type_message(
            "insats", "string_type", written, str(written), InsatsId, insatser=own
        ).split("som talet ")[1]

    has = "Kulturnämnden har 1:1, 2:1, 2:4 och 3:1 under 2025."
    assert message(4) == (
        '4. Menar du 2:4? Skriv id:t med kolon och inom citattecken: insats: "2:4".'
    )
    # none of its own ends in 5: the plan's, and what the organisation has
    assert message(5) == (
        f"5. Menar du 1:5 eller 2:5? {has} Skriv id:t med kolon och inom citattecken: "
        'insats: "1:5".'
    )
    # all the plan's matches are its own: nothing to add
    assert message(1) == (
        '1. Menar du 1:1, 2:1 eller 3:1? Skriv id:t med kolon och inom citattecken: insats: "1:1".'
    )
    narrowed = OrgInsatser(plan, ["2:5"], "Kulturnämnden", 2025)
    assert wrong_type_message(
        "insats", "string_type", 5, "5", InsatsId, insatser=narrowed
    ).endswith(
        "Menar du 2:5? Kulturnämnden har 2:5 under 2025. Skriv id:t med kolon och inom "
        'citattecken: insats: "2:5".'
    )
