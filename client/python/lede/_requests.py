"""Builds requests and channel settings; shared by the sync and async clients."""
import datetime
import json
from typing import Any, Iterable, Mapping, Optional, Sequence, Tuple, Union

import grpc
from google.protobuf import timestamp_pb2

from lede.v1 import lede_pb2

Content = Union[str, bytes]
# What parse_many accepts for one document.
DocumentLike = Union[Content, Tuple[Content, str], Mapping[str, Any],
                     lede_pb2.ParseRequest]

_FORMATS = {"text": lede_pb2.FORMAT_TEXT, "html": lede_pb2.FORMAT_HTML,
            "markdown": lede_pb2.FORMAT_MARKDOWN}
_BIAS = {"balanced": lede_pb2.BIAS_BALANCED,
         "precision": lede_pb2.BIAS_PRECISION,
         "recall": lede_pb2.BIAS_RECALL}
_SCRIPTS = {None: lede_pb2.CHINESE_SCRIPT_UNCHANGED,
            "simplified": lede_pb2.CHINESE_SCRIPT_SIMPLIFIED,
            "traditional": lede_pb2.CHINESE_SCRIPT_TRADITIONAL}

# The server judges sizes; the client must not refuse them first.
MAX_MESSAGE_BYTES = 256 * 1024 * 1024


def parse_request(content: Content, url: Optional[str] = None,
                  content_type: Optional[str] = None, id: Optional[str] = None,
                  formats: Optional[Sequence[str]] = None,
                  bias: Optional[str] = None,
                  reference_time: Optional[datetime.datetime] = None,
                  convert_chinese: Optional[str] = None) -> lede_pb2.ParseRequest:
    """A ParseRequest; `str` content is sent as UTF-8."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    if not isinstance(content, (bytes, bytearray)):
        raise TypeError("content must be str or bytes, not %s" % type(content).__name__)
    options = lede_pb2.ParseOptions()
    for name in formats or ():
        options.formats.append(_lookup(_FORMATS, name, "format"))
    if bias is not None:
        options.bias = _lookup(_BIAS, bias, "bias")
    if reference_time is not None:
        stamp = timestamp_pb2.Timestamp()
        stamp.FromDatetime(reference_time)
        options.reference_time.CopyFrom(stamp)
    options.convert_chinese = _lookup(_SCRIPTS, convert_chinese, "convert_chinese")
    return lede_pb2.ParseRequest(content=bytes(content), url=url or "",
                                 content_type=content_type or "", id=id or "",
                                 options=options)


def document_request(document: DocumentLike, index: int,
                     options: Mapping[str, Any]) -> lede_pb2.ParseRequest:
    """One parse_many item as a ParseRequest; ids default to the item's index."""
    if isinstance(document, lede_pb2.ParseRequest):
        request = lede_pb2.ParseRequest()
        request.CopyFrom(document)
    elif isinstance(document, Mapping):
        request = parse_request(**{**options, **document})
    elif isinstance(document, tuple):
        request = parse_request(document[0], url=document[1], **options)
    else:
        request = parse_request(document, **options)
    if not request.id:
        request.id = str(index)
    return request


def channel_options(retries: int, round_robin: bool) -> list:
    """gRPC channel options: message sizes and the service config."""
    config: dict = {}
    if round_robin:
        config["loadBalancingConfig"] = [{"round_robin": {}}]
    if retries > 0:
        config["methodConfig"] = [{
            "name": [{"service": "lede.v1.ArticleService"},
                     {"service": "grpc.health.v1.Health"}],
            "retryPolicy": {
                "maxAttempts": min(retries + 1, 5),
                "initialBackoff": "0.1s",
                "maxBackoff": "2s",
                "backoffMultiplier": 2,
                "retryableStatusCodes": ["UNAVAILABLE"],
            },
        }]
    return [
        ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ("grpc.enable_retries", 1 if retries > 0 else 0),
        ("grpc.service_config", json.dumps(config)),
    ]


def channel_settings(target: Union[str, Sequence[str]], retries: int,
                     tls: Union[bool, grpc.ChannelCredentials]):
    """(address, channel options, credentials or None) for a client's channel.

    tls: False for plaintext, True for the system's roots, or credentials.
    """
    credentials = None
    if isinstance(tls, grpc.ChannelCredentials):
        credentials = tls
    elif tls:
        credentials = grpc.ssl_channel_credentials()
    return (channel_target(target), channel_options(retries, round_robin=True),
            credentials)


def channel_target(target: Union[str, Sequence[str]]) -> str:
    """A gRPC target; several "host:port" addresses become one ipv4:/ipv6: list."""
    if isinstance(target, str):
        return target
    addresses = list(target)
    if not addresses:
        raise ValueError("no address given")
    scheme = "ipv6" if any(a.startswith("[") for a in addresses) else "ipv4"
    return "%s:%s" % (scheme, ",".join(addresses))


def _lookup(table: Mapping, key: Any, what: str):
    try:
        return table[key.lower() if isinstance(key, str) else key]
    except KeyError:
        raise ValueError("unknown %s %r; one of %s" %
                         (what, key, sorted(k for k in table if k))) from None
