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


BUNDLED = "den inbyggda datamappen"


def bundled_notice(root: Path) -> str:
    """What the CLI says when it falls back on the example data (a user in the wrong folder
    must not mistake the examples for their own data)."""
    return (
        f"Obs: använder utsattas inbyggda exempeldata ({root}). Ange din datamapp med --data, "
        "UTSATTA_DATA eller genom att stå i mappen som har data/.\n"
    )


def find_data_dir(option: Path | None) -> Path:
    """The data folder to use (see ``locate_data_dir``)."""
    return locate_data_dir(option)[0]


def locate_data_dir(option: Path | None) -> tuple[Path, str]:
    """The data folder to use, checked to be a readable folder with a plan.yaml.

    Order: --data, UTSATTA_DATA, ./data, the working folder itself if it holds a plan.yaml (a
    data repository with its files at the root), then the bundled example data.
    """
    if option is not None:
        chosen, how = option, "--data"
    elif os.environ.get("UTSATTA_DATA"):
        chosen, how = Path(os.environ["UTSATTA_DATA"]), "UTSATTA_DATA"
    elif Path("data").is_dir():
        chosen, how = Path("data"), "./data"
    elif Path("plan.yaml").is_file():
        chosen, how = Path(), "arbetsmappen"
    else:
        chosen, how = bundled_data_dir(), BUNDLED
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
    return chosen, how


def data_dir_above(path: Path) -> Path | None:
    """The nearest folder at or above ``path`` that has a plan.yaml (relative to the working
    folder), for a file named without --data."""
    start = Path(os.path.realpath(path))  # never raises, not even for a link loop
    for folder in [start, *start.parents]:
        if folder.is_dir() and (folder / "plan.yaml").is_file():
            return Path(os.path.relpath(folder))
    return None
