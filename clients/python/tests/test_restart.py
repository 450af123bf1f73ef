"""A wait outlives a restart of the service: the job is re-queued and the client reconnects."""

import shutil
import threading
import time

from conftest import EXAMPLES, Server

from synthos_client import Client


def test_validate_waits_through_a_restart_of_the_service(tmp_path, certs):
    # No grace: the running job goes back to the queue at once when the service stops.
    server = Server(tmp_path, certs, client_ca=True, **{"jobs.shutdown_grace_seconds": 0}).start()
    restarter = None
    try:
        for name in ("credit-g-candidate.csv", "credit-g-reference.csv"):
            shutil.copy(EXAMPLES / name, server.storage / name)
        client_cert = {"cert": certs / "client.crt", "key": certs / "client.key"}
        with Client(server.target, ca=certs / "ca.crt", **client_cert) as c:
            job = c.submit("credit-g-candidate.csv", reference="credit-g-reference.csv")
            restarted = threading.Event()

            def restart():
                deadline = time.monotonic() + 60
                while c.job(job).state != 2 and time.monotonic() < deadline:  # RUNNING
                    time.sleep(0.1)
                server.stop()
                server.start()
                restarted.set()

            restarter = threading.Thread(target=restart)
            restarter.start()
            c.wait(job, progress=False, timeout=600)
            restarter.join()
            assert restarted.is_set()
            # It ran again after the restart: the second start is counted.
            assert c.job(job).attempts == 2
            assert c.report(job).decision == "reject"
    finally:
        # A failed wait must not leave the restart to start a server after the stop below.
        if restarter is not None:
            restarter.join(timeout=300)
        server.stop()
