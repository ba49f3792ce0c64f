"""Where the data and the templates are: --data, UTSATTA_DATA, ./data, or the bundled copy."""

from __future__ import annotations

import os
from pathlib import Path

from utsatta.errors import DataDirError

_PACKAGE = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    # In a wheel the folders are copied to utsatta/_bundled/; in a source checkout (editable
    # install, tests) they are the top-level folders of the repository.
    inside = _PACKAGE / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent.parent / name


def bundled_data_dir() -> Path:
    return _bundled("data")


def bundled_templates_dir() -> Path:
    return _bundled("templates")


def find_data_dir(option: Path | None) -> Path:
    """The data folder to use, checked to be a readable folder with a plan.yaml."""
    if option is not None:
        chosen, how = option, "--data"
    elif os.environ.get("UTSATTA_DATA"):
        chosen, how = Path(os.environ["UTSATTA_DATA"]), "UTSATTA_DATA"
    elif Path("data").is_dir():
        chosen, how = Path("data"), "./data"
    else:
        chosen, how = bundled_data_dir(), "den inbyggda datamappen"
    if not chosen.exists():
        raise DataDirError(f"Datamappen {chosen} (från {how}) finns inte. Ange en mapp med --data.")
    if not chosen.is_dir():
        raise DataDirError(f"{chosen} (från {how}) är inte en mapp. Ange datamappen med --data.")
    if not os.access(chosen, os.R_OK | os.X_OK):
        raise DataDirError(f"Datamappen {chosen} (från {how}) går inte att läsa (behörighet).")
    if not (chosen / "plan.yaml").is_file():
        raise DataDirError(
            f"Datamappen {chosen} (från {how}) saknar plan.yaml och är därför ingen utsatta-"
            "datamapp. Ange rätt mapp med --data."
        )
    return chosen
