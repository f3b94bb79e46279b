"""Channel settings shared by the sync and asyncio clients.

Retries and load balancing live in the gRPC service config rather than in a
loop here: gRPC then retries with backoff, and spreads calls over every
address. It retries UNAVAILABLE and RESOURCE_EXHAUSTED: a server whose work
queue is full (--max_queue) refuses with RESOURCE_EXHAUSTED, and another
replica, or the same one a moment later, may take the call. A document over
the server's limits fails the same way everywhere: those refusals carry a
`grpc-retry-pushback-ms: -1` trailer, which tells gRPC not to retry.
"""

from __future__ import annotations

import ipaddress
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeAlias

import grpc

DEFAULT_TARGET = "localhost:50051"
# Far above the server's 16 MiB default input limit, so that the server, with
# its actionable message, judges sizes; answers carry three renderings of the
# body and can outgrow gRPC's 4 MiB default receive limit.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
# gRPC caps maxAttempts at 5 whatever the config says.
MAX_RETRIES = 4
# gRPC retries a call only while its request fits in the call's retry buffer
# (256 KiB by default, less than many pages). This holds a document up to the
# server's default --max_input_bytes (16 MiB) with room for the rest of the
# request; a larger one is sent once, since the default server refuses it.
RETRY_BUFFER_BYTES = (16 + 1) * 1024 * 1024
RETRIED_CODES = ("UNAVAILABLE", "RESOURCE_EXHAUSTED")
HEALTH_CHECK_METHOD = "/grpc.health.v1.Health/Check"
RETRIED_SERVICES = ("lede.v1.ArticleService", "grpc.health.v1.Health")

Target: TypeAlias = str | Sequence[str]
"""Where the server is: "host:port"; a gRPC target URI such as
"dns:///lede:50051" or "ipv4:10.0.0.1:50051,10.0.0.2:50051"; or several
"ip:port" addresses, comma-separated or as a list, to balance over."""

_URI_SCHEMES = ("dns:", "ipv4:", "ipv6:", "unix:", "unix-abstract:", "vsock:", "xds:")

Tls: TypeAlias = bool | grpc.ChannelCredentials
ChannelOptions: TypeAlias = Sequence[tuple[str, Any]]


def _address_family(address: str) -> str:
    """The address family, "ipv4" or "ipv6", of an "ip:port" or "[ip]:port" address."""
    host, sep, port = address.strip().rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"{address!r} is not an ip:port address")
    try:
        ip = ipaddress.ip_address(host.removeprefix("[").removesuffix("]"))
    except ValueError:
        raise ValueError(
            f"{address!r}: several addresses must be IP literals; for host names "
            "use one 'dns:///name:port' target, which balances over every address "
            "the name resolves to"
        ) from None
    return f"ipv{ip.version}"


def normalize_target(target: Target) -> str:
    """The gRPC target string for one address, a target URI, or several addresses."""
    if isinstance(target, str):
        if target.startswith(_URI_SCHEMES) or "," not in target:
            return target.strip()
        addresses = target.split(",")
    else:
        addresses = list(target)
    if not addresses:
        raise ValueError("no address given")
    if len(addresses) == 1:
        return addresses[0].strip()
    families = {_address_family(address) for address in addresses}
    if len(families) != 1:
        raise ValueError("several addresses must be all IPv4 or all IPv6")
    return f"{families.pop()}:{','.join(address.strip() for address in addresses)}"


def balances(target: str) -> bool:
    """Whether a (normalized) target names several servers to spread calls over."""
    if target.startswith("dns:"):
        return True
    return target.startswith(("ipv4:", "ipv6:")) and "," in target


def service_config(retries: int, round_robin: bool) -> str:
    """The service config JSON: retries on RETRIED_CODES, optional round-robin."""
    if not 0 <= retries <= MAX_RETRIES:
        raise ValueError(f"retries must be between 0 and {MAX_RETRIES}, not {retries}")
    config: dict[str, Any] = {}
    if retries > 0:
        config["methodConfig"] = [
            {
                "name": [{"service": service} for service in RETRIED_SERVICES],
                "retryPolicy": {
                    "maxAttempts": retries + 1,
                    "initialBackoff": "0.1s",
                    "maxBackoff": "2s",
                    "backoffMultiplier": 2,
                    "retryableStatusCodes": list(RETRIED_CODES),
                },
            }
        ]
    if round_robin:
        config["loadBalancingConfig"] = [{"round_robin": {}}]
    return json.dumps(config)


def channel_options(
    target: str, retries: int, max_message_bytes: int, extra: ChannelOptions
) -> list[tuple[str, Any]]:
    """The channel arguments every lede client uses, then the caller's own."""
    return [
        ("grpc.max_send_message_length", max_message_bytes),
        ("grpc.max_receive_message_length", max_message_bytes),
        ("grpc.enable_retries", 1 if retries > 0 else 0),
        ("grpc.per_rpc_retry_buffer_size", RETRY_BUFFER_BYTES),
        ("grpc.service_config", service_config(retries, balances(target))),
        # Our config, not one a DNS TXT record might carry.
        ("grpc.service_config_disable_resolution", 1),
        *extra,
    ]


def tls_credentials(
    ca: str | os.PathLike[str] | None = None,
    cert: str | os.PathLike[str] | None = None,
    key: str | os.PathLike[str] | None = None,
) -> grpc.ChannelCredentials:
    """TLS credentials from PEM files, for Client(tls=...).

    ca: the CAs the server's certificate must chain to (default: the system's).
    cert, key: the client's certificate and key, for a server that requires
        one (lede-server --tls_client_ca); both or neither.
    """
    if (cert is None) != (key is None):
        raise ValueError("a client certificate needs both cert and key")

    def read(path: str | os.PathLike[str] | None) -> bytes | None:
        return None if path is None else Path(path).read_bytes()

    return grpc.ssl_channel_credentials(
        root_certificates=read(ca), private_key=read(key), certificate_chain=read(cert)
    )


def credentials(tls: Tls) -> grpc.ChannelCredentials | None:
    """None for plaintext, the system's roots for True, or the caller's credentials."""
    if isinstance(tls, grpc.ChannelCredentials):
        return tls
    return grpc.ssl_channel_credentials() if tls else None
