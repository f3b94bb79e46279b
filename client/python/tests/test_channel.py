"""Retries, load balancing and targets, set through the gRPC service config."""

from __future__ import annotations

import json

import grpc
import pytest
from fake_server import FakeServer

import lede
from lede import channel


def unavailable_first(times: int):  # type: ignore[no-untyped-def]
    return lambda call: grpc.StatusCode.UNAVAILABLE if call <= times else None


def test_unavailable_is_retried_until_an_answer() -> None:
    with FakeServer(script=unavailable_first(2)) as fake:
        with lede.Client(fake.address, retries=3) as client:
            article = client.parse(b"<p>hello</p>")

    assert article.site_name == "fake"
    assert fake.calls == 3


def test_retries_are_bounded() -> None:
    with FakeServer(script=lambda _: grpc.StatusCode.UNAVAILABLE) as fake:
        with lede.Client(fake.address, retries=2) as client:
            with pytest.raises(lede.Unavailable, match="scripted UNAVAILABLE on call 3"):
                client.parse(b"<p>hello</p>")

    assert fake.calls == 3


def test_a_full_queue_is_retried_until_an_answer() -> None:
    # A page over gRPC's 256 KiB default retry buffer: retried all the same.
    page = b"<p>" + b"x" * (1 << 20) + b"</p>"
    busy = lambda call: grpc.StatusCode.RESOURCE_EXHAUSTED if call <= 2 else None  # noqa: E731
    with FakeServer(script=busy) as fake:
        with lede.Client(fake.address, retries=3) as client:
            article = client.parse(page)

    assert article.site_name == "fake"
    assert fake.calls == 3


def test_a_refusal_by_the_limits_is_not_retried() -> None:
    # lede-server marks a document over its limits with a pushback of -1:
    # every replica would refuse it.
    with FakeServer(
        script=lambda _: grpc.StatusCode.RESOURCE_EXHAUSTED, pushback_ms="-1"
    ) as fake:
        with lede.Client(fake.address, retries=4) as client:
            with pytest.raises(lede.TooLarge, match="scripted RESOURCE_EXHAUSTED on call 1"):
                client.parse(b"<p>hello</p>")

    assert fake.calls == 1


def test_no_retries_means_one_attempt() -> None:
    with FakeServer(script=unavailable_first(1)) as fake:
        with lede.Client(fake.address, retries=0) as client:
            with pytest.raises(lede.Unavailable):
                client.parse(b"<p>hello</p>")

    assert fake.calls == 1


@pytest.mark.parametrize(
    "code",
    [
        grpc.StatusCode.INVALID_ARGUMENT,
        grpc.StatusCode.PERMISSION_DENIED,
        grpc.StatusCode.INTERNAL,
    ],
)
def test_other_failures_are_not_retried(code: grpc.StatusCode) -> None:
    with FakeServer(script=lambda _: code) as fake:
        with lede.Client(fake.address, retries=4) as client:
            with pytest.raises(lede.LedeError) as raised:
                client.parse(b"<p>hello</p>")

    assert raised.value.code == code
    assert fake.calls == 1


def test_several_addresses_are_used_round_robin() -> None:
    with FakeServer("one") as one, FakeServer("two") as two:
        target = f"ipv4:{one.address},{two.address}"
        with lede.Client(target) as client:
            served_by = [client.parse(b"<p>hi</p>").site_name for _ in range(20)]

    assert set(served_by) == {"one", "two"}
    assert one.calls + two.calls == 20
    assert min(one.calls, two.calls) >= 5


def test_a_list_of_addresses_balances_and_skips_a_dead_one(dead_address: str) -> None:
    with FakeServer("alive") as alive:
        with lede.Client([dead_address, alive.address]) as client:
            served_by = {client.parse(b"<p>hi</p>").site_name for _ in range(6)}

    assert served_by == {"alive"}
    assert alive.calls == 6


def test_a_dns_target_works() -> None:
    with FakeServer("named") as fake:
        port = fake.address.rsplit(":", 1)[1]
        with lede.Client(f"dns:///localhost:{port}") as client:
            assert client.parse(b"<p>hi</p>").site_name == "named"


def test_targets_are_normalized() -> None:
    assert channel.normalize_target("lede:50051") == "lede:50051"
    assert channel.normalize_target("dns:///lede:50051") == "dns:///lede:50051"
    assert channel.normalize_target("127.0.0.1:1,127.0.0.1:2") == "ipv4:127.0.0.1:1,127.0.0.1:2"
    assert (
        channel.normalize_target(["127.0.0.1:1", "127.0.0.1:2"]) == "ipv4:127.0.0.1:1,127.0.0.1:2"
    )
    assert channel.normalize_target(["[::1]:1", "[::1]:2"]) == "ipv6:[::1]:1,[::1]:2"
    assert (
        channel.normalize_target("ipv4:127.0.0.1:1,127.0.0.1:2") == "ipv4:127.0.0.1:1,127.0.0.1:2"
    )
    assert channel.normalize_target(["lede:50051"]) == "lede:50051"
    with pytest.raises(ValueError, match="dns:///"):
        channel.normalize_target(["lede-a:50051", "lede-b:50051"])
    with pytest.raises(ValueError, match="all IPv4 or all IPv6"):
        channel.normalize_target(["127.0.0.1:1", "[::1]:2"])


def test_service_config_retries_unavailable_and_full_queues_and_balances_when_asked() -> None:
    config = json.loads(channel.service_config(retries=3, round_robin=True))
    policy = config["methodConfig"][0]["retryPolicy"]

    assert policy["retryableStatusCodes"] == ["UNAVAILABLE", "RESOURCE_EXHAUSTED"]
    assert policy["maxAttempts"] == 4
    assert {"service": "lede.v1.ArticleService"} in config["methodConfig"][0]["name"]
    assert config["loadBalancingConfig"] == [{"round_robin": {}}]
    assert json.loads(channel.service_config(retries=0, round_robin=False)) == {}
    assert channel.balances("ipv4:127.0.0.1:1,127.0.0.1:2")
    assert channel.balances("dns:///lede:50051")
    assert not channel.balances("127.0.0.1:50051")
    with pytest.raises(ValueError, match="between 0 and 4"):
        channel.service_config(retries=5, round_robin=False)


def test_message_limits_are_raised_for_both_directions() -> None:
    options = dict(channel.channel_options("lede:50051", 3, channel.MAX_MESSAGE_BYTES, ()))

    assert options["grpc.max_send_message_length"] == 64 * 1024 * 1024
    assert options["grpc.max_receive_message_length"] == 64 * 1024 * 1024
