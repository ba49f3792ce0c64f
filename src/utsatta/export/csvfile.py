"""One table as CSV text for Swedish Excel, LibreOffice and Power BI.

The dialect (docs/decisions/0051-export-tidy-tabeller.md): UTF-8 with a byte order mark (Excel
then reads å, ä, ö right), semicolon between fields and decimal comma in numbers (what Excel
with Swedish settings expects when a file is opened with a double click, and R's
``read.csv2``), CRLF line ends and quotes as in RFC 4180 (a field with ; " or a line break is
quoted, a quote doubled). Numbers are written as numbers, without thousands separator.

Every text is cleaned first (:mod:`utsatta.export.cells`: no control or bidi character is
written), and a number no format can hold is a Swedish error naming the cell.

Formula injection: a text that begins with ``=``, ``+``, ``-``, ``@``, TAB or CR, or a form
that NFKC makes one of them (``＝``, ``﹦``, ``⁼`` …), after any white space, soft hyphen or
direction mark (LRM, RLM, ALM: prose keeps them, no cell shows them), gets a leading ``'``,
so no spreadsheet evaluates text from the data (OWASP's advice on CSV injection;
docs/decisions/0425-formeltecken-i-csv.md, 0579, 0640). Numbers are never touched, so a
negative number stays a number.

Typed text: a text that Excel, opening the file with a double click, would turn into a time, a
date, a number, an amount, a truth value or an error value and so lose (the insats id ``2:1``
becomes 02:01, ``2024-03`` 1 March, ``007`` 7, ``#N/A`` an error), gets the same leading ``'``
(:func:`excel_text`), so every id arrives as text. A plain integer (``3``) is left alone: Excel
reads the same number. docs/decisions/0543-id-som-text-i-csv.md, 0579.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from decimal import Decimal
from typing import Final

from utsatta.export.cells import clean_text, number_of
from utsatta.export.table import Cell, Column, Table
from utsatta.numbers import WrittenFloat

__all__ = [
    "BOM",
    "DANGEROUS_PREFIXES",
    "FORMULA_STARTS",
    "csv_text",
    "excel_text",
    "number_text",
    "safe_text",
    "typed_by_excel",
]

BOM: Final = "\ufeff"
#: the first characters that make Excel or LibreOffice read a cell as a formula
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
#: those and their full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20); every other character
#: that NFKC normalisation (an East Asian input method, an import step) turns into one of them
#: (the small forms ﹦ ﹢ ﹣ ﹫, super- and subscript ⁼ ⁺ ₌ ₊, ﬩ …) is guarded too (safe_text)
DANGEROUS_PREFIXES: Final = (*FORMULA_STARTS, "\uff1d", "\uff0b", "\uff0d", "\uff20")


#: what prose keeps but no cell shows, so an import may drop it: the soft hyphen and the
#: direction marks LRM, RLM and ALM (docs/decisions/0640)
_UNSEEN_LEADS: Final = "\u00ad\u200e\u200f\u061c"


def safe_text(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet could read it as a formula, also after
    any leading white space: blanks (a TAB is a blank once the cell is cleaned:
    " =HYPERLINK(…)"), no-break and ideographic spaces, line breaks ("\\n=1+1"), which an
    import that trims a cell would remove, and soft hyphens and direction marks, which no cell
    shows."""
    start = text.lstrip()
    while start[:1] and start[0] in _UNSEEN_LEADS:
        start = start[1:].lstrip()
    # as NFKC leaves the first characters (granska19 F5: a hand list missed ﹦ and ⁼)
    head = unicodedata.normalize("NFKC", start[:4]).lstrip()
    return "'" + text if head.startswith(FORMULA_STARTS) else text


