"""`utsatta ny rapport`, `ny uppfoljning` and `codeowners`: new files prefilled with what the
data asks for.

The text is written by hand rather than dumped, so that every field can carry a Swedish comment
for people who have never written YAML. Required texts are left empty on purpose: `utsatta
validate` then points at each one until it is filled in. One module per file made:
:mod:`~utsatta.scaffold.rapport`, :mod:`~utsatta.scaffold.uppfoljning`,
:mod:`~utsatta.scaffold.codeowners`; the comments they share in
:mod:`~utsatta.scaffold.comments`.
"""

from utsatta.scaffold.codeowners import (
    codeowners,
    codeowners_pattern,
    repository_prefix,
    unique_handles,
)
from utsatta.scaffold.rapport import (
    SCHEMA_REF,
    existing,
    not_reporting,
    report_elsewhere,
    report_scaffold,
)
from utsatta.scaffold.uppfoljning import UPPFOLJNING_SCHEMA_REF, uppfoljning_scaffold

__all__ = [
    "SCHEMA_REF",
    "UPPFOLJNING_SCHEMA_REF",
    "codeowners",
    "codeowners_pattern",
    "existing",
    "not_reporting",
    "report_elsewhere",
    "report_scaffold",
    "repository_prefix",
    "unique_handles",
    "uppfoljning_scaffold",
]
