"""GET /metrics parses with Prometheus's own parser after calls over both doors."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import lede
from conftest import REPO_ROOT, request
from lede_server import LedeServer
from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families

DASHBOARD = REPO_ROOT / "k8s" / "monitoring" / "lede-dashboard.json"
STAGES = ["decode", "frame", "parse", "metadata", "content", "classify", "language", "render"]


def scrape(base: str) -> dict[str, Metric]:
    """The families of `curl -s BASE/metrics`, as the README shows it."""
    text = subprocess.run(
        ["curl", "-sS", f"{base}/metrics"], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    families = {family.name: family for family in text_string_to_metric_families(text)}
    assert families, text
    return families


def value(families: dict[str, Metric], sample_name: str, **labels: str) -> float:
    family_name = re.sub(r"_(total|bucket|sum|count)$", "", sample_name)
    for sample in families[family_name].samples:
        if sample.name == sample_name and all(sample.labels.get(k) == v for k, v in labels.items()):
            return float(sample.value)
    return 0.0


def test_metrics_after_parse_calls_over_both_transports(
    server: LedeServer, base: str, seeds: list[Path]
) -> None:
    before = scrape(base)
    with lede.Client(server.address) as client:
        for seed in seeds:
            client.parse(seed.read_bytes())
        client.detect_language("The council met on Tuesday and voted to repair the bridge.")
    for seed in seeds:
        assert request(f"{base}/v1/parse", seed.read_bytes()).status == 200
    assert request(f"{base}/v1/parse", b"").status == 400
    after = scrape(base)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert {f.name: f.type for f in after.values() if f.name.startswith("lede_")} == {
        "lede_calls": "counter",
        "lede_call_duration_seconds": "histogram",
        "lede_calls_in_flight": "gauge",
        "lede_documents": "counter",
        "lede_documents_refused": "counter",
        "lede_input_size_bytes": "histogram",
        "lede_stage_duration_seconds": "histogram",
        "lede_worker_threads": "gauge",
        "lede_workers_busy": "gauge",
        "lede_queue_depth": "gauge",
        "lede_queue_capacity": "gauge",
        "lede_build_info": "gauge",
    }
    calls = "lede_calls_total"
    assert delta(calls, method="Parse", transport="grpc", code="OK") == 3
    assert delta(calls, method="Parse", transport="http", code="OK") == 3
    assert delta(calls, method="Parse", transport="http", code="INVALID_ARGUMENT") == 1
    assert delta(calls, method="DetectLanguage", transport="grpc", code="OK") == 1
    assert delta("lede_documents_total", transport="grpc", code="OK") == 3
    assert delta("lede_call_duration_seconds_count", method="Parse", transport="http") == 4
    assert delta("lede_call_duration_seconds_sum", method="Parse", transport="grpc") > 0
    seed_bytes = sum(seed.stat().st_size for seed in seeds)
    assert delta("lede_input_size_bytes_sum", method="Parse") == 2 * seed_bytes
    for stage in STAGES:
        # Six documents parsed; the empty one stops before decoding.
        assert delta("lede_stage_duration_seconds_count", stage=stage) == 6, stage
    for limit in ["max_input_bytes", "max_depth", "max_nodes", "max_queue"]:
        assert value(after, "lede_documents_refused_total", limit=limit) >= 0
    assert value(after, "lede_calls_in_flight", transport="http") == 0
    assert value(after, "lede_worker_threads") == 2
    assert value(after, "lede_queue_capacity") == 16
    [info] = after["lede_build_info"].samples
    assert info.value == 1 and info.labels["version"] and info.labels["commit"]
    assert after["process_resident_memory_bytes"].samples[0].value > 1e6

    # Every histogram is cumulative, ends in +Inf, and +Inf equals its count.
    for family in after.values():
        if family.type != "histogram":
            continue
        series: dict[tuple, list[tuple[float, float]]] = {}
        counts: dict[tuple, float] = {}
        for sample in family.samples:
            key = tuple(sorted((k, v) for k, v in sample.labels.items() if k != "le"))
            if sample.name.endswith("_bucket"):
                series.setdefault(key, []).append((float(sample.labels["le"]), sample.value))
            elif sample.name.endswith("_count"):
                counts[key] = sample.value
        for key, buckets in series.items():
            assert buckets[-1][0] == float("inf"), family.name
            assert [b for _, b in buckets] == sorted(b for _, b in buckets), family.name
            assert buckets[-1][1] == counts[key], family.name


def test_limit_refusals_are_counted_by_limit() -> None:
    with LedeServer("--max_input_bytes", "1000", "--max_depth", "50") as small:
        base = f"http://{small.http_address}"
        request(f"{base}/v1/parse", b"x" * 1001)
        with lede.Client(small.address) as client:
            for content in (b"x" * 2000, b"<div>" * 100):
                try:
                    client.parse(content)
                except lede.TooLarge:
                    pass
        families = scrape(base)
        refused = "lede_documents_refused_total"
        assert value(families, refused, limit="max_input_bytes") == 2
        assert value(families, refused, limit="max_depth") == 1
        assert value(families, refused, limit="max_nodes") == 0
        assert value(families, "lede_calls_total", method="Parse", transport="http",
                     code="RESOURCE_EXHAUSTED") == 1


def dashboard_metrics() -> set[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    exprs = [
        target["expr"]
        for panel in dashboard["panels"]
        for target in panel.get("targets", [])
    ]
    assert len(exprs) >= 8, "the dashboard should chart calls, latency, stages, queue, limits"
    names = set()
    for expr in exprs:
        found = set(re.findall(r"\b((?:lede|process)_[a-z_]+)\b", expr))
        assert found, f"a panel queries no lede metric: {expr}"
        names |= found
    return names


def test_the_dashboard_uses_only_metrics_the_server_exports(base: str) -> None:
    exported = set()
    for family in scrape(base).values():
        exported |= {sample.name for sample in family.samples}
    missing = dashboard_metrics() - exported
    assert not missing, f"{DASHBOARD.name} queries metrics the server does not export: {missing}"
