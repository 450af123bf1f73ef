"""API keys as bearer tokens, on a TLS port that asks for no client certificate."""

import shutil

import grpc
import pytest
from conftest import EXAMPLES

from synthos_client import Client, UserError


@pytest.fixture(scope="module")
def dataset(key_server):
    d = key_server.storage / "keys"
    d.mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / "credit-g-real-half.csv", d / "candidate.csv")
    return "keys/candidate.csv"


def test_a_key_with_the_submit_scope_validates(key_server, certs, dataset):
    with Client(key_server.target, ca=certs / "ca.crt", api_key=key_server.keys["submit"]) as c:
        report = c.validate(dataset, progress=False)
        assert report.decision in ("approve", "reject")
        assert report.job_id in set(c.jobs()["job_id"])


def test_no_key_or_an_unknown_key_is_unauthenticated(key_server, certs, dataset):
    for key in (None, "syk_" + "A" * 43):
        with Client(key_server.target, ca=certs / "ca.crt", api_key=key) as c:
            with pytest.raises(UserError) as e:
                c.jobs()
        assert (e.value.code, e.value.name) == (1027, "UNAUTHENTICATED")
        assert e.value.status == grpc.StatusCode.UNAUTHENTICATED


def test_a_read_only_key_may_list_but_not_submit(key_server, certs, dataset):
    with Client(key_server.target, ca=certs / "ca.crt", api_key=key_server.keys["read"]) as c:
        assert list(c.jobs().columns)[:2] == ["job_id", "state"]
        with pytest.raises(UserError) as e:
            c.submit(dataset)
    assert (e.value.code, e.value.name) == (1028, "FORBIDDEN")
    assert e.value.status == grpc.StatusCode.PERMISSION_DENIED
