"""Status codes become LedeError subclasses that keep the server's message."""

from __future__ import annotations

import re
import time
import urllib.request

import grpc
import pytest
from lede_server import LedeServer
from pages import PNG_BYTES, SMALL_INPUT_LIMIT, big_page

import lede


def test_empty_content_is_an_invalid_document(client: lede.Client) -> None:
    with pytest.raises(lede.InvalidDocument) as raised:
        client.parse(b"")

    error = raised.value
    assert isinstance(error, lede.LedeError)
    assert error.code == grpc.StatusCode.INVALID_ARGUMENT
    assert "content is empty" in error.message
    assert str(error) == f"INVALID_ARGUMENT: {error.message}"


def test_binary_content_is_an_invalid_document(client: lede.Client) -> None:
    with pytest.raises(lede.InvalidDocument, match="PNG"):
        client.parse(PNG_BYTES)


def test_empty_text_to_detect_is_invalid(client: lede.Client) -> None:
    with pytest.raises(lede.InvalidDocument, match="text is empty"):
        client.detect_language("")


def test_content_over_the_server_limit_is_too_large(small_server: LedeServer) -> None:
    with lede.Client(small_server.address) as client:
        with pytest.raises(lede.TooLarge) as raised:
            client.parse(b"<p>" + b"x" * SMALL_INPUT_LIMIT + b"</p>")

    assert raised.value.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert f"over the limit of {SMALL_INPUT_LIMIT} bytes" in raised.value.message


def refused_parse_calls(server: LedeServer) -> int:
    """The Parse calls over gRPC the server answered RESOURCE_EXHAUSTED (its /metrics)."""
    with urllib.request.urlopen(f"http://{server.http_address}/metrics", timeout=10) as answer:
        metrics = answer.read().decode()
    found = re.search(
        r'^lede_calls_total\{method="Parse",transport="grpc",code="RESOURCE_EXHAUSTED"\} (\d+)',
        metrics,
        re.MULTILINE,
    )
    return int(found.group(1)) if found else 0


def test_a_document_over_the_limits_is_sent_once_whatever_the_retries() -> None:
    # The client retries RESOURCE_EXHAUSTED (a full queue), but the server's
    # pushback of -1 on a limit's refusal stops it: the server sees one call.
    with LedeServer("--max_input_bytes", str(SMALL_INPUT_LIMIT)) as server:
        with lede.Client(server.address, retries=4) as client:
            with pytest.raises(lede.TooLarge, match="--max_input_bytes"):
                client.parse(b"<p>" + b"x" * SMALL_INPUT_LIMIT + b"</p>")

        assert refused_parse_calls(server) == 1


def test_the_server_not_the_client_judges_size(client: lede.Client) -> None:
    # Just over the server's 16 MiB default: the answer must be the engine's
    # message, which only comes if the client let the whole request through.
    over_default_limit = b"<p>" + b"x" * (16 << 20) + b"</p>"

    with pytest.raises(lede.TooLarge, match="--max_input_bytes"):
        client.parse(over_default_limit)


def test_answers_over_grpcs_default_4_mib_are_received(client: lede.Client) -> None:
    # About 2 MB of body comes back three times (text, html, markdown).
    article = client.parse(big_page(2))

    assert len(article.text) + len(article.html) + len(article.markdown) > 4 << 20


def test_a_tiny_deadline_is_exceeded(client: lede.Client) -> None:
    with pytest.raises(lede.DeadlineExceeded) as raised:
        client.parse(big_page(3), timeout=0.001)

    assert raised.value.code == grpc.StatusCode.DEADLINE_EXCEEDED


def test_client_default_timeout_applies(server: LedeServer) -> None:
    with lede.Client(server.address, timeout=0.001) as client:
        with pytest.raises(lede.DeadlineExceeded):
            client.parse(big_page(3))


def test_a_dead_address_is_unavailable_after_bounded_retries(dead_address: str) -> None:
    started = time.monotonic()
    with lede.Client(dead_address, retries=4) as client:
        with pytest.raises(lede.Unavailable) as raised:
            client.parse(b"<p>hello</p>")

    assert raised.value.code == grpc.StatusCode.UNAVAILABLE
    assert raised.value.message  # gRPC's account of the failed connection
    assert time.monotonic() - started < 15


def test_health_of_a_dead_address_is_unavailable(dead_address: str) -> None:
    with lede.Client(dead_address, retries=0) as client:
        with pytest.raises(lede.Unavailable):
            client.health(timeout=5)


def test_error_from_response_maps_stream_failures() -> None:
    failed = lede.ParseResponse(id="a")
    failed.error.code = grpc.StatusCode.RESOURCE_EXHAUSTED.value[0]
    failed.error.message = "content is 9 bytes, over the limit of 4 bytes"

    error = lede.error_from_response(failed)

    assert isinstance(error, lede.TooLarge)
    assert error.message == "content is 9 bytes, over the limit of 4 bytes"
    assert lede.error_from_response(lede.ParseResponse(id="ok")) is None
    with pytest.raises(lede.TooLarge, match="over the limit of 4 bytes"):
        lede.raise_for_error(failed)
    assert lede.raise_for_error(lede.ParseResponse(id="ok")).id == "ok"


def test_unmapped_codes_are_plain_lede_errors() -> None:
    from lede.errors import error_for

    error = error_for(grpc.StatusCode.INTERNAL.value[0], "engine crashed")

    assert type(error) is lede.LedeError
    assert error.code == grpc.StatusCode.INTERNAL
    assert error_for(999, "from the future").code == grpc.StatusCode.UNKNOWN


def test_tls_is_really_used(server: LedeServer) -> None:
    # The test server speaks plaintext, so a TLS handshake cannot succeed.
    with lede.Client(server.address, tls=True, retries=0) as client:
        with pytest.raises(lede.Unavailable):
            client.health(timeout=5)
    with lede.Client(server.address, tls=grpc.ssl_channel_credentials(), retries=0) as client:
        with pytest.raises(lede.Unavailable):
            client.health(timeout=5)
