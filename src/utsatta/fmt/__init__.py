"""`utsatta fmt`: one canonical layout for the data files, without changing their content or
comments. Only files our reader accepts without a problem are formatted, and the result is
checked (same data, same comments) before it is written. See
docs/decisions/0005-fmt-canonical-layout.md."""

from __future__ import annotations

import codecs
import io
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError

from utsatta.errors import ArgumentError
from utsatta.escape import identifier, shorten, utsatta_command
from utsatta.findings import Finding, Severity, at_line
from utsatta.fmt.difference import first_difference
from utsatta.fmt.layout import Comment, assemble, attach, comment_texts, comments, layout
from utsatta.fmt.result import NOT_WRITTEN, WRITE_REFUSED, FmtResult, FmtRun, FormatRefused
from utsatta.fmt.shape import Shape, differences, make_yaml, rebuild, same
from utsatta.limits import MAX_FILE_BYTES, size_text
from utsatta.lineends import invisible_difference, to_lf
from utsatta.load.dataset import KIND_MODELS
from utsatta.load.files import discover, display_path
from utsatta.load.yamlread import decode, parse

__all__ = [
    "NOT_READ_CODES",
    "NOT_WRITTEN",
    "WRITE_REFUSED",
    "FmtResult",
    "FmtRun",
    "FormatRefused",
    "comment_texts",
    "format_file",
    "format_text",
    "in_folder",
    "not_checked",
    "same",
]

Path_ = tuple[Any, ...]


# --------------------------------------------------------------------------------------------
# The public functions.

#: What the data folder's walk leaves unread that is, or holds, a data file: a link out of the
#: folder or to a folder (and a broken one, below), an unreadable folder, a folder or a device
#: where a file should be, a data file with the wrong ending, in the wrong place or in a folder
#: of another letter case (Rapporter/). fmt neither
#: checks nor formats these, and says so (validate reports them under the same codes).
NOT_READ_CODES = frozenset(
    {
        "lank-utanfor-data",
        "lankad-mapp",
        "mapp-kan-inte-lasas",
        "mapp-i-stallet-for-fil",
        "inte-en-vanlig-fil",
        "fel-filandelse",
        "fel-plats",
        "fel-skiftlage",
    }
)
#: A link that leads nowhere or in circles: not read either, and said when it is named like a
#: data file (an error in validate; any other such link is a warning there, and not fmt's).
_LINK_CODES = frozenset({"lank-bruten", "lank-slinga"})


def not_checked(root: Path) -> list[FmtResult]:
    """What in the data folder ``root`` fmt does not read, each as a refused result naming the
    file (or folder) and why: ``utsatta fmt`` must never say "all files are formatted" over a
    file it skipped. Their ``path`` is as the user sees it (relative to the working folder)."""
    findings: list[Finding] = []
    discover(root, findings)
    return _refused(findings)


def in_folder(root: Path, folder: Path) -> tuple[list[tuple[Path, str]], list[FmtResult]]:
    """The data files in ``folder`` (a folder inside the data folder ``root``) with their
    kinds, and what in it fmt does not read, each as a refused result (as ``not_checked``).

    Found by the data folder's own walk, so a folder named on the command line is read as the
    whole folder is: no link is followed, and none is skipped silently. A linked folder in it,
    or the folder itself when it is a link or is reached through one, is named with its reason
    (validate's code), as is a file with the wrong ending or in the wrong place."""
    findings: list[Finding] = []
    found, _ = discover(root, findings)
    base = os.path.abspath(folder)  # noqa: PTH100 - not resolved: a link is not followed
    files = [(p, kind) for p, kind in found if _within(str(p), base)]
    skipped = [
        r
        for r in _refused(findings)
        if _within(str(r.path), base) or _within(base, str(r.path))  # in it, or on its way
    ]
    return files, skipped


