package lede_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	lede "github.com/lede-project/lede/client/go"
)

var (
	repoRoot, _ = filepath.Abs("../..")
	serverBin   = envOr("LEDE_SERVER", filepath.Join(repoRoot, "build/bin/lede-server"))
	cliBin      = envOr("LEDE_CLI", filepath.Join(repoRoot, "build/bin/lede"))
	seedsDir    = filepath.Join(repoRoot, "tests/fixtures/seeds")
	// The address of the server TestMain starts, for every test and example.
	serverAddress string
)

func envOr(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func freePort() int {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer listener.Close()
	return listener.Addr().(*net.TCPAddr).Port
}

// server is a lede-server child process on a free loopback port.
type server struct {
	address string
	cmd     *exec.Cmd
}

func startServer(flags ...string) (*server, error) {
	return startServerDialing(nil, flags...)
}

// startServerDialing starts a server with flags and waits for SERVING,
// asking over connections made with dial (TLS for a TLS server).
func startServerDialing(dial []lede.DialOption, flags ...string) (*server, error) {
	address := fmt.Sprintf("127.0.0.1:%d", freePort())
	// No HTTP door: its default port 8080 is fixed, and test suites run at
	// the same time.
	cmd := exec.Command(serverBin, append([]string{"--address", address, "--http_address="}, flags...)...)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{address: address, cmd: cmd}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		client, err := lede.Dial(context.Background(), address, append([]lede.DialOption{lede.WithTimeout(time.Second), lede.WithRetries(0)}, dial...)...)
		if err == nil {
			serving, _ := client.Health(context.Background())
			client.Close()
			if serving {
				return s, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.stop()
	return nil, fmt.Errorf("lede-server on %s never said SERVING", address)
}

func (s *server) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	s.cmd.Wait()
}

func TestMain(m *testing.M) {
	s, err := startServer()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	serverAddress = s.address
	code := m.Run()
	s.stop()
	os.Exit(code)
}

func seed(t testing.TB, name string) []byte {
	t.Helper()
	content, err := os.ReadFile(filepath.Join(seedsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return content
}
