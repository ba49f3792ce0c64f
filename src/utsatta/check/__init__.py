"""The checks: the pipeline (load → schema → rules → positions) and the rules of each file kind."""

from __future__ import annotations

from utsatta.check.pipeline import CORE, ValidationResult, resolve, validate

__all__ = ["CORE", "ValidationResult", "resolve", "validate"]