def _within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies in it, by name (links not followed)."""
    full = os.path.abspath(path)  # noqa: PTH100
    return full == folder or full.startswith(folder.rstrip(os.sep) + os.sep)


#: Said first: validate's message may end in a command (git mv …), which must end its line.
NOT_FORMATTED = "fmt har varken kontrollerat eller formaterat filen. "


def _misplaced(path: Path, inside: Path | None) -> Finding | None:
    """validate's finding for a file that is no data file by its name and place in the data
    folder ``inside``; None outside it, or without one."""
    from utsatta.load.files import misplaced

    named = _in_data_folder(path, inside)
    return None if named is None else misplaced(*named)


def _in_data_folder(path: Path, inside: Path | None) -> tuple[Path, Path] | None:
    """The data folder ``inside`` and ``path`` named from it, when the file lies in it (by
    name); None without a data folder, or outside it."""
    if inside is None:
        return None
    root, full = os.path.abspath(inside), os.path.abspath(path)  # noqa: PTH100
    if not _within(full, root) or full == root:
        return None
    # named from the data folder as the run named it, as validate names it (a file given
    # as an argument is named the same way, never by its absolute path)
    return inside, inside.joinpath(os.path.relpath(full, root))


def _misfiled(path: Path, inside: Path | None, kind: str, text: str) -> Finding | None:
    """validate's finding for a file at a data file's place whose own keys say it is another
    kind (``load.placement.misfiled``); None when they do not, or without a data folder."""
    from utsatta.load.placement import misfiled
    from utsatta.load.yamlread import parse

    named = _in_data_folder(path, inside)
    if named is None:
        return None
    data = parse(text).data
    if not isinstance(data, dict):
        return None  # format_text says what is wrong with it
    found = misfiled(*named, kind, data)
    return None if found is None else found[0]


def _refused(findings: list[Finding]) -> list[FmtResult]:
    # an error in fmt whatever it is in validate: fmt must not pass over a data file it skipped
    return [
        FmtResult(
            Path(f.file),
            findings=(
                at_line(
                    f.file,
                    f.line,
                    f.column,
                    f.code,
                    f"{NOT_FORMATTED}{f.message}",
                ),
            ),
        )
        for f in findings
        if f.code in NOT_READ_CODES or (f.code in _LINK_CODES and f.severity == Severity.FEL)
    ]


def _check(original_data: Any, original_comments: Counter[str], formatted: str) -> str | None:
    """Why ``formatted`` may not replace the original, or None if it may."""
    result = parse(formatted)
    errors = [p for p in result.problems if p.severity == "fel"]
    if errors:
        p = errors[0]
        return f"resultatet går inte att läsa (rad {p.line}: {p.code})"
    if not same(result.data, original_data):
        return "resultatet har inte samma innehåll som originalet"
    if comment_texts(formatted) != original_comments:
        return "resultatet har inte samma kommentarer som originalet"
    return None


#: Line breaks for the parser (YAML 1.1 style) that are not line breaks for us: refused.
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return to_lf(text)


def _places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any, bool]]:
    """Every key and every value that is no mapping or list below ``data``, in document order:
    (its path, the key or value, whether it is a key)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), key, True
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _places(value, (*path, i))
    else:
        yield path, data, False


def _sentence_key(data: Any) -> tuple[Any, ...] | None:
    """The path of the first key with a space or other blank in it, or None."""
    return next(
        (p for p, key, is_key in _places(data) if is_key and _blank_in(key)),
        None,
    )


def _blank_in(key: Any) -> bool:
    return isinstance(key, str) and any(c.isspace() for c in key)


def _unfaithful(dumped: str, data: Any) -> frozenset[Path_]:
    """The paths of the values in ``dumped`` that our reader reads otherwise than ``data``, or
    refuses (an escape within "…" such as '\\t': the finding stands where the value starts)."""
    reread = parse(dumped, track=True)
    wrong = set(differences(reread.data, data))
    refused = {(p.line, p.column) for p in reread.problems if p.severity == "fel"}
    if refused and reread.positions is not None:
        wrong.update(path for path, at in reread.positions.values.items() if at in refused)
    return frozenset(wrong)


def _unreadable(exc: MarkedYAMLError) -> FormatRefused:
    """ruamel.yaml's parser is stricter than libyaml in a few corners (a tab inside a value)."""
    mark = exc.problem_mark or exc.context_mark
    problem = str(exc.problem or exc.context or "okänt problem")
    return FormatRefused(
        "Filen formateras inte: formateraren (ruamel.yaml) kan inte läsa den här raden "
        f"({problem}), fast den är giltig YAML. "
        # quoting does not help a tab: it can only be written back as '\t' (see format_text)
        + (
            "Ersätt tabbtecknet på raden med ett mellanslag."
            if "\\t" in problem  # ruamel names it as a repr
            else "Skriv värdet inom citattecken eller ta bort ovanliga tecken."
        ),
        line=mark.line + 1 if mark is not None else None,
        column=mark.column + 1 if mark is not None else None,
    )


