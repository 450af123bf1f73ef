"""Errors raised by the client, carrying the service's ErrorInfo.

Every failed call of the service carries the binary trailer ``synthos-error-bin`` (an ``ErrorInfo``
message: code, name, message, retry hint and category); a failed or cancelled job carries the same
message in its progress events. Both become a :class:`SynthosError` whose subclass follows the
category, so callers can catch "my request was wrong" apart from "try again later".
"""

from __future__ import annotations

from typing import Optional

import grpc

from ._proto import pb

TRAILER = "synthos-error-bin"


class SynthosError(Exception):
    """A failure reported by the Synthos service.

    ``code`` and ``name`` are the service's error code (e.g. 1022 INVALID_POLICY); ``category`` is
    who has to act: ``USER``, ``DATA``, ``RESOURCE`` or ``INTERNAL``. ``retry_after`` is the
    seconds to wait before retrying, 0 when retrying the same call cannot help. ``status`` is the
    gRPC status code of the failed call, ``None`` for a job that failed while running.
    """

    def __init__(
        self,
        message: str,
        *,
        code: Optional[int] = None,
        name: str = "",
        category: str = "",
        retryable: bool = False,
        retry_after: float = 0.0,
        status: Optional[grpc.StatusCode] = None,
    ):
        super().__init__(message)
        self.message = message
        self.code = code
        self.name = name
        self.category = category
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status

    def __str__(self) -> str:
        head = f"{self.code} {self.name}" if self.code is not None else self.name
        return f"{head}: {self.message}" if head else self.message


class UserError(SynthosError):
    """The request is wrong: a bad policy, an unknown column, a missing file, no credential."""


class DataError(SynthosError):
    """The dataset is wrong: malformed rows, a bad encoding, a corrupt file, an input over a cap."""


class ResourceError(SynthosError):
    """Capacity, storage or time limits (queue full, rate limited, timeout); usually retryable."""


class InternalError(SynthosError):
    """A fault in the service."""


class TransportError(SynthosError):
    """The call failed before the service could answer with an ErrorInfo: the server is unreachable,
    the TLS handshake was refused (a missing or foreign client certificate) or the client's own
    deadline passed."""


_BY_CATEGORY = {
    "USER": UserError,
    "DATA": DataError,
    "RESOURCE": ResourceError,
    "INTERNAL": InternalError,
}


def from_error_info(info, status: Optional[grpc.StatusCode] = None) -> SynthosError:
    """The error an ``ErrorInfo`` message describes."""
    cls = _BY_CATEGORY.get(info.category, SynthosError)
    return cls(
        info.message,
        code=info.code,
        name=info.name,
        category=info.category,
        retryable=info.retryable,
        retry_after=float(info.retry_after_seconds),
        status=status,
    )


def from_rpc_error(error: grpc.RpcError) -> SynthosError:
    """The error a failed gRPC call describes: its ErrorInfo trailer when the service sent one."""
    status = error.code() if hasattr(error, "code") else None
    metadata = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None
    for key, value in metadata or ():
        if key == TRAILER:
            return from_error_info(pb.ErrorInfo.FromString(value), status)
    details = error.details() if hasattr(error, "details") else str(error)
    retryable = status in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED)
    return TransportError(
        details or str(error),
        name=status.name if status is not None else "",
        retryable=retryable,
        status=status,
    )
