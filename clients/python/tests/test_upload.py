"""Uploads: content-named, sent once, and resumed after a broken stream."""

import hashlib
import time

import grpc
import pandas as pd
import pytest
from conftest import EXAMPLES

from synthos_client._proto import pb


def test_an_interrupted_upload_resumes_where_the_server_stopped(client, tmp_path):
    # Several chunks' worth of rows, so that a stream can break after the first.
    frame = pd.read_csv(EXAMPLES / "credit-g-reference.csv")
    path = tmp_path / "big.csv"
    pd.concat([frame] * 50, ignore_index=True).to_csv(path, index=False)
    data = path.read_bytes()
    assert len(data) > 3 << 20
    sha = hashlib.sha256(data).hexdigest()
    name = f"big-{sha[:16]}.csv"  # the name Client.upload gives this file

    class Broken(Exception):
        pass

    def first_chunk_then_break():
        yield pb.UploadRequest(start=pb.UploadStart(name=name, total_bytes=len(data), sha256=sha))
        yield pb.UploadRequest(chunk=pb.UploadChunk(data=data[: 1 << 20]))
        time.sleep(1)  # let the server write the chunk before the stream breaks
        raise Broken()

    with pytest.raises(grpc.RpcError):
        client._stub.Upload(first_chunk_then_break(), timeout=60)
    status = client._stub.UploadStatus(pb.UploadStatusRequest(name=name), timeout=10)
    for _ in range(100):
        if not status.in_progress:
            break
        time.sleep(0.1)
        status = client._stub.UploadStatus(pb.UploadStatusRequest(name=name), timeout=10)
    assert not status.complete and status.received_bytes > 0

    offsets = []
    upload = client._stub.Upload

    def recording(requests, **kwargs):
        def seen():
            for r in requests:
                if r.HasField("start"):
                    offsets.append(r.start.offset)
                yield r

        return upload(seen(), **kwargs)

    client._stub.Upload = recording
    try:
        ref = client.upload(path)
    finally:
        client._stub.Upload = upload
    assert ref == f"upload://{name}"
    assert offsets == [status.received_bytes]
    done = client._stub.UploadStatus(pb.UploadStatusRequest(name=name), timeout=10)
    assert done.complete and done.sha256 == sha and done.size_bytes == len(data)
    # Complete now: a second upload of the same bytes sends nothing.
    assert client.upload(path) == ref
    assert offsets == [status.received_bytes]
