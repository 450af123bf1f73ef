"""PreScreenRisk: an estimate from the caller's earlier validations of similar data."""

from synthos_client import Client, PreScreen


def test_a_caller_without_validations_gets_no_estimate_and_the_reason(key_server, certs, credit_g):
    # A fresh identity has an empty signature library.
    key = key_server.create_key("py-prescreen", "submit,read")
    with Client(key_server.target, ca=certs / "ca.crt", api_key=key) as c:
        screen = c.prescreen(credit_g[0])
    assert isinstance(screen, PreScreen)
    assert screen.library_size == 0
    assert screen.not_applicable
    assert screen.risk is None and screen.confident_decision is None
    assert screen.neighbours.empty
    assert screen.features


def test_after_a_validation_the_same_data_finds_it_as_its_nearest_neighbour(client, credit_g):
    candidate, reference = credit_g
    report = client.validate(candidate, reference=reference, seed=5, progress=False)
    screen = client.prescreen(candidate, k=20)
    assert screen.library_size >= 1
    nearest = screen.neighbours.iloc[0]
    assert nearest["same_dataset"]
    assert nearest["similarity"] > 0.99
    assert nearest["decision"] == report.decision
    assert report.job_id in set(screen.neighbours["job_id"])
    # A neighbour identical in profile counts, so there is an estimate, centred on what it found.
    assert screen.not_applicable is None
    assert screen.neighbours_used >= 1
    assert screen.risk_low <= screen.risk <= screen.risk_high
    assert 0 <= screen.reject_low <= screen.reject_probability <= screen.reject_high <= 1
    assert "risk=" in repr(screen)
