"""Validations end to end against a real service over mutual TLS."""

import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import EXAMPLES

from synthos_client import Report

DIMENSIONS = {
    "distribution_fidelity",
    "correlation_preservation",
    "diversity_retention",
    "rare_pattern_tail",
    "multivariate_fidelity",
    "memorisation_privacy",
    "temporal_stability",
    "learnability",
}


def test_two_dataframes_are_uploaded_validated_and_reported(client, credit_g):
    candidate, reference = credit_g
    report = client.validate(candidate, reference=reference, seed=11, progress=False, timeout=600)

    assert isinstance(report, Report)
    # 40% of the candidate's rows repeat earlier rows: the bundled pair is rejected for it.
    assert report.decision == "reject"
    assert not report.approved
    assert 0 < report.risk <= 100
    assert report.json["job_id"] == report.job_id
    assert report.json["results"]["decision"] == "reject"

    dims = report.dimensions
    assert set(dims["dimension"]) == DIMENSIONS
    diversity = dims.set_index("dimension").loc["diversity_retention"]
    assert diversity["status"] == "fail"
    assert diversity["score"] < diversity["fail_below"]
    assert diversity["measure"] == "exact_duplicate_share"
    assert diversity["value"] == pytest.approx(0.4)
    assert diversity["value"] > diversity["null_upper"]
    judged = dims[dims["status"] != "not_applicable"]
    assert judged["score"].between(0, 100).all()
    assert dims[dims["status"] == "not_applicable"]["reason"].notna().all()

    flagged = report.flagged_rows.set_index("cause")
    assert flagged.loc["exact_duplicate", "rows"] == 200
    assert report.flagged_rows_total >= 200

    recs = report.recommendations.set_index("id")
    dedup = recs.loc["deduplicate"]
    assert dedup["measured"] and dedup["decision_after"] == "approve"
    assert dedup["risk_after"] < dedup["risk_before"]

    # The proxy models learned a target; each tier's curve predicts a loss inside its interval.
    predictions = report.predictions
    assert not predictions.empty
    assert report.learnability["not_applicable"] is None
    assert set(predictions["target"]) <= set(candidate.columns)
    fitted = predictions.dropna(subset=["predicted_loss"])
    assert not fitted.empty
    assert (fitted["predicted_lower"] <= fitted["predicted_loss"]).all()
    assert (fitted["predicted_loss"] <= fitted["predicted_upper"]).all()

    # The uploaded DataFrames are what the report's provenance names.
    assert report.json["provenance"]["candidate"]["uri"].startswith("upload://")
    assert report.json["provenance"]["candidate"]["rows"] == len(candidate)

    # The typed report says the same as the JSON one.
    assert report.typed.verdict.decision == "reject"
    assert report.typed.verdict.risk_score == pytest.approx(report.risk)
    assert len(report.typed.dimensions) == 8

    html = report._repr_html_()
    assert html.startswith("<iframe") and "srcdoc=" in html
    assert "<html" in report.html.lower()


def test_a_local_file_is_uploaded_and_the_real_half_is_approved(client):
    report = client.validate(
        Path(EXAMPLES / "credit-g-real-half.csv"),
        reference=str(EXAMPLES / "credit-g-reference.csv"),
        progress=False,
    )
    assert report.decision == "approve"
    assert (report.dimensions["status"] != "fail").all()


def test_uploading_the_same_bytes_twice_gives_the_same_reference(client, credit_g):
    first = client.upload(credit_g[1])
    assert first.startswith("upload://")
    assert client.upload(credit_g[1]) == first


@pytest.fixture(scope="module")
def stored_pair(mtls_server):
    """The credit-g pair in the server's storage root, named by storage-relative paths."""
    pairs = mtls_server.storage / "pairs"
    pairs.mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / "credit-g-candidate.csv", pairs / "candidate.csv")
    shutil.copy(EXAMPLES / "credit-g-reference.csv", pairs / "reference.csv")
    return "pairs/candidate.csv", "pairs/reference.csv"