def format_text(text: str, kind: str) -> str:
    """The canonical layout of ``text``, a data file of the given kind: "plan",
    "organisationer", "omraden", "indikator", "rapport" or "uppfoljning" (``KIND_MODELS``).

    Raises :class:`FormatRefused` (Swedish message) for text our reader does not accept without
    problems, and (``internal=True``) if the result would not have the same content;
    ``ArgumentError`` for an unknown ``kind``.
    """
    model = KIND_MODELS.get(kind)
    if model is None:
        raise ArgumentError(
            f"Okänd filtyp {identifier(shorten(repr(kind)))}. Filtyperna är "
            f"{', '.join(KIND_MODELS)}.",
            argument="kind",
        )
    original = parse(text[1:] if text.startswith("\ufeff") else text)
    errors = [p for p in original.problems if p.severity == "fel"]
    if errors:
        p = errors[0]
        raise FormatRefused(
            f"Filen formateras inte eftersom den har fel: {p.message}",
            line=p.line,
            column=p.column,
            check=True,
        )
    # A list written in a plain text is read as one line: formatted, the text would be written
    # as that line and the list the writer meant (and the warning about it) would be gone.
    lista = next((p for p in original.problems if p.code == "lista-i-text"), None)
    if lista is not None:
        raise FormatRefused(
            "Filen formateras inte, eftersom en text ser ut som en lista som läses som en enda "
            f"rad (formaterad skulle den skrivas så): {lista.message}",
            line=lista.line,
            column=lista.column,
            check=True,
        )
    sentence = _sentence_key(original.data)
    if sentence is not None:
        # Not a field of any file kind: moved among the unknown keys it could land under a
        # block text and then read as text pasted without indentation (found by hypothesis).
        positions = parse(text[1:] if text.startswith("\ufeff") else text, track=True).positions
        line, column = positions.locate(sentence, at_key=True) if positions else (None, None)
        raise FormatRefused(
            f"Filen formateras inte: nyckeln '{shorten(str(sentence[-1]))}' är inget fältnamn "
            "(fältnamn har inga mellanslag); troligen är det text som har hamnat på en egen rad.",
            line=line,
            column=column,
            check=True,
        )
    source = _normalise(text)
    odd = _ODD_BREAK.search(source)
    if odd is not None:
        line = source.count("\n", 0, odd.start()) + 1
        raise FormatRefused(
            f"Filen formateras inte: den innehåller tecknet U+{ord(odd.group()):04X} (en "
            "radbrytning som YAML-läsare tolkar olika). Ersätt det med en vanlig radbrytning "
            "eller ett mellanslag.",
            line=line,
            column=odd.start() - (source.rfind("\n", 0, odd.start()) + 1) + 1,
        )
    try:
        lay = layout(source)
        if not lay.root_is_block_map:
            raise FormatRefused(
                "Filen formateras inte: den ska bestå av rader med 'nyckel: värde' på översta "
                "nivån, inte en lista eller ett värde inom '{ … }'.",
                line=1,
                column=1,
            )
        kept = Counter(c.text for c in comments(lay) if isinstance(c, Comment))
        attached = attach(lay)
        try:
            tree = make_yaml().load(source)
        except MarkedYAMLError as exc:
            raise _unreadable(exc) from None
        why: str | None = "okänt fel"
        forced: frozenset[Path_] = frozenset()
        for _ in range(3):
            stream = io.StringIO()
            make_yaml().dump(rebuild(tree, Shape(model=model), original.data, (), forced), stream)
            dumped = stream.getvalue()
            for blank_lines in (True, False):
                formatted = assemble(dumped, attached, blank_lines=blank_lines)
                why = _check(original.data, kept, formatted)
                if why is None:
                    return formatted
            # Values ruamel.yaml did not write back faithfully, or wrote so that the reader
            # refuses them: again, in a style that reads back as the value (shape.faithful).
            wrong = _unfaithful(dumped, original.data) - forced
            if not wrong:
                break
            forced |= wrong
    except FormatRefused:
        raise
    except Exception as exc:  # ruamel.yaml or a bug here: never a traceback for the user
        why = f"{type(exc).__name__}: {exc}"
    raise FormatRefused(
        f"Internt fel i utsatta fmt: filen lämnas orörd ({why}). Filen är troligen korrekt; "
        "rapportera gärna felet till utsattas utvecklare.",
        internal=True,
    )


def _inside(link: Path, root: Path) -> bool:
    try:
        link.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # outside, or a loop of links
        return False
    return True


def unknown_file(data: Path | None) -> str:
    """Why a file named to fmt is not formatted when it is no data file utsatta knows; the
    check it suggests is of ``data``, the data folder as the run named it."""
    return (
        "Filen ligger inte på en plats som utsatta känner till och formateras inte. Datafiler "
        "är plan.yaml, organisationer.yaml, omraden.yaml, indikatorer/<id>.yaml, "
        "rapporter/<år>/<organisation>.yaml och uppfoljning/<år>.yaml. Se vad som är fel med "
        "filen med: " + utsatta_command("validate", data=None if data is None else str(data))
    )


def _read_only(path: Path) -> bool:
    """No write bit at all (what Windows' Skrivskyddad and chmod a-w give; it holds for root
    too), or no write permission for this user."""
    try:
        return path.stat().st_mode & 0o222 == 0 or not os.access(path, os.W_OK)
    except OSError:
        return False  # the write itself says what is wrong


