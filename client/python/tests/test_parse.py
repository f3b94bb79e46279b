"""Client.parse and parse_response against a real lede-server."""

from __future__ import annotations

import datetime

import grpc
import pytest
from lede_server import LedeServer
from pages import article_page

import lede
from lede.v1 import lede_pb2

STORY_URL = "https://news.example.com/2024/03/05/bridge-vote.html"


def test_parse_returns_the_generated_article(client: lede.Client) -> None:
    article = client.parse(article_page("Council votes to repair the old bridge").encode())

    assert isinstance(article, lede_pb2.Article)
    assert article.title == "Council votes to repair the old bridge"
    assert list(article.authors) == ["Jane Doe"]
    assert "voted to repair the old bridge" in article.text
    assert article.language == "en"


def test_str_and_bytes_content_give_the_same_article(client: lede.Client) -> None:
    page = article_page("Same story either way")

    assert client.parse(page) == client.parse(page.encode("utf-8"))


def test_str_content_is_not_decoded_again_by_a_stale_meta_charset(client: lede.Client) -> None:
    # A page the caller already decoded still says gbk inside; as UTF-8 bytes
    # without a BOM the server would trust the meta tag and garble the title.
    title = "海康威视回应美国制裁威胁"
    page = (
        f"<html><head><meta charset='gbk'><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{'英国《金融时报》援引知情人士的消息称，美国准备实施制裁。' * 10}</p>"
        "</article></body></html>"
    )

    response = client.parse_response(page)

    assert response.charset == "UTF-8"
    assert response.article.title == title
    assert response.article.language == "zh-Hans"


def test_parse_response_echoes_id_and_reports_decoding(client: lede.Client) -> None:
    title = "海康威视回应美国制裁威胁"
    page = (
        f"<html><head><title>{title}</title></head><body><p>{'正文内容。' * 40}</p></body></html>"
    )

    response = client.parse_response(page.encode("gbk"), id="doc-42")

    assert response.id == "doc-42"
    assert response.charset == "GB18030"
    assert response.framing == "html-page"
    assert response.article.title == title


def test_url_resolves_links_and_is_reported(client: lede.Client) -> None:
    page = article_page("Photos of the bridge").replace(
        "</h1>",
        "</h1><figure><img src='/images/bridge.jpg'><figcaption>The bridge</figcaption></figure>",
    )

    article = client.parse(page, url=STORY_URL)

    assert article.url == STORY_URL
    assert [image.url for image in article.images] == ["https://news.example.com/images/bridge.jpg"]


def test_content_type_charset_is_used_for_bytes(client: lede.Client) -> None:
    title = "标题在这里"
    body = "这是一段新闻的正文。" * 30
    page = f"<html><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"

    response = client.parse_response(page.encode("gbk"), content_type="text/html; charset=gbk")

    assert response.charset == "GB18030"
    assert response.article.title == title


def test_formats_option_limits_the_renderings(client: lede.Client) -> None:
    page = article_page("Only text please")

    text_only = client.parse(page, formats=["text"])
    markdown_only = client.parse(page, formats="markdown")
    everything = client.parse(page)

    assert text_only.text and not text_only.html and not text_only.markdown
    assert markdown_only.markdown and not markdown_only.text and not markdown_only.html
    assert everything.text and everything.html and everything.markdown


def test_reference_time_rejects_dates_after_it(client: lede.Client) -> None:
    page = article_page("Dated story").replace(
        "</head>", "<meta property='article:published_time' content='2022-05-04T23:12:35Z'></head>"
    )
    before = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)

    served_now = client.parse(page)
    served_in_2020 = client.parse(page, reference_time=before)

    assert served_now.published_time.ToJsonString() == "2022-05-04T23:12:35Z"
    assert not served_in_2020.HasField("published_time")


def test_bias_and_convert_chinese_are_accepted_by_the_server(client: lede.Client) -> None:
    article = client.parse(
        article_page("Options travel"), bias="recall", convert_chinese="simplified"
    )

    assert article.title == "Options travel"


def test_include_comments_fills_comments_and_leaves_the_body_alone(client: lede.Client) -> None:
    page = article_page("Commented story").replace(
        "</article>",
        "</article><section class='comments'><div class='comment'>"
        "<span class='author'>Ann</span> <time datetime='2024-05-02T10:00:00Z'>2 May</time>"
        "<p>Well reported.</p></div><div class='comment'><span class='author'>Bo</span>"
        "<p>Thanks for this.</p></div></section>",
    )

    without = client.parse(page)
    with_comments = client.parse(page, include_comments=True)

    assert list(without.comments) == []
    assert [(c.author, c.text) for c in with_comments.comments] == [
        ("Ann", "Well reported."),
        ("Bo", "Thanks for this."),
    ]
    assert with_comments.comments[0].published_time.ToJsonString() == "2024-05-02T10:00:00Z"
    assert not with_comments.comments[1].HasField("published_time")
    assert with_comments.text == without.text
    assert "Well reported" not in with_comments.text


