"""A finished validation's report, as Python values and pandas tables.

Everything here is read from the service's JSON report (docs/report-schema.md); nothing is
recomputed on the client. Fields a reader does not know are left alone, as the schema asks.
"""

from __future__ import annotations

import html
import json as _json
from typing import Any, Dict, List, Optional

import pandas as pd

DIMENSION_COLUMNS = [
    "dimension",
    "title",
    "status",
    "score",
    "warn_below",
    "fail_below",
    "measure",
    "column",
    "value",
    "null_mean",
    "null_upper",
    "reason",
]
FLAGGED_COLUMNS = ["cause", "description", "rows", "groups", "example_rows", "summary"]
RECOMMENDATION_COLUMNS = [
    "id",
    "title",
    "priority",
    "action",
    "addresses",
    "trigger",
    "measured",
    "risk_before",
    "risk_after",
    "decision_after",
    "rows_removed",
    "reason",
]
PREDICTION_COLUMNS = [
    "target",
    "task",
    "metric",
    "tstr",
    "trtr",
    "tier",
    "model",
    "loss",
    "predict_at",
    "predicted_loss",
    "predicted_lower",
    "predicted_upper",
    "reliable",
]


class Report:
    """The report of one validation job.

    ``json`` is the whole report document as a dict; the properties below are views of it.
    ``typed`` is the same report as the service's ``TypedReport`` message, when it sent one.
    """

    def __init__(self, job_id: str, json_text: str, html_text: str = "", typed=None):
        self.job_id = job_id
        self.json: Dict[str, Any] = _json.loads(json_text)
        self.html = html_text
        self.typed = typed

    @property
    def _results(self) -> Dict[str, Any]:
        return self.json.get("results") or {}

    @property
    def validation_id(self) -> str:
        return self.json.get("validation_id", "")

    @property
    def decision(self) -> str:
        """``"approve"`` or ``"reject"``."""
        return self._results.get("decision", "")

    @property
    def approved(self) -> bool:
        return self.decision == "approve"

    @property
    def risk(self) -> Optional[float]:
        """0 to 100, higher is riskier (``results.risk_score``)."""
        return self._results.get("risk_score")

    @property
    def risk_level(self) -> str:
        return self._results.get("risk_level", "")

    @property
    def confidence(self) -> Optional[float]:
        return self._results.get("confidence")

    @property
    def reasons(self) -> List[str]:
        return list(self._results.get("reasons") or [])

    @property
    def collapse_types(self) -> List[str]:
        return [t.get("type", "") for t in self._results.get("collapse_types") or []]

    @property
    def dimensions(self) -> pd.DataFrame:
        """One row per dimension: its status and score with the thresholds, and its worst evidence
        (the report lists evidence worst first) beside the band that sampling noise alone gives
        (``null_mean``, ``null_upper``). A dimension that could not be judged has ``score`` NaN
        and says why in ``reason``."""
        rows = []
        for key, d in (self._results.get("dimensions") or {}).items():
            worst = (d.get("evidence") or [{}])[0]
            band = worst.get("null_band") or {}
            rows.append(
                {
                    "dimension": key,
                    "title": d.get("title"),
                    "status": d.get("status"),
                    "score": d.get("score"),
                    "warn_below": d.get("warn_below"),
                    "fail_below": d.get("fail_below"),
                    "measure": worst.get("measure"),
                    "column": worst.get("column"),
                    "value": worst.get("value"),
                    "null_mean": band.get("mean"),
                    "null_upper": band.get("upper"),
                    "reason": d.get("reason"),
                }
            )
        numeric = ["score", "warn_below", "fail_below", "value", "null_mean", "null_upper"]
        return _frame(rows, DIMENSION_COLUMNS, numeric=numeric)

    @property
    def evidence(self) -> pd.DataFrame:
        """Every measure behind every dimension, with its null band and sub-score."""
        rows = []
        for key, d in (self._results.get("dimensions") or {}).items():
            for e in d.get("evidence") or []:
                band = e.get("null_band") or {}
                rows.append(
                    {
                        "dimension": key,
                        "measure": e.get("measure"),
                        "column": e.get("column"),
                        "value": e.get("value"),
                        "null_mean": band.get("mean"),
                        "null_upper": band.get("upper"),
                        "tolerance": e.get("tolerance"),
                        "score": e.get("score"),
                        "cause": e.get("cause"),
                        "rows": e.get("rows"),
                    }
                )
        numeric = ["value", "null_mean", "null_upper", "tolerance", "score"]
        columns = ["dimension", "measure", "column", *numeric, "cause", "rows"]
        return _frame(rows, columns, numeric=numeric)

    @property
    def flagged_rows(self) -> pd.DataFrame:
        """The flagged rows by cause: how many, in how many groups, up to 20 one-based example rows
        of the candidate file and a summary (``results.localisation.causes``)."""
        causes = (self._results.get("localisation") or {}).get("causes") or []
        return _frame([{c: cause.get(c) for c in FLAGGED_COLUMNS} for cause in causes], FLAGGED_COLUMNS)

    @property
    def flagged_rows_total(self) -> int:
        return int((self._results.get("localisation") or {}).get("flagged_rows") or 0)

    @property
    def recommendations(self) -> pd.DataFrame:
        """Most urgent first; ``measured`` rows carry the risk before and after the fix was applied
        and the dataset scored again, the others say in ``reason`` why it could not be measured."""
        rows = []
        for r in self._results.get("recommendations") or []:
            impact = r.get("impact") or {}
            rows.append(
                {
                    "id": r.get("id"),
                    "title": r.get("title"),
                    "priority": r.get("priority"),
                    "action": r.get("action"),
                    "addresses": list(r.get("addresses") or []),
                    "trigger": r.get("trigger"),
                    "measured": bool(impact.get("measured")),
                    "risk_before": impact.get("risk_before"),
                    "risk_after": impact.get("risk_after"),
                    "decision_after": impact.get("decision_after"),
                    "rows_removed": impact.get("rows_removed"),
                    "reason": impact.get("reason"),
                }
            )
        return _frame(rows, RECOMMENDATION_COLUMNS, numeric=["risk_before", "risk_after"])

    @property
    def learnability(self) -> Dict[str, Any]:
        """The proxy-model cascade as the report gives it (``results.learnability``)."""
        return self._results.get("learnability") or {}

    @property
    def predictions(self) -> pd.DataFrame:
        """Per target and model tier: the metric of the model trained on the candidate (``tstr``)
        against the same model trained on real rows (``trtr``), and the loss its learning curve
        predicts at ``predict_at`` rows with the 90% interval. Empty when nothing was learned; then
        ``learnability["not_applicable"]`` says why."""
        learn = self.learnability
        rows = []
        for t in learn.get("targets") or []:
            for c in t.get("curves") or []:
                fit = c.get("fit") or {}
                rows.append(
                    {
                        "target": t.get("column"),
                        "task": t.get("task"),
                        "metric": t.get("metric"),
                        "tstr": t.get("tstr"),
                        "trtr": t.get("trtr"),
                        "tier": c.get("tier"),
                        "model": c.get("model"),
                        "loss": c.get("loss"),
                        "predict_at": fit.get("predict_at", learn.get("predict_at")),
                        "predicted_loss": fit.get("predicted_loss"),
                        "predicted_lower": fit.get("predicted_lower"),
                        "predicted_upper": fit.get("predicted_upper"),
                        "reliable": fit.get("reliable"),
                    }
                )
        return _frame(
            rows,
            PREDICTION_COLUMNS,
            numeric=["tstr", "trtr", "predicted_loss", "predicted_lower", "predicted_upper"],
        )

    def save_html(self, path) -> None:
        """Writes the service's self-contained HTML report."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.html)

    def _repr_html_(self) -> str:
        # The service's report is a whole HTML document with its own styles: an iframe keeps them
        # from restyling the notebook, and srcdoc needs no server round trip.
        if not self.html:
            return "<p>" + html.escape(repr(self)) + "</p>"
        return (
            '<iframe style="width:100%;height:720px;border:1px solid #ddd" sandbox '
            f'srcdoc="{html.escape(self.html, quote=True)}"></iframe>'
        )

    def __repr__(self) -> str:
        risk = "n/a" if self.risk is None else f"{self.risk:.1f}"
        return f"Report(job_id={self.job_id!r}, decision={self.decision!r}, risk={risk})"


def _frame(
    rows: List[Dict[str, Any]], columns: List[str], numeric: Optional[List[str]] = None
) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    # JSON nulls arrive as None; numeric columns hold NaN instead so that they stay float.
    for c in numeric or []:
        df[c] = pd.to_numeric(df[c])
    return df
