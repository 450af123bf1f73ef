"""The README's Python blocks, run in order as a notebook would, against the mutual-TLS server."""

import os
import re

from conftest import CLIENT_ROOT, REPO

BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_the_readme_example_runs(mtls_server, certs, tmp_path, capsys):
    blocks = BLOCK.findall((CLIENT_ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 3
    # The README runs from the repository root with certificates in certs/ and a service on the
    # default port; here the certificates are the fixture's and the port is a free one.
    (tmp_path / "certs").symlink_to(certs)
    (tmp_path / "examples").symlink_to(REPO / "examples")
    code = [b.replace('"localhost:50051"', repr(mtls_server.target)) for b in blocks]
    assert all(repr(mtls_server.target) in c for c in code if "Client(" in c)
    namespace = {}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        for c in code:
            exec(compile(c, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
        if "client" in namespace:
            namespace["client"].close()

    report = namespace["report"]
    assert report.decision == "reject"
    assert "exact_duplicate" in set(namespace["why"]["cause"])
    assert namespace["fixes"]["measured"].any()
    # The README's own validation is on record, so the pre-screen of the same data finds it.
    assert namespace["screen"].neighbours["same_dataset"].any()
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("reject ")
    assert "1022 INVALID_POLICY USER 0.0" in out
