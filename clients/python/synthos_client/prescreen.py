"""The answer of ``PreScreenRisk``: a cheap estimate of a dataset's risk from the validations the
caller has already run on similar data."""

from __future__ import annotations

from typing import Dict, Optional

import pandas as pd

NEIGHBOUR_COLUMNS = [
    "validation_id",
    "job_id",
    "similarity",
    "distance",
    "same_dataset",
    "decision",
    "risk",
    "collapse_types",
]


class PreScreen:
    """The pre-screen of one dataset.

    With an estimate: ``risk`` with its 90% interval (``risk_low``, ``risk_high``), the
    probability that the full validation rejects (``reject_probability``, ``reject_low``,
    ``reject_high``), and ``confident_decision`` (``"approve"``/``"reject"``, or ``None`` when the
    interval straddles 1/2). Without one, those are ``None`` and ``not_applicable`` says why (an
    empty library, nothing similar). ``neighbours`` lists the nearest recorded validations either
    way.
    """

    def __init__(self, response):
        self.response = response
        self.dataset_uri: str = response.dataset_uri
        self.dataset_sha256: str = response.dataset_sha256
        self.library_size: int = response.library_size
        self.min_similarity: float = response.min_similarity
        self.features: Dict[str, float] = dict(response.features)
        estimated = response.WhichOneof("outcome") == "estimate"
        e = response.estimate
        self.not_applicable: Optional[str] = None if estimated else response.not_applicable.reason
        self.risk = e.risk if estimated else None
        self.risk_low = e.risk_low if estimated else None
        self.risk_high = e.risk_high if estimated else None
        self.reject_probability = e.reject_probability if estimated else None
        self.reject_low = e.reject_low if estimated else None
        self.reject_high = e.reject_high if estimated else None
        self.neighbours_used = e.neighbours_used if estimated else 0
        self.effective_neighbours = e.effective_neighbours if estimated else 0.0
        self.confident_decision = (e.confident_decision or None) if estimated else None

    @property
    def neighbours(self) -> pd.DataFrame:
        """The nearest recorded validations, nearest first, whether or not they counted (those
        below ``min_similarity`` do not)."""
        return pd.DataFrame(
            [
                {
                    "validation_id": n.validation_id,
                    "job_id": n.job_id,
                    "similarity": n.similarity,
                    "distance": n.distance,
                    "same_dataset": n.same_dataset,
                    "decision": n.decision,
                    "risk": n.risk,
                    "collapse_types": list(n.collapse_types),
                }
                for n in self.response.neighbours
            ],
            columns=NEIGHBOUR_COLUMNS,
        )

    def __repr__(self) -> str:
        if self.not_applicable is not None:
            return f"PreScreen(not_applicable={self.not_applicable!r})"
        return (
            f"PreScreen(risk={self.risk:.1f} [{self.risk_low:.1f}, {self.risk_high:.1f}], "
            f"reject_probability={self.reject_probability:.2f}, "
            f"confident_decision={self.confident_decision!r})"
        )
