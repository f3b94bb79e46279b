// Package scale proves that lede scales out behind a balancer: three
// lede-server replicas on loopback ports, calls spread over them by (a) nginx
// with grpc_pass and (b) the Go client's round-robin over several addresses;
// one replica is SIGKILLed halfway and restarted, and no call fails.
package scale

import (
	"math"
	"os"
	"strconv"
	"testing"
	"time"
)

// calls is the number of Parse calls before the kill, from
// concurrentClients; after the restart the load goes on until the restarted
// replica has served rejoinCalls calls, or rejoinDeadline has passed.
var (
	calls             = envInt("LEDE_SCALE_CALLS", 6000)
	concurrentClients = envInt("LEDE_SCALE_CLIENTS", 6)
	rejoinCalls       = envInt("LEDE_SCALE_REJOIN_CALLS", 100)
)

// rejoinDeadline bounds the wait for the restarted replica to take calls:
// the client's reconnect backoff or nginx's fail_timeout (about a second
// each) and a margin for a loaded machine.
const rejoinDeadline = 30 * time.Second

func envInt(name string, fallback int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return fallback
}

func TestRoundRobinClientSurvivesKill(t *testing.T) {
	replicas := startReplicas(t, 3)
	driveWithKill(t, addresses(replicas), replicas)
}

func TestNginxSurvivesKill(t *testing.T) {
	replicas := startReplicas(t, 3)
	proxy := startNginx(t, replicas)
	driveWithKill(t, proxy, replicas)
}

// driveWithKill runs calls through target, SIGKILLs one replica once
// `calls/2` are done and restarts it, and goes on until the restarted
// replica has served rejoinCalls calls (or rejoinDeadline passes). Then it
// checks: no call failed, each replica served 20-45 % of the calls before
// the kill, and the restarted one served again.
func driveWithKill(t *testing.T, target string, replicas []*replica) {
	t.Helper()
	l := &load{target: target, calls: math.MaxInt32, halfwayAt: calls / 2, clients: concurrentClients}
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
	// Every call the new process serves finishes after this count was read.
	restartedAt := l.done.Load()
	restart := time.Now()
	victim.start()
	victim.waitServing()
	servingAfter := time.Since(restart)
	after := 0
	for deadline := restart.Add(rejoinDeadline); after < rejoinCalls && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		after, _ = victim.served(len(victim.logs) - 1)
	}
	rejoinedAfter := time.Since(restart)
	l.stopEarly()
	elapsed := l.wait()
	l.check(t)
	after, _ = victim.served(len(victim.logs) - 1)
	sinceRestart := l.done.Load() - restartedAt

	for i, r := range replicas {
		share := float64(before[i]) / float64(total)
		t.Logf("replica %s: %d of %d calls before the kill (%.1f %%)", r.address(), before[i], total, 100*share)
		if share < 0.20 || share > 0.45 {
			t.Errorf("replica %s served %.1f %% of the calls before the kill, want 20-45 %%", r.address(), 100*share)
		}
	}
	t.Logf("killed %s after %d calls; restarted after %d, SERVING %v later; it served %d of the %d calls finished since its restart (%v to serve %d); %d calls in %v (%.0f calls/s)",
		victim.address(), killedAt, restartedAt, servingAfter.Round(time.Millisecond), after, sinceRestart,
		rejoinedAfter.Round(time.Millisecond), rejoinCalls, l.done.Load(), elapsed.Round(time.Millisecond),
		float64(l.done.Load())/elapsed.Seconds())
	if int64(after) > sinceRestart {
		t.Errorf("the restarted replica served %d calls, more than the %d that finished since its restart: the count is wrong", after, sinceRestart)
	}
	if after < rejoinCalls {
		t.Errorf("the restarted replica served %d calls in %v, want %d: it did not rejoin", after, rejoinDeadline, rejoinCalls)
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
