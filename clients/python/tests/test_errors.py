"""Refusals and failures arrive as SynthosError subclasses with the service's ErrorInfo."""

import shutil

import grpc
import pytest
from conftest import EXAMPLES

from synthos_client import Client, DataError, ResourceError, SynthosError, TransportError, UserError


@pytest.fixture(scope="module")
def pair(mtls_server):
    d = mtls_server.storage / "errors"
    d.mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / "credit-g-real-half.csv", d / "candidate.csv")
    shutil.copy(EXAMPLES / "credit-g-reference.csv", d / "reference.csv")
    (d / "ragged.csv").write_text("a,b\n1,2\n3\n")
    return "errors/candidate.csv", "errors/reference.csv"


def test_an_unknown_policy_is_refused_at_submission(client, pair):
    with pytest.raises(UserError) as e:
        client.validate(pair[0], reference=pair[1], policy="no-such-policy", progress=False)
    assert e.value.code == 1022
    assert e.value.name == "INVALID_POLICY"
    assert e.value.category == "USER"
    assert e.value.status == grpc.StatusCode.INVALID_ARGUMENT
    assert not e.value.retryable and e.value.retry_after == 0
    assert "no-such-policy" in str(e.value)


def test_a_policy_document_as_a_dict_is_accepted(client, pair):
    policy = {"name": "strict-dup", "version": 1}
    report = client.validate(pair[0], reference=pair[1], policy=policy, progress=False)
    assert report.json["provenance"]["policy"]["name"] == "strict-dup"


def test_a_missing_dataset_is_refused_before_it_is_queued(client):
    with pytest.raises(UserError) as e:
        client.submit("errors/absent.csv")
    assert (e.value.code, e.value.name) == (1001, "FILE_NOT_FOUND")


def test_an_unknown_target_fails_the_job_with_its_code(client, pair):
    with pytest.raises(UserError) as e:
        client.validate(pair[0], reference=pair[1], target="no_such_column", progress=False)
    assert (e.value.code, e.value.name) == (1021, "UNKNOWN_COLUMN")
    assert e.value.status is None  # the job failed while running, not the call


def test_bad_data_is_a_data_error(client, pair):
    with pytest.raises(DataError) as e:
        client.validate("errors/ragged.csv", progress=False)
    assert e.value.category == "DATA"
    assert 1010 <= e.value.code < 1100


def test_a_report_before_the_job_ends_or_of_an_unknown_job(client):
    with pytest.raises(UserError) as e:
        client.report("no-such-job")
    assert (e.value.code, e.value.status) == (3004, grpc.StatusCode.NOT_FOUND)


def test_without_a_client_certificate_the_handshake_is_refused(mtls_server, certs):
    with Client(mtls_server.target, ca=certs / "ca.crt") as c:
        with pytest.raises(TransportError) as e:
            c.jobs()
    assert e.value.status == grpc.StatusCode.UNAVAILABLE
    assert e.value.code is None and e.value.retryable
    assert isinstance(e.value, SynthosError)


def test_a_job_over_its_timeout_fails_with_timeout(client, pair):
    # The pair takes several seconds (the proxy models alone have a 10 s budget): one is too few.
    with pytest.raises(ResourceError) as e:
        client.validate(pair[0], reference=pair[1], timeout=1, progress=False)
    assert (e.value.code, e.value.name, e.value.category) == (4001, "TIMEOUT", "RESOURCE")
    assert e.value.retryable and e.value.retry_after > 0
