package scale

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"text/template"
	"time"
)

// nginxBinary is nginx from $NGINX, PATH or Debian's /usr/sbin.
func nginxBinary(t *testing.T) string {
	t.Helper()
	if path := os.Getenv("NGINX"); path != "" {
		return path
	}
	if path, err := exec.LookPath("nginx"); err == nil {
		return path
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	t.Fatal("nginx not found: `make test-scale` installs it (tests/scale/packages.txt), or set NGINX")
	return ""
}

var nginxConf = template.Must(template.ParseFiles("nginx.conf.tmpl"))

// startNginx runs nginx in the foreground with grpc_pass to the replicas,
// every path under a temporary prefix, and stops it when the test ends.
// It returns the address clients dial.
func startNginx(t *testing.T, replicas []*replica) string {
	t.Helper()
	prefix := t.TempDir()
	// Workers drop to nobody when the master is root: let them write here.
	if err := os.Chmod(prefix, 0o777); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	var upstreams []string
	for _, r := range replicas {
		upstreams = append(upstreams, r.address())
	}
	conf := filepath.Join(prefix, "nginx.conf")
	f, err := os.Create(conf)
	if err != nil {
		t.Fatal(err)
	}
	err = nginxConf.Execute(f, map[string]any{"Prefix": prefix, "Port": port, "Upstreams": upstreams})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginxBinary(t), "-p", prefix, "-c", conf, "-e", filepath.Join(prefix, "error.log"))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGQUIT) // graceful shutdown
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			if log, err := os.ReadFile(filepath.Join(prefix, "error.log")); err == nil {
				t.Logf("nginx error.log:\n%s", log)
			}
		}
	})
	address := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; {
		if conn, err := net.Dial("tcp", address); err == nil {
			conn.Close()
			return address
		}
		select {
		case <-exited:
			log, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			t.Fatalf("nginx exited at start:\n%s", log)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx not listening on %s after 10s", address)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
