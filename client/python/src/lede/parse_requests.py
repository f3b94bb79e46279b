"""Builds ParseRequest messages from the friendly arguments clients accept."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from google.protobuf import timestamp_pb2

from lede.v1 import lede_pb2

if TYPE_CHECKING:  # the stubs' name for the metaclass of generated enums
    from google.protobuf.internal.enum_type_wrapper import _EnumTypeWrapper

Content: TypeAlias = bytes | bytearray | memoryview | str
"""A document: bytes as fetched (any charset), or text already decoded."""

ParseItem: TypeAlias = Content | tuple[Content, str] | Mapping[str, Any] | lede_pb2.ParseRequest
"""One document for parse_many: content, (content, url), a dict of parse()'s
arguments (a url without content is fetched by the server), or a ready
ParseRequest."""

OPTION_NAMES = ("formats", "bias", "reference_time", "convert_chinese", "include_comments")
_REQUEST_FIELDS = ("content", "url", "content_type", "id")
_UTF8_BOM = b"\xef\xbb\xbf"


def encode_content(content: Content) -> bytes:
    """The bytes to send for a document.

    Text is sent as UTF-8 behind a byte-order mark: the BOM is the server's
    strongest charset evidence, so a page decoded by the caller is not decoded
    again by a stale `<meta charset=gbk>` inside it or a charset in its
    content type. The server strips the BOM.
    """
    if isinstance(content, str):
        encoded = content.encode("utf-8")
        return encoded if encoded.startswith(_UTF8_BOM) else _UTF8_BOM + encoded
    if isinstance(content, (bytes, bytearray, memoryview)):
        return bytes(content)
    raise TypeError(f"content must be bytes or str, not {type(content).__name__}")


def _enum_value(wrapper: _EnumTypeWrapper[Any], prefix: str, value: object, option: str) -> int:
    """An enum value from its number, full name ("BIAS_RECALL") or short name ("recall")."""
    if isinstance(value, int):
        if value not in wrapper.values():
            raise ValueError(f"{option}={value} is not one of {list(wrapper.keys())}")
        return value
    if isinstance(value, str):
        name = value.strip().upper()
        for candidate in (name, prefix + name):
            if candidate in wrapper.keys():
                return int(wrapper.Value(candidate))
        short = [key.removeprefix(prefix).lower() for key in wrapper.keys()]
        raise ValueError(f"{option}={value!r} is not one of {short}")
    raise TypeError(f"{option} must be a name or an enum number, not {type(value).__name__}")


def _timestamp(value: object) -> timestamp_pb2.Timestamp:
    if isinstance(value, timestamp_pb2.Timestamp):
        return value
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            # A naive "now" is ambiguous by up to a day, which moves dates.
            raise ValueError("reference_time needs a timezone-aware datetime")
        stamp = timestamp_pb2.Timestamp()
        stamp.FromDatetime(value)
        return stamp
    raise TypeError("reference_time must be a datetime or a protobuf Timestamp")


def build_options(**options: Any) -> lede_pb2.ParseOptions:
    """ParseOptions from keyword options.

    formats: "text", "html", "markdown" (one or a list; empty means all three);
    bias: "balanced", "precision" or "recall"; reference_time: an aware datetime
    or Timestamp; convert_chinese: "unchanged", "simplified" or "traditional";
    include_comments: True fills Article.comments with the readers' comments.
    Enum numbers and full names (lede_pb2.FORMAT_TEXT) work too.
    """
    unknown = sorted(set(options) - set(OPTION_NAMES))
    if unknown:
        raise TypeError(f"unknown parse option(s) {unknown}; expected some of {list(OPTION_NAMES)}")
    result = lede_pb2.ParseOptions()
    formats = options.get("formats")
    if formats is not None:
        if isinstance(formats, (str, int)):
            formats = [formats]
        result.formats.extend(
            lede_pb2.Format.ValueType(_enum_value(lede_pb2.Format, "FORMAT_", f, "formats"))
            for f in formats
        )
    if options.get("bias") is not None:
        result.bias = lede_pb2.Bias.ValueType(
            _enum_value(lede_pb2.Bias, "BIAS_", options["bias"], "bias")
        )
    if options.get("reference_time") is not None:
        result.reference_time.CopyFrom(_timestamp(options["reference_time"]))
    if options.get("convert_chinese") is not None:
        result.convert_chinese = lede_pb2.ChineseScript.ValueType(
            _enum_value(
                lede_pb2.ChineseScript,
                "CHINESE_SCRIPT_",
                options["convert_chinese"],
                "convert_chinese",
            )
        )
    include_comments = options.get("include_comments")
    if include_comments is not None:
        if not isinstance(include_comments, bool):
            raise TypeError(
                f"include_comments must be True or False, not {type(include_comments).__name__}"
            )
        result.include_comments = include_comments
    return result


def build_url_request(
    url: str,
    content_type: str | None = None,
    id: str | None = None,  # noqa: A002 - the field's name in the API
    **options: Any,
) -> lede_pb2.ParseRequest:
    """A ParseRequest that asks the server to fetch `url`: no content."""
    if not isinstance(url, str) or not url.strip():
        raise ValueError("url must be an http:// or https:// URL for the server to fetch")
    return build_request(b"", url, content_type, id, **options)


def build_request(
    content: Content,
    url: str | None = None,
    content_type: str | None = None,
    id: str | None = None,  # noqa: A002 - the field's name in the API
    **options: Any,
) -> lede_pb2.ParseRequest:
    """A ParseRequest from parse()'s arguments."""
    return lede_pb2.ParseRequest(
        content=encode_content(content),
        url=url or "",
        content_type=content_type or "",
        id=id or "",
        options=build_options(**options),
    )


