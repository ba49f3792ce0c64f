"""utsatta's version, in one place: pyproject.toml reads it (hatchling's dynamic version), the
package exposes it as ``utsatta.__version__``, and every output names it (the report's
"Om rapporten", the HTML's generator, the PDF's Creator, the JSON and the export's om_filen).
What a version number promises: README, "Versioner"; docs/decisions/0630-version-1-0-0.md.
"""

# a plain assignment: hatchling reads the file with a pattern, not by importing it
__version__ = "1.0.0"

#: how every output names the tool, as `utsatta --version` does ("utsatta version 1.0.0"):
#: one wording, so that `report --check` finds the version of a written report
VERKTYG = f"utsatta version {__version__}"