def forum_thread_page() -> str:
    posts = "".join(
        f"<article class='message message--post'><div class='message-userDetails'>"
        f"<a class='username'>user{i}</a></div><div class='message-content'>"
        f"<time datetime='2024-05-0{i + 1}T10:00:00Z'>May {i + 1}, 2024</time>"
        f"<div class='bbWrapper'><p>Post number {i}: check the collimation first, a "
        f"reflector that was shipped often arrives with its mirrors out of line.</p>"
        f"</div><a>Reply</a></div></article>"
        for i in range(5)
    )
    return (
        "<html><head><title>Saturn is a blur | Example Forums</title>"
        "<script type='application/ld+json'>{\"@type\": \"DiscussionForumPosting\", "
        "\"headline\": \"Saturn is a blur\"}</script></head><body>"
        f"<h1>Saturn is a blur</h1>{posts}</body></html>"
    )


def test_a_forum_threads_posts_come_in_order_with_writers_and_dates(client: lede.Client) -> None:
    article = client.parse(
        forum_thread_page(), url="https://forums.example.com/threads/saturn-is-a-blur.123456/"
    )

    assert article.page_type == lede_pb2.PAGE_TYPE_FORUM
    assert [p.author for p in article.posts] == [f"user{i}" for i in range(5)]
    assert [p.published_time.ToJsonString() for p in article.posts] == [
        f"2024-05-0{i + 1}T10:00:00Z" for i in range(5)
    ]
    assert all(p.text.startswith(f"Post number {i}: ") for i, p in enumerate(article.posts))
    assert list(article.comments) == []


def test_an_article_has_no_posts(client: lede.Client) -> None:
    article = client.parse(article_page("No thread here"))

    assert article.page_type != lede_pb2.PAGE_TYPE_FORUM
    assert list(article.posts) == []


def test_a_listings_items_come_with_title_link_and_snippet(client: lede.Client) -> None:
    teasers = "".join(
        f"<article class='teaser'><h2><a href='/news/story-{i}/'>Story number {i} about the "
        f"harbour</a></h2><p>The harbour board met again on the question of the new quay, "
        f"number {i}.</p></article>"
        for i in range(1, 9)
    )
    article = client.parse(
        "<html><head><title>News - Example Blog</title></head><body><nav><a href='/'>Home</a>"
        f"</nav><h1>News</h1><main>{teasers}<nav class='pager'><a href='?page=2'>2</a>"
        "<a href='?page=3'>3</a></nav></main></body></html>",
        url="https://blog.example.com/news/",
    )

    assert article.page_type == lede_pb2.PAGE_TYPE_LISTING
    assert [(i.title, i.url) for i in article.items] == [
        (f"Story number {n} about the harbour", f"https://blog.example.com/news/story-{n}/")
        for n in range(1, 9)
    ]
    assert article.items[0].snippet == (
        "The harbour board met again on the question of the new quay, number 1."
    )


def test_bad_options_fail_before_any_call(client: lede.Client) -> None:
    with pytest.raises(TypeError, match="unknown parse option"):
        client.parse("<p>x</p>", colour="blue")
    with pytest.raises(ValueError, match="'precision', 'recall'"):
        client.parse("<p>x</p>", bias="sideways")
    with pytest.raises(ValueError, match="timezone-aware"):
        client.parse("<p>x</p>", reference_time=datetime.datetime(2020, 1, 1))
    with pytest.raises(TypeError, match="include_comments must be True or False"):
        client.parse("<p>x</p>", include_comments="yes")
    with pytest.raises(TypeError, match="bytes or str"):
        client.parse(12345)  # type: ignore[arg-type]


def test_detect_language(client: lede.Client) -> None:
    english = client.detect_language("The council voted to repair the old bridge before winter.")
    chinese = client.detect_language(
        "美国正准备对中国企业实施严厉制裁，拜登政府已在为这项制裁打基础。"
    )

    assert english.language == "en"
    assert english.confidence > 0.5
    assert chinese.language == "zh-Hans"


def test_health_reports_serving(client: lede.Client) -> None:
    assert client.health() is True
    assert client.health("lede.v1.ArticleService") is True


def test_health_of_an_unknown_service_raises_not_found(client: lede.Client) -> None:
    with pytest.raises(lede.LedeError) as raised:
        client.health("no.such.Service")

    assert raised.value.code == grpc.StatusCode.NOT_FOUND


def test_closed_client_makes_no_more_calls(server: LedeServer) -> None:
    with lede.Client(server.address) as client:
        assert client.health()

    with pytest.raises(ValueError, match="closed channel"):
        client.health()
