"""`utsatta codeowners`: a CODEOWNERS file that gives each organisation's reviewers its report
files (organisationer.yaml, granskare)."""

from __future__ import annotations

import re
from pathlib import Path

from utsatta.compute.responsibility import Duties
from utsatta.escape import identifier, shorten
from utsatta.load.dataset import DataSet
from utsatta.scaffold.comments import comment_block

__all__ = ["codeowners", "codeowners_pattern", "repository_prefix", "unique_handles"]


def repository_prefix(data_root: Path) -> str | None:
    """The data folder as a CODEOWNERS path: relative to the git work tree that holds it, else
    to the working folder ("" for the root itself); None when it is outside both."""
    root = data_root.resolve()
    repo = next((p for p in [root, *root.parents] if (p / ".git").exists()), None)
    base = repo if repo is not None else Path.cwd().resolve()
    try:
        prefix = root.relative_to(base).as_posix()
    except ValueError:
        return None
    return "" if prefix == "." else prefix


#: What CODEOWNERS reads as more than a letter in a path (gitignore rules): a blank ends the
#: path, ``#`` starts a comment, ``*?[]`` are wildcards, a backslash escapes; each gets one.
_CODEOWNERS_SPECIAL = re.compile(r"([ #*?\[\]\\])")


def codeowners_pattern(path: str) -> str:
    """``path`` (a folder, relative to the repository) as a CODEOWNERS path that means exactly
    that folder: ``min data`` as ``min\\ data``. A folder name with a line break or another
    control character cannot be written in the file at all (it would end the line and start
    another rule): ``DataDirError``."""
    if any(ord(c) < 32 or ord(c) == 127 or c in "\x85\u2028\u2029" for c in path):
        from utsatta.errors import DataDirError

        raise DataDirError(
            f"Datamappens sökväg ({identifier(path)}) har en radbrytning eller ett annat "
            "styrtecken och kan inte skrivas i CODEOWNERS. Byt namn på mappen."
        )
    return _CODEOWNERS_SPECIAL.sub(r"\\\1", path)


def codeowners(ds: DataSet, data_prefix: str, *, coordinators: bool = False) -> str:
    """A CODEOWNERS file: each organisation's reviewers own its report files.

    ``data_prefix`` is the data folder's path from the repository root, e.g. "data". With
    ``coordinators``, the reviewers of the organisations that have samordningsansvar for an
    insats that an organisation reports on own its report files too.
    """
    assert ds.organisationer and ds.organisationer.model
    orgs = ds.organisationer.model
    prefix = (
        "/" + codeowners_pattern(data_prefix.strip("/")) + "/" if data_prefix.strip("/") else "/"
    )
    lines = [
        "# Skapad av `utsatta codeowners` från organisationer.yaml (granskare). Ändra inte för",
        "# hand: lägg till granskare i organisationer.yaml och skapa filen igen.",
    ]
    if coordinators:
        lines += [
            "# Med --med-samordnare: granskarna hos den som har samordningsansvar för en insats",
            "# äger också rapporterna om den (GitHub kräver godkännande av en av ägarna).",
        ]
    ks = next((o for o in orgs.organisationer if o.typ == "kommunstyrelse"), None)
    # The plan's owner (the one of typ kommunstyrelse, by its name) owns what no other line
    # gives an owner: GitHub reads the last line that matches, so the fallback goes first.
    fallback = unique_handles(list(ks.granskare)) if ks is not None else []
    owner = shorten(ks.namn, 200) if ks is not None else "kommunstyrelsen"
    if fallback:
        owners = " ".join(fallback)
        lines += comment_block(
            f"Reserv: det som ingen rad nedan ger en ägare ägs av {owner}: rapporter som "
            "inte heter efter någon organisation, organisationer utan egna granskare och "
            "allt utanför datamappen.",
            "",
        )
        lines.append(f"* {owners}")
        lines += comment_block(
            "Planen, organisationerna, områdena, indikatorerna och den samlade uppföljningen: "
            f"{owner}.",
            "",
        )
        for name in (
            "plan.yaml",
            "organisationer.yaml",
            "omraden.yaml",
            "indikatorer/",
            "uppfoljning/",
        ):
            lines.append(f"{prefix}{name} {owners}")
    else:
        why = (
            f"{owner} har inga granskare i organisationer.yaml"
            if ks is not None
            else "ingen organisation i organisationer.yaml har typ kommunstyrelse"
        )
        lines += comment_block(
            f"Ingen reservägare: {why}, så planen, de gemensamma datafilerna, mallarna, "
            ".github/ och rapporter utan egna granskare har ingen ägare. Ange 'granskare' för "
            f"{owner} och skapa filen igen.",
            "",
        )
    reviewers = {o.id: list(o.granskare) for o in orgs.organisationer}
    # The file pattern covers every year: whoever holds or coordinates an insats in any year
    # (heirs included), asked once per insats, not once per organisation.
    per_insats: list[tuple[frozenset[str], list[str]]] = []
    if coordinators and ds.plan and ds.plan.model:
        duties = Duties.of(ds.plan.model, orgs)
        per_insats = [
            (frozenset(duties.responsible(i.id)), duties.samordnande(i.id))
            for i in ds.plan.model.insatser
        ]
    for org in orgs.organisationer:
        path = f"{prefix}rapporter/*/{org.id}.yaml"
        own = unique_handles(org.granskare)
        owners_of = own
        for holders, coordinating in per_insats:
            if org.id in holders:
                for coordinator in coordinating:
                    owners_of = unique_handles([*owners_of, *reviewers[coordinator]])
        if not own:
            # the fallback line owns the files only when no coordinator's line does
            then = ", reservraden (*) gäller" if fallback and not owners_of else ""
            lines.append(f"# {path}: inga egna granskare angivna{then}")
        if owners_of:
            lines.append(f"{path} {' '.join(owners_of)}")
    if fallback:
        lines += _trusted_as_code(data_prefix.strip("/"), " ".join(fallback), owner)
    return "\n".join(lines) + "\n"


def _trusted_as_code(data_prefix: str, owners: str, owner: str) -> list[str]:
    """The lines for what changes every report or the review itself: the report templates
    (``templates/`` beside the data folder, when that is in the repository) and ``.github/``
    (CODEOWNERS and the workflows), last, so that no line above can take them."""
    folders = ["/.github/"]
    if data_prefix:
        parent = data_prefix.rpartition("/")[0]
        templates = f"/{codeowners_pattern(parent)}/templates/" if parent else "/templates/"
        folders.insert(0, templates)
    what = ".github/ (den här filen och arbetsflödena)"
    if data_prefix:
        what = f"Mallarna bredvid datamappen (ändrar varje rapport) och {what}"
    lines = comment_block(
        f"{what[0].upper()}{what[1:]}: {owner}, sist så att ingen rad ovanför gäller för dem.",
        "",
    )
    return lines + [f"{folder} {owners}" for folder in folders]


def unique_handles(handles: list[str]) -> list[str]:
    """Handles in order, each once (GitHub's handles ignore case)."""
    seen: set[str] = set()
    out = []
    for handle in handles:
        if handle.lower() not in seen:
            seen.add(handle.lower())
            out.append(handle)
    return out
