"""Messages to dicts and JSON, printed exactly as `lede parse --format json` prints them.

The CLI writes proto3 JSON (camelCase names, fields at their defaults left
out), re-serialized with sorted keys and without spaces so that map order
cannot differ. Reading that JSON back gives whole numbers for float fields
that hold one (confidence 1.0 prints as 1); to_json does the same.
"""

from __future__ import annotations

import json
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import Message


def to_dict(message: Message) -> dict[str, Any]:
    """The message's proto3 JSON form as a dict: camelCase keys, defaults left out."""
    return json_format.MessageToDict(message, preserving_proto_field_name=False)


def _like_cli(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _like_cli(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_like_cli(item) for item in value]
    return value


def to_json(message: Message, *, pretty: bool = False) -> str:
    """The message as the CLI prints it: one compact line, or indented with pretty."""
    return json.dumps(
        _like_cli(to_dict(message)),
        ensure_ascii=False,
        sort_keys=True,
        indent=2 if pretty else None,
        separators=(",", ": ") if pretty else (",", ":"),
    )
