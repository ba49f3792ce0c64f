"""Helpers shared by the tests (not a test module): the case folders and how to build one."""

from __future__ import annotations

import shutil
from pathlib import Path

CASES = Path(__file__).parent / "cases"
BASE = CASES / "_base"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))
ROOT = Path(__file__).parent.parent


def build_case(case: Path, into: Path) -> Path:
    """The data folder of a case: ``_base`` with the case's files laid over it."""
    data = into / "data"
    shutil.copytree(BASE, data)
    remove = case / "remove.txt"
    if remove.exists():
        for line in remove.read_text(encoding="utf-8").splitlines():
            if line.strip():
                (data / line.strip()).unlink()
    files = case / "files"
    if files.exists():
        shutil.copytree(files, data, dirs_exist_ok=True)
    return data


def schema_errors(kind: str, data: object) -> list[str]:
    """The editor schema's (JSON Schema) messages for ``data`` as a file of ``kind``."""
    from jsonschema import Draft202012Validator

    from utsatta.schema_export import file_names, schemas

    name = file_names()[kind]
    return [e.message for e in Draft202012Validator(schemas()[name]).iter_errors(data)]


def pydantic_ok(kind: str, data: object) -> bool:
    """Whether the model of ``kind`` accepts ``data``."""
    from pydantic import ValidationError

    from utsatta.load.dataset import KIND_MODELS

    try:
        KIND_MODELS[kind].model_validate(data)
    except ValidationError:
        return False
    return True
