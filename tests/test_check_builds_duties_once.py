"""A check run builds the plan's duties (``compute.responsibility.Duties``) once: the rules
across files and the completeness check ask the same one, for every year and every report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support import ROOT
from utsatta.check import validate
from utsatta.compute.responsibility import Duties


@pytest.mark.parametrize(
    ("root", "paths"),
    [
        (ROOT / "data", None),
        (ROOT / "tests" / "fixtures" / "report-data", None),
        (ROOT / "data", [ROOT / "data" / "rapporter" / "2023" / "grundskolenamnden.yaml"]),
    ],
    ids=["data", "report-data", "data, one report"],
)
def test_a_check_builds_the_duties_once(
    root: Path, paths: list[Path] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    real = Duties.__init__

    def counting(self: Duties, *args: Any, **kwargs: Any) -> None:
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Duties, "__init__", counting)
    result = validate(root, paths=paths, texts=False)
    assert result.dataset.plan is not None and result.dataset.plan.model is not None
    assert len(built) == 1
