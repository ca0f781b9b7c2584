"""What the quickscan pages show, as dataclasses built from the selectors' reads:
results and recommendations, the benchmark, and one question on the answer form.

They build no HTML (the templates do) and write nothing.
"""

from .answers import QuestionView, answer_words, question_view
from .benchmark import (
    Benchmark,
    CohortCell,
    benchmark_line,
    cohort_benchmark,
    comparison_rows,
    institution_benchmark,
    position,
)
from .results import (
    Average,
    CellResult,
    Recommendation,
    ScanResults,
    recommendations,
    relevance_key,
    scan_results,
)

__all__ = [
    "Average",
    "Benchmark",
    "CellResult",
    "CohortCell",
    "QuestionView",
    "Recommendation",
    "ScanResults",
    "answer_words",
    "benchmark_line",
    "cohort_benchmark",
    "comparison_rows",
    "institution_benchmark",
    "position",
    "question_view",
    "recommendations",
    "relevance_key",
    "scan_results",
]
