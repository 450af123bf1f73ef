"""The generated gRPC modules (``generate.sh`` writes them to ``_pb/``; they are not committed)."""

try:
    from ._pb import validation_pb2 as pb
    from ._pb import validation_pb2_grpc as pb_grpc
except ImportError as e:  # pragma: no cover - the message is the point
    raise ImportError(
        "synthos_client's gRPC stubs are missing: run clients/python/generate.sh "
        "(needs protoc and grpc_python_plugin)"
    ) from e

__all__ = ["pb", "pb_grpc"]
