// Package scale proves that lede scales out behind a balancer: three
// lede-server replicas on loopback ports, calls spread over them by (a) nginx
// with grpc_pass and (b) the Go client's round-robin over several addresses;
// one replica is SIGKILLed halfway and restarted, and no call fails.
package scale

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// calls is the fixed number of Parse calls of a run, from concurrentClients.
// Enough that the second half outlasts the client's reconnect backoff (about
// a second) to the restarted replica by several seconds on 2 cores.
var (
	calls             = envInt("LEDE_SCALE_CALLS", 6000)
	concurrentClients = envInt("LEDE_SCALE_CLIENTS", 6)
)

func envInt(name string, fallback int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return fallback
}

func TestRoundRobinClientSurvivesKill(t *testing.T) {
	replicas := startReplicas(t, 3)
	driveWithKill(t, &load{target: addresses(replicas), calls: calls, clients: concurrentClients}, replicas)
}

func TestNginxSurvivesKill(t *testing.T) {
	replicas := startReplicas(t, 3)
	proxy := startNginx(t, replicas)
	driveWithKill(t, &load{target: proxy, calls: calls, clients: concurrentClients}, replicas)
}

// driveWithKill runs the load, SIGKILLs one replica once half the calls are
// done and restarts it, then checks: no call failed, each replica served
// 20-45 % of the calls before the kill, and the restarted one serves again.
func driveWithKill(t *testing.T, l *load, replicas []*replica) {
	t.Helper()
	l.start(t, seed(t))
	<-l.halfway

	before := make([]int, len(replicas))
	total := 0
	for i, r := range replicas {
		before[i], _ = r.served(len(r.logs) - 1)
		total += before[i]
	}
	victim := replicas[len(replicas)-1]
	victim.kill()
	killedAt := l.done.Load()
	// Down for a moment, as a crashed pod is before its restart.
	time.Sleep(500 * time.Millisecond)
	victim.start()
	victim.waitServing()
	restartedAt := l.done.Load()
	elapsed := l.wait()
	l.check(t)

	for i, r := range replicas {
		share := float64(before[i]) / float64(total)
		t.Logf("replica %s: %d of %d calls before the kill (%.1f %%)", r.address(), before[i], total, 100*share)
		if share < 0.20 || share > 0.45 {
			t.Errorf("replica %s served %.1f %% of the calls before the kill, want 20-45 %%", r.address(), 100*share)
		}
	}
	after, _ := victim.served(len(victim.logs) - 1)
	remaining := int64(l.calls) - restartedAt
	t.Logf("killed %s after %d calls, serving again after %d; it then served %d of the last %d calls; %d calls in %v (%.0f calls/s)",
		victim.address(), killedAt, restartedAt, after, remaining, l.calls, elapsed.Round(time.Millisecond), float64(l.calls)/elapsed.Seconds())
	// Rejoining takes the client's reconnect backoff or nginx's
	// fail_timeout (about a second); after that it gets its third.
	if after < int(remaining/20) || after == 0 {
		t.Errorf("the restarted replica served %d of the last %d calls: it did not rejoin", after, remaining)
	}
}

// TestMaxConnectionAgeRecyclesConnections: a client that keeps one
// connection (as behind an L4 balancer) is moved to a new connection every
// --max_connection_age, without a failed call, so it can land on a new
// replica.
func TestMaxConnectionAgeRecyclesConnections(t *testing.T) {
	r := startReplicas(t, 1, "--max_connection_age=1s", "--drain_timeout=5s")[0]
	l := &load{target: r.address(), calls: 100000, clients: 1}
	// Bounded by time as well as count: 3.5 s is three connection ages.
	l.start(t, seed(t))
	time.Sleep(3500 * time.Millisecond)
	l.stopEarly()
	l.wait()
	l.check(t)
	calls, peers := r.served(0)
	t.Logf("%d calls over %d connections", calls, len(peers))
	if len(peers) < 3 {
		t.Errorf("%d calls came over %d connections in 3.5 s with --max_connection_age=1s, want at least 3", calls, len(peers))
	}
}
