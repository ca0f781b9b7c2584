"""The quickscan's data: questionnaire versions (editors) and institutions' scans (members)."""

from .benchmark import BenchmarkSnapshot, Cohort
from .levels import LEVEL_NAMES, Confidence, Level
from .scans import Action, Answer, Scan
from .versions import Question, QuickscanVersion

__all__ = [
    "LEVEL_NAMES",
    "Action",
    "Answer",
    "BenchmarkSnapshot",
    "Cohort",
    "Confidence",
    "Level",
    "Question",
    "QuickscanVersion",
    "Scan",
]
