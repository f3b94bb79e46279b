"""lede-client: call lede, the service that turns a news page into an Article.

    import lede

    with lede.Client("localhost:50051") as client:
        article = client.parse(page_bytes, url="https://example.com/story")
        print(article.title, list(article.authors))
        article = client.parse_url("https://example.com/story")  # the server fetches it

lede.aio.Client is the asyncio twin. The messages are the generated ones
(lede.v1.lede_pb2); lede.to_json prints them as `lede parse` does.
"""

from lede import aio
from lede.channel import tls_credentials
from lede.client import Client
from lede.convert import to_dict, to_json
from lede.errors import (
    DeadlineExceeded,
    InvalidDocument,
    LedeError,
    NotFound,
    PermissionDenied,
    TooLarge,
    Unavailable,
    error_from_response,
    raise_for_error,
)
from lede.v1.lede_pb2 import (
    Article,
    Bias,
    ChineseScript,
    DetectLanguageResponse,
    Format,
    ParseOptions,
    ParseRequest,
    ParseResponse,
)

__all__ = [
    "Article",
    "Bias",
    "ChineseScript",
    "Client",
    "DeadlineExceeded",
    "DetectLanguageResponse",
    "Format",
    "InvalidDocument",
    "LedeError",
    "NotFound",
    "ParseOptions",
    "ParseRequest",
    "ParseResponse",
    "PermissionDenied",
    "TooLarge",
    "Unavailable",
    "aio",
    "error_from_response",
    "raise_for_error",
    "to_dict",
    "tls_credentials",
    "to_json",
]