#: the words Excel (Swedish or English) reads in a date, a time, a number or a truth value: the
#: months, AM/PM (also A and P after a number), the exponent E, SANT/FALSKT and TRUE/FALSE
_TYPED_WORDS: Final = frozenset({
    "kr",
    "jan", "januari", "january", "feb", "februari", "february", "mar", "mars", "march", "apr",
    "april", "maj", "may", "jun", "juni", "june", "jul", "juli", "july", "aug", "augusti",
    "august", "sep", "sept", "september", "okt", "oktober", "oct", "october", "nov", "november",
    "dec", "december", "a", "p", "am", "pm", "e", "sant", "falskt", "true", "false",
})  # fmt: skip
_TRUTH: Final = frozenset({"sant", "falskt", "true", "false"})
#: only these (ASCII) besides digits and those words: separators of times, dates, fractions and
#: numbers, a percent sign, a currency sign ("5 kr" above, "$5", "5 €" once € and £ are "$"),
#: a sign, and brackets round the whole (a negative number); anything else (a letter of another
#: word, an en dash, "79,2 % (2014)") makes Excel keep the text
_TYPED_TEXT: Final = re.compile(r"(\()?[0-9A-Za-z\s:/.,%$+\-]*(?(1)\))")
_CURRENCY: Final = str.maketrans({"\u20ac": "$", "\u00a3": "$"})
#: the error values Excel reads in a CSV cell (English and Swedish Excel), which no longer hold
#: the text and make a sum or a lookup over the column an error (granska19 F4)
_ERROR_VALUES: Final = frozenset({
    "#null!", "#div/0!", "#value!", "#ref!", "#name?", "#num!", "#n/a", "#getting_data",
    "#spill!", "#calc!", "#field!", "#blocked!", "#connect!", "#busy!", "#unknown!",
    "#python!", "#skärning!", "#division/0!", "#värdefel!", "#referens!", "#namn?",
    "#ogiltigt!", "#saknas!",
})  # fmt: skip
_WORD: Final = re.compile(r"[A-Za-z]+")
#: what Excel reads back as the very same text: 0, or up to 11 digits without a leading zero
#: (a longer integer is shown as 1,23457E+11 in the General format)
_PLAIN_INTEGER: Final = re.compile(r"0|[1-9][0-9]{0,10}")
#: the no-break spaces Swedish Excel reads as a thousands separator ("1 000" is 1000)
_NO_BREAK: Final = str.maketrans({"\u00a0": " ", "\u202f": " "})


def typed_by_excel(text: str) -> bool:
    """Whether Excel, opening a CSV file, could turn ``text`` into a time, a date, a number, a
    truth value or an error value that no longer reads as the text: "2:1", "2024-03-01", "1/2",
    "007", "1e5", "3 maj", "5 kr", "sant", "#N/A". Errs on the safe side (an extra apostrophe
    costs a character); a plain integer ("12") is not, since Excel shows the same number."""
    s = text.translate(_NO_BREAK).strip()
    if s.casefold() in _ERROR_VALUES:
        return True
    s = s.translate(_CURRENCY)
    if not s.isascii() or _PLAIN_INTEGER.fullmatch(s) or not _TYPED_TEXT.fullmatch(s):
        return False
    words = _WORD.findall(s.casefold())
    if not all(w in _TYPED_WORDS for w in words):
        return False
    return any(c.isdigit() for c in s) or (len(words) == 1 and words[0] in _TRUTH)


def excel_text(text: str) -> str:
    """``text`` as a CSV cell: a leading ``'`` if a spreadsheet could read it as a formula
    (:func:`safe_text`) or turn it into a time, date, number or truth value
    (:func:`typed_by_excel`), else unchanged."""
    guarded = safe_text(text)
    if guarded == text and typed_by_excel(text):
        return "'" + text
    return guarded


def number_text(value: int | float) -> str:
    """A number with decimal comma and no exponent: 15.7 → "15,7", a computed 74.0 → "74" (the
    file's ``74.0`` → "74,0"), -3 → "-3"."""
    if isinstance(value, bool):  # pragma: no cover - tables hold ja/nej as text
        raise TypeError("ja/nej skrivs som text")
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise ValueError(f"talet {value!r} kan inte skrivas i CSV")
    written = value.decimals if type(value) is WrittenFloat else 0
    if value.is_integer() and not written:
        return str(int(value))
    # repr gives the shortest text that reads back as the same float; Decimal drops the
    # exponent; + 0.0 makes -0.0 a 0.0
    text = format(Decimal(repr(value + 0.0)), "f")
    if written:  # the zeros the file wrote after those digits, never other digits (0669)
        whole, _, decimals = text.partition(".")
        text = f"{whole}.{decimals.ljust(written, '0')}"
    return text.replace(".", ",")


def _field(value: Cell, table: Table, index: int, column: Column) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # cleaned first: removing a leading control must not uncover a formula
        return excel_text(clean_text(value, column))
    return number_text(number_of(value, table, index, column))


def csv_text(table: Table) -> str:
    """The table as CSV text, header row first, starting with the byte order mark."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quotechar='"', lineterminator="\r\n")
    writer.writerow([c.namn for c in table.columns])
    for index, row in enumerate(table.rows):
        writer.writerow(
            [_field(v, table, index, c) for v, c in zip(row, table.columns, strict=True)]
        )
    return BOM + buf.getvalue()
