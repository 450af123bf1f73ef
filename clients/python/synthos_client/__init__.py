"""Python client of the Synthos validation service.

    from synthos_client import Client
    with Client("localhost:50051", ca="ca.crt", cert="client.crt", key="client.key") as client:
        report = client.validate(candidate_df, reference=reference_df)
        report.decision, report.dimensions
"""

from .client import Client
from .errors import (
    DataError,
    InternalError,
    ResourceError,
    SynthosError,
    TransportError,
    UserError,
)
from .prescreen import PreScreen
from .report import Report

__all__ = [
    "Client",
    "Report",
    "PreScreen",
    "SynthosError",
    "UserError",
    "DataError",
    "ResourceError",
    "InternalError",
    "TransportError",
]