def request_from_item(
    item: ParseItem, index: int, defaults: Mapping[str, Any]
) -> lede_pb2.ParseRequest:
    """The request for the index-th item of parse_many.

    An item without an id gets its position ("0", "1", ...), so every answer
    can be matched to what was sent. `defaults` are options for items that
    set none of their own.
    """
    if isinstance(item, lede_pb2.ParseRequest):
        request = lede_pb2.ParseRequest()
        request.CopyFrom(item)
        if not request.HasField("options") and defaults:
            request.options.CopyFrom(build_options(**defaults))
    elif isinstance(item, tuple):
        if len(item) != 2:
            raise TypeError(
                f"item {index}: a tuple must be (content, url), got {len(item)} elements"
            )
        request = build_request(item[0], url=item[1], **defaults)
    elif isinstance(item, Mapping):
        unknown = sorted(set(item) - set(_REQUEST_FIELDS) - set(OPTION_NAMES))
        if unknown:
            raise TypeError(f"item {index}: unknown key(s) {unknown}")
        if "content" not in item and "url" not in item:
            raise TypeError(
                f"item {index}: a dict needs a 'content' key, or a 'url' for the server to fetch"
            )
        own_options = {k: v for k, v in item.items() if k in OPTION_NAMES}
        fields = {k: v for k, v in item.items() if k in _REQUEST_FIELDS}
        fields.setdefault("content", b"")
        request = build_request(**fields, **(own_options or dict(defaults)))
    elif isinstance(item, (bytes, bytearray, memoryview, str)):
        request = build_request(item, **defaults)
    else:
        raise TypeError(
            f"item {index}: expected bytes, str, (content, url), a dict or a ParseRequest, "
            f"not {type(item).__name__}"
        )
    if not request.id:
        request.id = str(index)
    return request


class RequestFeed:
    """Turns parse_many's items into requests, lazily, as gRPC asks for them.

    gRPC reads the request iterator on its own thread (or task) and would only
    log an exception raised there, cancelling the call with a vague status.
    The feed instead ends the request stream at the first bad item, or at an
    exception from the caller's iterable, and keeps it in `error`; the client
    raises it once the answers to the items before it are delivered.
    """

    def __init__(self, defaults: Mapping[str, Any]) -> None:
        build_options(**defaults)  # bad default options fail here, before any call
        self._defaults = dict(defaults)
        self._count = 0
        self.error: Exception | None = None

    def _next_request(self, item: ParseItem) -> lede_pb2.ParseRequest:
        request = request_from_item(item, self._count, self._defaults)
        self._count += 1
        return request

    def requests(self, items: Iterable[ParseItem]) -> Iterator[lede_pb2.ParseRequest]:
        try:
            for item in items:
                yield self._next_request(item)
        except Exception as error:  # noqa: BLE001 - raised again by the client
            self.error = error

    async def async_requests(
        self, items: Iterable[ParseItem] | AsyncIterable[ParseItem]
    ) -> AsyncIterator[lede_pb2.ParseRequest]:
        try:
            if isinstance(items, AsyncIterable):
                async for item in items:
                    yield self._next_request(item)
            else:
                for item in items:
                    yield self._next_request(item)
        except Exception as error:  # noqa: BLE001 - raised again by the client
            self.error = error