def test_a_server_side_path_is_passed_as_is(client, stored_pair):
    report = client.validate(stored_pair[0], reference=stored_pair[1], progress=False)
    assert report.decision == "reject"
    assert report.json["provenance"]["candidate"]["uri"] == "pairs/candidate.csv"
    assert report.json["provenance"]["reference"]["uri"] == "pairs/reference.csv"


def test_column_types_force_how_columns_are_treated(client, stored_pair):
    report = client.validate(
        stored_pair[0],
        reference=stored_pair[1],
        column_types={"duration": "category", "purpose": "text"},
        progress=False,
    )
    schema = {c["name"]: c for c in report.json["provenance"]["candidate"]["schema"]}
    assert schema["duration"]["type"] == "categorical"
    assert schema["duration"]["reason"] == "override"
    assert schema["purpose"]["treated_as"] == "text"
    assert schema["age"]["reason"] != "override"


def test_localize_lists_every_flagged_row(client, stored_pair):
    rows = client.localize(stored_pair[0], reference=stored_pair[1], seed=11)
    assert list(rows.columns) == ["row", "cause", "group", "reason"]
    assert rows.attrs["total"] == len(rows) >= 200
    assert "not_applicable" not in rows.attrs
    duplicates = rows[rows["cause"] == "exact_duplicate"]
    assert len(duplicates) == 200
    assert rows["row"].between(1, 500).all()
    assert (duplicates["group"] >= 0).all()


def test_watch_follows_the_engine_stages_to_the_end(client, mtls_server):
    pairs = mtls_server.storage / "watch"
    pairs.mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / "credit-g-real-half.csv", pairs / "candidate.csv")
    shutil.copy(EXAMPLES / "credit-g-reference.csv", pairs / "reference.csv")
    job = client.submit("watch/candidate.csv", reference="watch/reference.csv")
    events = list(client.watch(job, timeout=600))
    assert events[-1].state == 3  # SUCCEEDED
    assert events[-1].percent == pytest.approx(100)
    percents = [e.percent for e in events]
    assert percents == sorted(percents)
    stages = {e.stage for e in events}
    assert {"profile", "decision"} <= stages
    assert client.job(job).state == 3
    assert job in set(client.jobs(state="succeeded")["job_id"])


def test_progress_bar_runs_on_the_watch_stream(client, mtls_server, capsys):
    pairs = mtls_server.storage / "bar"
    pairs.mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / "credit-g-real-half.csv", pairs / "candidate.csv")
    report = client.validate("bar/candidate.csv", progress=True)
    assert "100%" in capsys.readouterr().err
    # Without a reference only diversity can be judged: the rest say why, nothing was learned.
    dims = report.dimensions.set_index("dimension")
    assert dims.loc["diversity_retention", "status"] != "not_applicable"
    others = dims.drop(index="diversity_retention")
    assert (others["status"] == "not_applicable").all()
    assert others["score"].isna().all()
    assert others["reason"].str.contains("reference").all()
    assert report.predictions.empty
    assert report.learnability["not_applicable"]


def test_train_cascade_streams_each_model_then_the_predictions(client, stored_pair):
    seen = []
    models = client.train_cascade(
        stored_pair[0], reference=stored_pair[1], target="class", seed=12, on_model=seen.append
    )
    assert len(models) == len(seen) > 0
    assert list(models["done"]) == sorted(models["done"])
    assert models["done"].iloc[-1] == models["total"].iloc[0]
    assert set(models["tier"]) >= {"gbt_small", "linear"}
    assert set(models["device"]) == {"cpu"}
    target = models.attrs["predictions"]["learnability"]["targets"][0]
    assert target["column"] == "class"
    assert [c["tier"] for c in target["curves"]] == ["linear", "gbt_small", "gbt_large"]
