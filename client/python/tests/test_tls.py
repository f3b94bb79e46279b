"""TLS and mutual TLS against a real lede-server, with certificates openssl makes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lede_server import LedeServer

import lede


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


def _make_ca(folder: Path, name: str) -> None:
    _openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", "2", "-subj", f"/CN={name}",
        "-keyout", str(folder / f"{name}.key"), "-out", str(folder / f"{name}.crt"),
    )  # fmt: skip


def _make_signed(folder: Path, name: str, ca: str) -> None:
    (folder / f"{name}.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    _openssl(
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-subj", f"/CN={name}", "-keyout", str(folder / f"{name}.key"),
        "-out", str(folder / f"{name}.csr"),
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-days", "2", "-in", str(folder / f"{name}.csr"),
        "-CA", str(folder / f"{ca}.crt"), "-CAkey", str(folder / f"{ca}.key"),
        "-CAcreateserial", "-extfile", str(folder / f"{name}.ext"),
        "-out", str(folder / f"{name}.crt"),
    )  # fmt: skip


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tls")
    _make_ca(folder, "ca")
    _make_signed(folder, "server", "ca")
    _make_signed(folder, "client", "ca")
    return folder


def test_a_client_certificate_opens_a_mutual_tls_server(certificates: Path) -> None:
    mine = lede.tls_credentials(
        ca=certificates / "ca.crt", cert=certificates / "client.crt", key=certificates / "client.key"
    )
    flags = (
        f"--tls_cert={certificates / 'server.crt'}",
        f"--tls_key={certificates / 'server.key'}",
        f"--tls_client_ca={certificates / 'ca.crt'}",
    )
    with LedeServer(*flags, credentials=mine) as server:
        with lede.Client(server.address, tls=mine, timeout=10) as client:
            assert client.health()
            article = client.parse(b"<html><body><p>Words of a page, over TLS.</p></body></html>")
            assert "over TLS" in article.text
        anonymous = lede.tls_credentials(ca=certificates / "ca.crt")
        with lede.Client(server.address, tls=anonymous, retries=0, timeout=5) as client:
            with pytest.raises(lede.Unavailable):
                client.health()


def test_a_certificate_needs_its_key(certificates: Path) -> None:
    with pytest.raises(ValueError, match="both cert and key"):
        lede.tls_credentials(ca=certificates / "ca.crt", cert=certificates / "client.crt")
