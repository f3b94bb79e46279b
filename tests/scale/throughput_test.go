package scale

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

// throughputCalls and throughputClients size one measurement; each is
// repeated throughputRounds times, interleaved, and the median reported.
var (
	throughputCalls   = envInt("LEDE_SCALE_THROUGHPUT_CALLS", 3000)
	throughputClients = envInt("LEDE_SCALE_THROUGHPUT_CLIENTS", 8)
	throughputRounds  = envInt("LEDE_SCALE_THROUGHPUT_ROUNDS", 3)
)

// TestThroughput measures Parse calls/s through 1, 2 and 3 replicas, each
// with one worker thread (a pod with one core), balanced by the round-robin
// client and by nginx. It writes the bench/RESULTS.md section body to the
// file $LEDE_SCALE_REPORT names (`make bench-scale`) and is skipped without
// it, so `make test-scale` stays a pass/fail test.
func TestThroughput(t *testing.T) {
	report := os.Getenv("LEDE_SCALE_REPORT")
	if report == "" {
		t.Skip("set LEDE_SCALE_REPORT=FILE to measure (make bench-scale)")
	}
	content := seed(t)
	loadBefore := loadAverage()
	replicas := startReplicas(t, 3, "--threads=1", "--access_log=false")
	// Targets for the first n replicas: the client's address list, nginx.
	roundRobin := make([]string, 3)
	proxy := make([]string, 3)
	for n := 1; n <= 3; n++ {
		roundRobin[n-1] = addresses(replicas[:n])
		proxy[n-1] = startNginx(t, replicas[:n])
	}
	// Rounds interleave the configurations, so a burst of other work on the
	// machine lands on all of them rather than on one.
	rates := map[string][][]float64{"rr": make([][]float64, 3), "nginx": make([][]float64, 3)}
	for round := 0; round < throughputRounds; round++ {
		for n := 1; n <= 3; n++ {
			rates["rr"][n-1] = append(rates["rr"][n-1], measure(t, roundRobin[n-1], content))
			rates["nginx"][n-1] = append(rates["nginx"][n-1], measure(t, proxy[n-1], content))
			t.Logf("round %d, %d replicas: %.0f calls/s round-robin, %.0f calls/s through nginx",
				round+1, n, rates["rr"][n-1][round], rates["nginx"][n-1][round])
		}
	}
	if t.Failed() {
		return
	}

	var b strings.Builder
	fmt.Fprintf(&b, "## Scaling: calls/s by replicas\n\n")
	fmt.Fprintf(&b, "`make bench-scale` (tests/scale, TestThroughput): %d Parse calls of seed 002 (%d bytes) from %d concurrent Go clients, "+
		"to lede-server replicas on loopback with one worker thread each (`--threads=1`, a pod with one core), "+
		"balanced by the client's round-robin over the replica addresses and by nginx `grpc_pass`. "+
		"Each cell is the median of %d rounds (lowest–highest in brackets); the rounds interleave the six configurations. "+
		"Clients, nginx and replicas share the machine: %s, %d cores, load average %s before the run (other work was running), %s.\n\n",
		throughputCalls, len(content), throughputClients, throughputRounds, cpuModel(), runtime.NumCPU(), loadBefore, time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintf(&b, "| replicas | round-robin client, calls/s | nginx grpc_pass, calls/s |\n|---:|---:|---:|\n")
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "| %d | %s | %s |\n", i+1, summary(rates["rr"][i]), summary(rates["nginx"][i]))
	}
	fmt.Fprintf(&b, "\nOn %d cores the curve is flat beyond two replicas: two one-thread replicas already use both cores, "+
		"and a third only shares them (the clients and nginx take their part too). More replicas add calls/s only where they add cores: "+
		"on Kubernetes, pods on more nodes.\n", runtime.NumCPU())
	if err := os.WriteFile(report, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// summary is "median (lowest–highest)" of calls/s.
func summary(rates []float64) string {
	sorted := append([]float64(nil), rates...)
	sort.Float64s(sorted)
	median := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		median = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
	}
	return fmt.Sprintf("%.0f (%.0f–%.0f)", median, sorted[0], sorted[len(sorted)-1])
}

// measure runs one fixed load against target and returns calls/s.
func measure(t *testing.T, target string, content []byte) float64 {
	t.Helper()
	l := &load{target: target, calls: throughputCalls, clients: throughputClients}
	l.start(t, content)
	elapsed := l.wait()
	l.check(t)
	return float64(l.calls) / elapsed.Seconds()
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(data), "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(name) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return runtime.GOARCH
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if fields := strings.Fields(string(data)); err == nil && len(fields) >= 3 {
		return strings.Join(fields[:3], " ")
	}
	return "unknown"
}
