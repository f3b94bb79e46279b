package lede_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	lede "github.com/lede-project/lede/client/go"
)

// openssl runs openssl, failing the test on an error.
func openssl(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("openssl", args...).CombinedOutput(); err != nil {
		t.Fatalf("openssl %v: %v\n%s", args, err, out)
	}
}

// certificates makes a CA, and a server and a client certificate it signs,
// for 127.0.0.1, in a temporary folder.
func certificates(t *testing.T) string {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	curve := []string{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"}
	openssl(t, append(append([]string{"req", "-x509"}, curve...), "-days", "2", "-subj", "/CN=ca",
		"-keyout", path("ca.key"), "-out", path("ca.crt"))...)
	if err := os.WriteFile(path("san.ext"), []byte("subjectAltName=IP:127.0.0.1,DNS:localhost\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"server", "client"} {
		openssl(t, append(append([]string{"req"}, curve...), "-subj", "/CN="+name,
			"-keyout", path(name+".key"), "-out", path(name+".csr"))...)
		openssl(t, "x509", "-req", "-days", "2", "-in", path(name+".csr"), "-CA", path("ca.crt"),
			"-CAkey", path("ca.key"), "-CAcreateserial", "-extfile", path("san.ext"), "-out", path(name+".crt"))
	}
	return dir
}

func TestMutualTLS(t *testing.T) {
	dir := certificates(t)
	path := func(name string) string { return filepath.Join(dir, name) }
	mine, err := lede.TLSFromFiles(path("ca.crt"), path("client.crt"), path("client.key"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := startServerDialing([]lede.DialOption{lede.WithTLS(mine)},
		"--tls_cert="+path("server.crt"), "--tls_key="+path("server.key"), "--tls_client_ca="+path("ca.crt"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.stop()

	client, err := lede.Dial(context.Background(), s.address, lede.WithTLS(mine), lede.WithTimeout(10*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	article, err := client.Parse(context.Background(), []byte("<html><body><p>Words of a page, over mutual TLS.</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	if article.GetText() == "" {
		t.Error("no text over mutual TLS")
	}

	anonymous, err := lede.TLSFromFiles(path("ca.crt"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	stranger, err := lede.Dial(context.Background(), s.address, lede.WithTLS(anonymous), lede.WithRetries(0), lede.WithTimeout(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer stranger.Close()
	if _, err := stranger.Health(context.Background()); !errors.Is(err, lede.ErrUnavailable) {
		t.Errorf("a client without a certificate: %v, want ErrUnavailable", err)
	}
}

func TestTLSFromFilesNeedsKeyWithCertificate(t *testing.T) {
	if _, err := lede.TLSFromFiles("", "client.crt", ""); err == nil {
		t.Error("a certificate without its key was accepted")
	}
}
