"""Figures: numbers in news prose with what they measure, grouped across outlets.

``scan`` reads numbers, kinds, units and qualifiers; ``frames`` reads what each number measures from its
sentence; ``extract`` puts them together per article; ``keys`` says which figures are one quantity by their
wording, ``evidence`` weighs the clues that two differently worded figures are one; ``status`` is the one rule
that says whether a group's outlets agree; ``display`` shows a normalised value.
"""

from app.core.figures.extract import extract_figures
from app.core.figures.keys import counted_key
from app.core.figures.status import Reading, figure_status

__all__ = ["Reading", "counted_key", "extract_figures", "figure_status"]
