"""Fixtures: real ``synthos serve`` processes on free ports, each with its own data directory.

The command that runs synthos is, in order: ``SYNTHOS_CLASSPATH`` (a Java class path holding the
CLI and the service, as the Maven test passes it, run by ``SYNTHOS_JAVA`` or ``java``),
``SYNTHOS_JAR`` (a built ``synthos.jar``), else the ``synthos`` launcher at the repository root
(which builds the jar when it is missing or stale).
The service keeps its jobs in its embedded store under the data directory, so no database is
needed.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CLIENT_ROOT = HERE.parent
REPO = CLIENT_ROOT.parent.parent
EXAMPLES = REPO / "examples" / "pairs"


def pytest_configure(config):
    # The stubs are generated on every run, so they always match the proto the server was built from.
    subprocess.run(["bash", str(CLIENT_ROOT / "generate.sh")], check=True)
    sys.path.insert(0, str(CLIENT_ROOT))


def synthos_command(*jvm_options: str) -> list:
    java = os.environ.get("SYNTHOS_JAVA") or shutil.which("java") or "java"
    if os.environ.get("SYNTHOS_CLASSPATH"):
        return [java, *jvm_options, "-cp", os.environ["SYNTHOS_CLASSPATH"], "org.synthos.cli.SynthosCli"]
    if os.environ.get("SYNTHOS_JAR"):
        return [java, *jvm_options, "-jar", os.environ["SYNTHOS_JAR"]]
    return [str(REPO / "synthos")]


def synthos(*args: str) -> str:
    """Runs a synthos command and returns its standard output; fails the test when it fails."""
    r = subprocess.run(synthos_command() + list(args), capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        pytest.fail(f"synthos {' '.join(args)} exited {r.returncode}: {r.stderr[-2000:]}")
    return r.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running ``synthos serve``: gRPC with TLS (mutual when ``client_ca``), authentication
    required, and a generous submit rate so that no test trips the limiter by accident."""

    def __init__(self, root: Path, certs: Path, client_ca: bool, **settings):
        self.root = root
        self.certs = certs
        self.data = root / "data"
        self.storage = self.data / "storage"
        self.storage.mkdir(parents=True)
        self.grpc_port = free_port()
        self.http_port = free_port()
        self.client_ca = client_ca
        self.extra = settings
        self.process = None

    @property
    def target(self) -> str:
        return f"localhost:{self.grpc_port}"

    def settings(self) -> list:
        sets = {
            "data_dir": self.data,
            "grpc.port": self.grpc_port,
            "http.port": self.http_port,
            "grpc.tls.cert": self.certs / "server.crt",
            "grpc.tls.key": self.certs / "server.key",
            "auth.required": "true",
            "rate.submit_per_second": 100,
        }
        if self.client_ca:
            sets["grpc.tls.client_ca"] = self.certs / "ca.crt"
        sets.update(self.extra)
        args = []
        for k, v in sets.items():
            args += ["--set", f"{k}={v}"]
        return args

    def create_key(self, name: str, scopes: str) -> str:
        # The key is the last line; the running service re-reads the key file when it changes.
        out = synthos("keys", "create", "--name", name, "--scopes", scopes, "--set", f"data_dir={self.data}")
        return out.strip().splitlines()[-1]

    def start(self) -> "Server":
        # Test servers share the machine with the build: bound their heaps (the launcher reads JAVA_OPTS).
        heap = "-Xmx512m"
        env = dict(os.environ, JAVA_OPTS=(os.environ.get("JAVA_OPTS", "") + " " + heap).strip())
        command = synthos_command(heap) + ["serve"] + self.settings()
        with open(self.root / "serve.log", "ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 180
        url = f"http://127.0.0.1:{self.http_port}/health/ready"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"synthos serve exited {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        pytest.fail(f"synthos serve was not ready within 180 s: {self.log_tail()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self) -> str:
        return (self.root / "serve.log").read_text(errors="replace")[-4000:]


@pytest.fixture(scope="session")
def certs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("certs")
    synthos("certs", "--out", str(out), "--days", "2")
    return out


@pytest.fixture(scope="session")
def mtls_server(tmp_path_factory, certs):
    """Mutual TLS: callers present a client certificate signed by the fixture's CA."""
    server = Server(tmp_path_factory.mktemp("mtls"), certs, client_ca=True).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def key_server(tmp_path_factory, certs):
    """TLS without client certificates: callers authenticate with API keys."""
    server = Server(tmp_path_factory.mktemp("keys"), certs, client_ca=False)
    server.keys = {
        "submit": server.create_key("py-submit", "submit,read"),
        "read": server.create_key("py-read", "read"),
    }
    server.start()
    yield server
    server.stop()


@pytest.fixture
def client(mtls_server, certs):
    from synthos_client import Client

    with Client(
        mtls_server.target, ca=certs / "ca.crt", cert=certs / "client.crt", key=certs / "client.key"
    ) as c:
        yield c


@pytest.fixture(scope="session")
def credit_g():
    import pandas as pd

    return (
        pd.read_csv(EXAMPLES / "credit-g-candidate.csv"),
        pd.read_csv(EXAMPLES / "credit-g-reference.csv"),
    )
