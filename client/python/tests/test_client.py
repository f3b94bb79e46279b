"""The sync client against the real server: every call and every error."""
import json
import subprocess

import pytest

import lede
from conftest import CLI, Server


def test_parse_returns_the_article(client, seeds):
    article = client.parse(seeds[2].read_bytes())
    assert isinstance(article, lede.Article)
    assert article.title == "英媒：比利时情报部门监控阿里巴巴在欧洲物流平台"
    assert "比利时国家安全局（VSSE）" in article.text
    assert article.language == "zh-Hans"


def test_str_and_bytes_content_give_the_same_article(client, seeds):
    text = seeds[0].read_text(encoding="utf-8")
    assert client.parse(text) == client.parse(text.encode("utf-8"))


def test_options_choose_renderings(client, seeds):
    article = client.parse(seeds[0].read_bytes(), formats=["markdown"])
    assert article.markdown and not article.text and not article.html


def test_json_matches_the_cli(server, seeds):
    with lede.Client(server.address) as client:
        for seed in seeds:
            response = client.parse_response(seed.read_bytes(), id=str(seed))
            cli = subprocess.run([CLI, "parse", "--format", "json", str(seed)],
                                 capture_output=True, check=True, text=True)
            assert json.loads(lede.to_json(response)) == json.loads(cli.stdout)
            assert lede.to_dict(response)["article"]["title"]


def test_parse_many_answers_a_thousand_documents(client, seeds):
    documents = [seeds[i % 3].read_bytes() for i in range(1000)]
    documents[5] = b""  # fails alone; the stream goes on
    ids = set()
    for response in client.parse_many(documents):
        ids.add(response.id)
        if response.id == "5":
            assert response.HasField("error")
            with pytest.raises(lede.InvalidDocument):
                lede.raise_for_error(response)
        else:
            assert response.article.title
    assert ids == {str(i) for i in range(1000)}


def test_parse_many_accepts_pairs_and_dicts(client, seeds):
    body = seeds[1].read_bytes()
    responses = list(client.parse_many([
        (body, "https://example.com/a"),
        {"content": body, "id": "named", "url": "https://example.com/b"},
    ]))
    assert sorted(r.id for r in responses) == ["0", "named"]


def test_detect_language(client):
    response = client.detect_language(
        "Le conseil municipal a voté mardi le nouveau budget de la ville.")
    assert response.language == "fr"
    assert response.confidence > 0.5


def test_health(client):
    assert client.health() is True


def test_empty_content_is_invalid_document(client):
    with pytest.raises(lede.InvalidDocument) as raised:
        client.parse(b"")
    assert "empty" in raised.value.message


def test_oversize_content_is_too_large():
    small = Server("--max_input_bytes=1000")
    try:
        with lede.Client(small.address) as client:
            with pytest.raises(lede.TooLarge) as raised:
                client.parse(b"x" * 5000)
        assert "max_input_bytes" in raised.value.message
    finally:
        small.stop()


def test_deadline_is_deadline_exceeded(server):
    page = "<article>" + "<p>Paragraph with enough words, and a <a href=/x>link</a>.</p>" * 20000
    with lede.Client(server.address, timeout=0.005) as client:
        with pytest.raises(lede.DeadlineExceeded):
            client.parse(page)


def test_no_server_is_unavailable():
    from conftest import free_port
    with lede.Client("127.0.0.1:%d" % free_port(), timeout=2, retries=1) as client:
        with pytest.raises(lede.Unavailable):
            client.parse(b"<p>hello</p>")


def test_round_robin_over_several_addresses(seeds):
    servers = [Server(), Server()]
    try:
        with lede.Client([s.address for s in servers]) as client:
            for _ in range(4):
                assert client.parse(seeds[0].read_bytes()).title
    finally:
        for s in servers:
            s.stop()


def test_bad_option_is_a_clear_error(client):
    with pytest.raises(ValueError, match="unknown format"):
        client.parse(b"<p>x</p>", formats=["pdf"])
