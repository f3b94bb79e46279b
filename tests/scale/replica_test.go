package scale

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	lede "github.com/lede-project/lede/client/go"
)

// replica is one lede-server process on a loopback port. Each start writes
// its own log, so calls served before and after a restart count apart.
type replica struct {
	t       *testing.T
	port    int
	args    []string
	cmd     *exec.Cmd
	logs    []string // one per start; the last is the running process's
	exited  chan struct{}
	stopped bool
}

// serverBinary is lede-server, from $LEDE_SERVER (the Makefile passes the
// build's) or the default build directory.
func serverBinary(t *testing.T) string {
	t.Helper()
	path := os.Getenv("LEDE_SERVER")
	if path == "" {
		path = filepath.Join("..", "..", "build", "bin", "lede-server")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("lede-server not found at %s (run `make build` or set LEDE_SERVER): %v", path, err)
	}
	return path
}

// freePort asks the kernel for a free loopback port.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startReplicas starts n replicas with --access_log and the given extra
// flags, waits until each says SERVING, and stops them when the test ends.
func startReplicas(t *testing.T, n int, extra ...string) []*replica {
	t.Helper()
	replicas := make([]*replica, n)
	// freePort closes the port it found and a replica binds it only once
	// started, so the kernel may hand one port out twice: keep them apart.
	used := map[int]bool{}
	for i := range replicas {
		port := freePort(t)
		for used[port] {
			port = freePort(t)
		}
		used[port] = true
		r := &replica{t: t, port: port, args: extra}
		r.start()
		t.Cleanup(r.stop)
		replicas[i] = r
	}
	for _, r := range replicas {
		r.waitServing()
	}
	return replicas
}

func (r *replica) address() string { return fmt.Sprintf("127.0.0.1:%d", r.port) }

func (r *replica) start() {
	r.t.Helper()
	logPath := filepath.Join(r.t.TempDir(), fmt.Sprintf("replica-%d-%d.log", r.port, len(r.logs)))
	logFile, err := os.Create(logPath)
	if err != nil {
		r.t.Fatal(err)
	}
	// No HTTP door: its default port 8080 is fixed, and test suites run at
	// the same time.
	args := append([]string{"--address=" + r.address(), "--http_address=", "--access_log"}, r.args...)
	r.cmd = exec.Command(serverBinary(r.t), args...)
	r.cmd.Stderr = logFile
	r.cmd.Stdout = logFile
	if err := r.cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	logFile.Close() // the child has its own descriptor
	r.logs = append(r.logs, logPath)
	r.exited = make(chan struct{})
	go func(cmd *exec.Cmd, exited chan struct{}) {
		cmd.Wait()
		close(exited)
	}(r.cmd, r.exited)
}

// waitServing polls the health service until it says SERVING.
func (r *replica) waitServing() {
	r.t.Helper()
	client, err := lede.Dial(context.Background(), r.address(), lede.WithRetries(0), lede.WithTimeout(time.Second))
	if err != nil {
		r.t.Fatal(err)
	}
	defer client.Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		serving, err := client.Health(context.Background())
		if err == nil && serving {
			return
		}
		select {
		case <-r.exited:
			r.t.Fatalf("replica %s exited at start:\n%s", r.address(), r.readLog(len(r.logs)-1))
		default:
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("replica %s not SERVING after 20s: %v", r.address(), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// kill sends SIGKILL, as a crashed or OOM-killed pod would die, and waits
// for the process to be gone.
func (r *replica) kill() {
	r.cmd.Process.Signal(syscall.SIGKILL)
	<-r.exited
}

// stop ends the replica with SIGTERM (it drains) at the end of a test.
func (r *replica) stop() {
	if r.stopped {
		return
	}
	r.stopped = true
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.exited:
	case <-time.After(30 * time.Second):
		r.cmd.Process.Kill()
		<-r.exited
	}
}

func (r *replica) readLog(i int) string {
	data, err := os.ReadFile(r.logs[i])
	if err != nil {
		r.t.Fatal(err)
	}
	return string(data)
}

var callLine = regexp.MustCompile(`(?m)^lede-server: call Parse peer=(\S+) status=(\S+) `)

// served counts the Parse calls the i-th start of this replica answered,
// from its --access_log lines, and the distinct peers (connections) they
// came over.
func (r *replica) served(i int) (calls int, peers map[string]bool) {
	peers = map[string]bool{}
	for _, m := range callLine.FindAllStringSubmatch(r.readLog(i), -1) {
		if m[2] == "OK" {
			calls++
			peers[m[1]] = true
		}
	}
	return calls, peers
}

func addresses(replicas []*replica) string {
	var list []string
	for _, r := range replicas {
		list = append(list, r.address())
	}
	return strings.Join(list, ",")
}
