"""Articles and responses as dicts and JSON, the way `lede parse` prints them."""
import json as _json
from typing import Any, Dict

from google.protobuf import json_format
from google.protobuf.message import Message


def to_dict(message: Message) -> Dict[str, Any]:
    """proto3's JSON mapping as a dict: lowerCamelCase keys, unset fields left out."""
    return json_format.MessageToDict(message, preserving_proto_field_name=False)


def to_json(message: Message, indent: Any = None) -> str:
    """proto3 JSON text with sorted keys, as the CLI prints it."""
    return _json.dumps(to_dict(message), ensure_ascii=False, sort_keys=True,
                       indent=indent, separators=None if indent else (",", ":"))
