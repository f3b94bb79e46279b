"""lede: Python client for the lede article-extraction service.

    import lede
    with lede.Client("localhost:50051") as client:
        article = client.parse(html, url="https://example.com/a")
        print(article.title, article.text)
"""
from lede.client import Client, raise_for_error
from lede.errors import (DeadlineExceeded, InvalidDocument, LedeError, TooLarge,
                         Unavailable)
from lede.json import to_dict, to_json
from lede.v1.lede_pb2 import Article, ParseRequest, ParseResponse

__all__ = [
    "Article", "Client", "DeadlineExceeded", "InvalidDocument", "LedeError",
    "ParseRequest", "ParseResponse", "TooLarge", "Unavailable", "raise_for_error",
    "to_dict", "to_json",
]
