"""The friendly layer over the generated gRPC stubs."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, Union

import grpc
import pandas as pd

from ._proto import pb, pb_grpc
from .errors import SynthosError, TransportError, from_error_info, from_rpc_error
from .prescreen import PreScreen
from .report import Report

PathLike = Union[str, "os.PathLike[str]"]
Dataset = Union[pd.DataFrame, PathLike]
Credential = Union[None, bytes, PathLike]
Policy = Union[None, str, Dict[str, Any], "os.PathLike[str]"]

_TERMINAL = {pb.SUCCEEDED, pb.FAILED, pb.CANCELLED}
_CHUNK = 1 << 20
# Unary calls answer at once (Submit only commits a row); a bound keeps a dead server from hanging
# a notebook cell.
_CALL_TIMEOUT = 60.0
# Jobs survive a restart of the service (they are re-queued), so a wait outlives one: a broken
# progress stream is reopened for this long, and its first event is the job's state by then.
_RECONNECT_SECONDS = 120.0
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_UPLOAD_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class Client:
    """A connection to a Synthos service's gRPC port.

    ``target`` is ``host:port``. With ``ca`` (the CA that signed the server's certificate; None
    trusts the system roots when ``cert`` is given) the channel uses TLS; with ``cert`` and ``key``
    as well it presents a client certificate (mutual TLS). ``api_key`` is sent as
    ``authorization: Bearer KEY`` on every call. Credentials are file paths or PEM bytes. Without
    any of them the channel is plaintext, as for a service on loopback.
    """

    def __init__(
        self,
        target: str = "localhost:50051",
        *,
        ca: Credential = None,
        cert: Credential = None,
        key: Credential = None,
        api_key: Optional[str] = None,
        server_name: Optional[str] = None,
    ):
        if (cert is None) != (key is None):
            raise ValueError("a client certificate needs both cert and key")
        # A report carries its HTML beside the JSON; for wide datasets that outgrows gRPC's 4 MiB
        # default for received messages.
        options: List[Tuple[str, Any]] = [("grpc.max_receive_message_length", 256 << 20)]
        if server_name:
            options.append(("grpc.ssl_target_name_override", server_name))
        if ca is not None or cert is not None:
            credentials = grpc.ssl_channel_credentials(
                root_certificates=_pem(ca), private_key=_pem(key), certificate_chain=_pem(cert)
            )
            self._channel = grpc.secure_channel(target, credentials, options=options)
        else:
            self._channel = grpc.insecure_channel(target, options=options)
        self._stub = pb_grpc.ValidationServiceStub(self._channel)
        self._metadata = (("authorization", "Bearer " + api_key),) if api_key else ()

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- the one call most users need ---------------------------------------------------------

    def validate(
        self,
        candidate: Dataset,
        reference: Optional[Dataset] = None,
        target: Optional[str] = None,
        policy: Policy = None,
        *,
        seed: Optional[int] = None,
        column_types: Optional[Dict[str, str]] = None,
        progress: bool = True,
        timeout: Optional[float] = None,
    ) -> Report:
        """Validates ``candidate`` (against ``reference``, when given) and returns the report.

        Each dataset is a pandas DataFrame (written to Parquet when pyarrow is importable, else
        CSV, and uploaded), a local file (a ``pathlib.Path``, or a string naming an existing
        file: uploaded), or a location the server reads itself (``s3://...``, ``upload://NAME``,
        or a path relative to its storage root: passed as is). ``policy`` is a policy name, a
        policy document (YAML text, a dict, or a path to a policy file). ``column_types`` forces
        columns' types by name (``{"review": "text", "user": "id"}``; text, id, category, numeric
        or a storage type), as ``synthos validate --type`` does. ``timeout`` bounds the
        job on the server (it fails with TIMEOUT, 4001) and the client's wait. ``progress``
        shows a tqdm bar that follows the job's stages. Interrupting the wait cancels the job.

        Raises :class:`SynthosError` when the service refuses the request or the job fails.
        """
        job_id = self.submit(
            candidate, reference, target, policy, seed=seed, column_types=column_types, timeout=timeout
        )
        try:
            self.wait(job_id, progress=progress, timeout=None if timeout is None else timeout + 30)
        except KeyboardInterrupt:
            try:
                self.cancel(job_id)
            except SynthosError:
                pass  # it ended meanwhile: nothing left to stop
            raise
        return self.report(job_id)

    # ---- the steps of validate ----------------------------------------------------------------

    def submit(
        self,
        candidate: Dataset,
        reference: Optional[Dataset] = None,
        target: Optional[str] = None,
        policy: Policy = None,
        *,
        seed: Optional[int] = None,
        column_types: Optional[Dict[str, str]] = None,
        timeout: Optional[float] = None,
    ) -> str:
        """Queues a validation and returns its job id (datasets and policy as in :meth:`validate`)."""
        timeout_seconds = 0 if timeout is None else max(1, int(round(timeout)))
        request = pb.SubmitRequest(
            **self._inputs(candidate, reference, target, policy, seed, column_types),
            timeout_seconds=timeout_seconds,
        )
        return self._call(self._stub.Submit, request).job_id

    def wait(self, job_id: str, *, progress: bool = True, timeout: Optional[float] = None):
        """Follows the job's ``Watch`` stream until it ends; returns the last event when it
        succeeded and raises its error when it failed or was cancelled. A stream broken because
        the service went away (a restart) is reopened for up to two minutes."""
        bar = _progress_bar(job_id) if progress else None
        last = None
        deadline = None if timeout is None else time.monotonic() + timeout
        lost_since = None
        try:
            while last is None or last.state not in _TERMINAL:
                left = None if deadline is None else max(0.0, deadline - time.monotonic())
                try:
                    for event in self.watch(job_id, timeout=left):
                        last, lost_since = event, None
                        if bar is not None:
                            bar.set_description(event.stage or pb.JobState.Name(event.state).lower())
                            bar.n = round(event.percent, 1)
                            bar.refresh()
                except TransportError as e:
                    # A stopping server resets its streams (CANCELLED, with no ErrorInfo) and then
                    # refuses connections (UNAVAILABLE) until it is back.
                    if e.status not in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED):
                        raise
                    lost_since = lost_since or time.monotonic()
                    if time.monotonic() - lost_since > _RECONNECT_SECONDS:
                        raise
                    time.sleep(1.0)
                    continue
                if last is None or last.state not in _TERMINAL:
                    raise SynthosError(f"the progress stream of job {job_id} ended before the job did")
        finally:
            if bar is not None:
                bar.close()
        if last.state != pb.SUCCEEDED:
            if last.HasField("error") and last.error.code:
                raise from_error_info(last.error)
            raise SynthosError(f"job {job_id} ended {pb.JobState.Name(last.state)}")
        return last

    def watch(self, job_id: str, *, timeout: Optional[float] = None) -> Iterator[Any]:
        """The job's progress events (``ProgressEvent``), the first its current state, the last its
        terminal state."""
        stream = self._stub.Watch(pb.JobRef(job_id=job_id), timeout=timeout, metadata=self._metadata)
        try:
            yield from stream
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None
        finally:
            stream.cancel()

    def report(self, job_id: str) -> Report:
        """The report of a succeeded job (JOB_NOT_FINISHED, 1025, before that)."""
        r = self._call(self._stub.GetReport, pb.JobRef(job_id=job_id))
        return Report(r.job_id or job_id, r.json, r.html, r.typed if r.HasField("typed") else None)

    def job(self, job_id: str):
        """The job (``Job`` message) with its state and live progress."""
        return self._call(self._stub.GetJob, pb.JobRef(job_id=job_id))

    def cancel(self, job_id: str):
        """Cancels the job; it stops at its next checkpoint. Returns the ``Job``."""
        return self._call(self._stub.Cancel, pb.JobRef(job_id=job_id))

    def jobs(self, state: Optional[str] = None, limit: int = 100) -> pd.DataFrame:
        """The caller's jobs, newest first; ``state`` is e.g. ``"SUCCEEDED"``."""
        request = pb.ListRequest(limit=limit)
        if state:
            request.state = pb.JobState.Value(state.upper())
        jobs = self._call(self._stub.List, request).jobs
        columns = ["job_id", "state", "dataset_uri", "reference_uri", "stage", "percent", "submitted_at"]
        return pd.DataFrame(
            [
                {
                    "job_id": j.job_id,
                    "state": pb.JobState.Name(j.state),
                    "dataset_uri": j.dataset_uri,
                    "reference_uri": j.reference_uri,
                    "stage": j.stage,
                    "percent": j.percent,
                    "submitted_at": pd.to_datetime(j.submitted_at_ms, unit="ms", utc=True),
                }
                for j in jobs
            ],
            columns=columns,
        )

    def localize(
        self,
        candidate: Dataset,
        reference: Optional[Dataset] = None,
        target: Optional[str] = None,
        policy: Policy = None,
        *,
        seed: Optional[int] = None,
        column_types: Optional[Dict[str, str]] = None,
        timeout: Optional[float] = None,
    ) -> pd.DataFrame:
        """Every flagged row of the candidate (at most 10,000 listed): ``row`` (one-based data
        row of the file), ``cause``, ``group`` (rows flagged together; -1 alone) and ``reason``.

        A synchronous ``LocalizeProblems`` call: it runs the engine on the same inputs as
        :meth:`validate` would (without the recommendations' ablations). ``attrs["total"]`` is the
        number of flagged rows, listed or not; when the engine cannot localise,
        ``attrs["not_applicable"]`` says why and the table is empty.
        """
        request = pb.PhaseRequest(**self._inputs(candidate, reference, target, policy, seed, column_types))
        r = self._call(self._stub.LocalizeProblems, request, timeout=timeout)
        rows = pd.DataFrame(
            [{"row": f.row, "cause": f.cause, "group": f.group, "reason": f.reason} for f in r.flagged_rows],
            columns=["row", "cause", "group", "reason"],
        )
        rows.attrs["total"] = r.flagged_rows_total
        if r.WhichOneof("outcome") == "not_applicable":
            rows.attrs["not_applicable"] = r.not_applicable.reason
        return rows

    def train_cascade(
        self,
        candidate: Dataset,
        reference: Dataset,
        target: Optional[str] = None,
        policy: Policy = None,
        *,
        seed: Optional[int] = None,
        on_model: Optional[Callable[[Dict[str, Any]], None]] = None,
        timeout: Optional[float] = None,
    ) -> pd.DataFrame:
        """Trains the learnability cascade (``TrainCascade``) and returns one row per proxy model, in
        the order they finished: ``target``, ``tier``, ``role``, ``train_rows``, ``seed``,
        ``loss``, ``loss_name``, ``done``, ``total``, ``eta_millis``, ``device``.

        ``on_model`` sees each model as it arrives (a dict of the same fields). The answer (the
        ``GetPredictions`` JSON: learning curves and predicted performance) is in
        ``attrs["predictions"]``; when nothing could be learned, ``attrs["not_applicable"]`` says
        why. Interrupting the iteration (e.g. Ctrl-C) cancels the cascade at the next model.
        """
        request = pb.PhaseRequest(**self._inputs(candidate, reference, target, policy, seed))
        columns = ["target", "tier", "role", "train_rows", "seed", "loss", "loss_name", "done", "total",
                   "eta_millis", "device"]
        models, answer = [], None
        try:
            for event in self._stub.TrainCascade(request, timeout=timeout, metadata=self._metadata):
                if event.WhichOneof("event") == "model":
                    m = {c: getattr(event.model, c) for c in columns}
                    models.append(m)
                    if on_model is not None:
                        on_model(m)
                else:
                    answer = event.result
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None
        table = pd.DataFrame(models, columns=columns)
        if answer is not None and answer.WhichOneof("outcome") == "not_applicable":
            table.attrs["not_applicable"] = answer.not_applicable.reason
        elif answer is not None:
            table.attrs["predictions"] = json.loads(answer.result_json)
        return table

    def prescreen(self, dataset: Dataset, k: int = 0, *, timeout: Optional[float] = None) -> PreScreen:
        """A cheap estimate of ``dataset``'s risk before a full validation: one profiling pass,
        compared with the signatures of the validations this caller has already run. ``k`` is the
        number of nearest signatures to return (0: the service's default, 10)."""
        request = pb.PreScreenRequest(dataset_uri=self.dataset_ref(dataset), k=k)
        return PreScreen(self._call(self._stub.PreScreenRisk, request, timeout=timeout or _CALL_TIMEOUT))

    # ---- datasets -----------------------------------------------------------------------------

    def dataset_ref(self, dataset: Dataset) -> str:
        """What the server should read for ``dataset``: a location it can read is passed as is; a
        DataFrame or a local file is uploaded first."""
        if isinstance(dataset, pd.DataFrame):
            return self.upload(dataset)
        if isinstance(dataset, os.PathLike):
            return self.upload(dataset)
        if isinstance(dataset, str):
            if not _URI.match(dataset) and os.path.isfile(dataset):
                return self.upload(dataset)
            return dataset
        raise TypeError(f"a dataset is a pandas DataFrame, a path or a URI, not {type(dataset).__name__}")

    def upload(self, dataset: Union[pd.DataFrame, PathLike], name: Optional[str] = None) -> str:
        """Uploads a DataFrame or a local file and returns its reference (``upload://NAME``).

        The default name holds the content's hash, so uploading the same bytes again finds them
        on the server and sends nothing; an interrupted upload of the same bytes resumes.
        """
        if isinstance(dataset, pd.DataFrame):
            with tempfile.TemporaryDirectory(prefix="synthos-") as tmp:
                path = _write_frame(dataset, Path(tmp))
                return self._upload_file(path, name)
        return self._upload_file(Path(dataset), name)

    def _upload_file(self, path: Path, name: Optional[str]) -> str:
        size = path.stat().st_size
        sha256 = _sha256(path)
        if name is None:
            # Upload names start with a letter or digit and hold only [A-Za-z0-9._-].
            stem = _UPLOAD_NAME.sub("-", path.stem).strip("._-")[:80] or "dataset"
            name = f"{stem}-{sha256[:16]}{''.join(path.suffixes)[-16:]}"
        offset = 0
        try:
            status = self._call(self._stub.UploadStatus, pb.UploadStatusRequest(name=name))
            if status.complete and status.sha256 == sha256:
                return status.dataset_ref
            if (
                status.received_bytes
                and not status.in_progress
                and status.partial_sha256 == sha256
                and status.partial_total_bytes == size
            ):
                offset = status.received_bytes
        except SynthosError as e:
            if e.name != "NOT_FOUND":
                raise
        start = pb.UploadStart(name=name, total_bytes=size, sha256=sha256, offset=offset)

        def requests():
            yield pb.UploadRequest(start=start)
            with open(path, "rb") as f:
                f.seek(offset)
                while chunk := f.read(_CHUNK):
                    yield pb.UploadRequest(chunk=pb.UploadChunk(data=chunk))

        return self._call(self._stub.Upload, requests(), timeout=None).dataset_ref

    # ---- plumbing -----------------------------------------------------------------------------

    def _inputs(self, candidate, reference, target, policy, seed, column_types=None) -> Dict[str, Any]:
        """The fields SubmitRequest and PhaseRequest share; uploads what needs uploading."""
        fields = {
            "dataset_uri": self.dataset_ref(candidate),
            "reference_uri": self.dataset_ref(reference) if reference is not None else "",
            "target": target or "",
            "policy": _policy_text(policy),
        }
        # seed is a proto3 optional: unset (the engine's default) differs from 0.
        if seed is not None:
            fields["seed"] = seed
        if column_types:
            fields["column_types"] = dict(column_types)
        return fields

    def _call(self, method, request, timeout: Optional[float] = _CALL_TIMEOUT):
        try:
            return method(request, timeout=timeout, metadata=self._metadata)
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None


def _pem(value: Credential) -> Optional[bytes]:
    if value is None or isinstance(value, bytes):
        return value
    return Path(value).read_bytes()


def _policy_text(policy) -> str:
    if policy is None:
        return ""
    if isinstance(policy, dict):
        # JSON is YAML, so a dict needs no YAML library.
        return json.dumps(policy)
    if isinstance(policy, os.PathLike):
        return Path(policy).read_text(encoding="utf-8")
    return policy


def _write_frame(df: pd.DataFrame, directory: Path) -> Path:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        path = directory / "dataframe.csv"
        df.to_csv(path, index=False)
    else:
        path = directory / "dataframe.parquet"
        df.to_parquet(path, index=False)
    return path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _progress_bar(job_id: str):
    from tqdm.auto import tqdm

    return tqdm(total=100, desc="queued", bar_format="{desc:<16} {percentage:3.0f}%|{bar}| {elapsed}")