def format_file(
    path: Path,
    kind: str | None,
    *,
    write: bool = True,
    inside: Path | None = None,
    name: str | None = None,
) -> FmtResult:
    """Format one file in place (atomically), or with ``write=False`` only find out whether it
    would change. ``kind`` is the data file's kind (None: a file utsatta does not know, which
    is refused). Never raises for bad content: the result's findings say why a file was not
    formatted or not written, each in ``name`` (default: :func:`display_path`). With ``inside``
    (the data folder) the write is refused when the file, through a linked folder, lies
    outside it."""
    from utsatta.errors import OutputError, WriteRefused
    from utsatta.fileio import read_regular, reason
    from utsatta.filewrite import write_atomic

    file = display_path(path) if name is None else name

    def refused(code: str, message: str, *, changed: bool = False) -> FmtResult:
        return FmtResult(path, changed=changed, findings=(at_line(file, 1, 1, code, message),))

    if kind is None:
        # validate's own advice (rename .yml, move a misplaced report …) when it has one
        found = _misplaced(path, inside)
        if found is not None:
            return refused(found.code, f"{NOT_FORMATTED}{found.message}")
        return refused("fmt-okand-fil", unknown_file(inside))
    if path.is_symlink():
        if inside is not None and not _inside(path, inside):
            return refused(
                "lank-utanfor-data",
                "Filen är en symbolisk länk som pekar utanför datamappen och varken "
                "kontrolleras eller formateras (av säkerhetsskäl läses den inte). Lägg in filen "
                "i datamappen i stället.",
            )
        return refused(
            "fmt-lank",
            "Filen är en symbolisk länk och formateras inte. Formatera filen den pekar på.",
        )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return refused(
                "for-stor-fil",
                f"Filen är större än {size_text(MAX_FILE_BYTES)} och formateras inte.",
            )
        raw = read_regular(path)  # never blocks on a FIFO or device
    except OSError as exc:
        return refused("kan-inte-lasa", f"Filen går inte att läsa ({reason(exc)}).")
    text, problem = decode(raw)
    if text is None:
        assert problem is not None
        return FmtResult(
            path,
            findings=(at_line(file, problem.line, problem.column, problem.code, problem.message),),
        )
    other = _misfiled(path, inside, kind, text)
    if other is not None:  # an indicator in rapporter/2024/: formatted as a report it would be
        return refused(other.code, f"{NOT_FORMATTED}{other.message}")
    try:
        formatted = format_text(text, kind)
    except FormatRefused as exc:
        data = None if inside is None else str(inside)
        return FmtResult(path, findings=(exc.finding(file, data),), fmt_only=not exc.check)
    only_crlf = text.count("\n") == text.count("\r\n")
    if (
        only_crlf
        and formatted == text.replace("\r\n", "\n")
        and not raw.startswith(codecs.BOM_UTF8)
    ):
        # Only the line endings differ, every one CRLF (a Windows checkout, git's autocrlf):
        # the layout is right and the file is left as it is (docs/decisions/0005). Mixed
        # endings are made one style below (README: mostly CRLF gives CRLF, else LF).
        return FmtResult(path)
    if text.count("\r\n") * 2 > text.count("\n"):  # mostly CRLF: the file keeps its style
        formatted = formatted.replace("\n", "\r\n")
    new = formatted.encode("utf-8")
    if new == raw:
        return FmtResult(path)
    only = invisible_difference(raw, new) or ""
    if not write:
        # the line to change, for whoever cannot run fmt (GitHub's web editor)
        first = None if only else first_difference(text, formatted)
        line, difference = first or (0, "")
        return FmtResult(path, changed=True, only=only, line=line, difference=difference)
    if _read_only(path):
        # A rename would replace it (the folder is writable): the protection is the owner's word.
        return refused(
            WRITE_REFUSED,
            "Filen är skrivskyddad, så fmt formaterar den inte (utsatta tar inte bort ett "
            "skrivskydd). Ta bort skrivskyddet om filen ska formateras (chmod u+w; i Windows: "
            "Egenskaper → avmarkera Skrivskyddad) och kör utsatta fmt igen.",
            changed=True,
        )
    try:
        if read_regular(path) != raw:
            return refused(
                "fmt-fil-andrad",
                "Filen ändrades medan den formaterades och lämnas som den är. Försök igen.",
                changed=True,
            )
        write_atomic(path, formatted, overwrite=True, inside=inside)
    except OutputError as exc:
        code = WRITE_REFUSED if isinstance(exc, WriteRefused) else NOT_WRITTEN
        return refused(code, str(exc), changed=True)
    except OSError as exc:
        return refused(NOT_WRITTEN, f"Filen går inte att skriva ({reason(exc)}).", changed=True)
    return FmtResult(path, changed=True, written=True, only=only)
