package main

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSmoke drives a real lede-server with the fixture seeds through both
// methods, closed and open loop, and checks that every call is accounted
// for and the figures are consistent. It measures nothing worth keeping.
func TestSmoke(t *testing.T) {
	root, _ := filepath.Abs("../../..")
	bin := os.Getenv("LEDE_SERVER")
	if bin == "" {
		bin = filepath.Join(root, "build/bin/lede-server")
	}
	path, seeds := seedManifest(t)
	pages, err := readManifest(path)
	if err != nil || len(pages) != seeds {
		t.Fatalf("read %d of %d pages: %v", len(pages), seeds, err)
	}
	cfg := config{serverBin: bin, threads: 1, concurrency: 2, streams: 1, capacityCalls: 12, warmup: 3,
		rates: []float64{0.5, 1}, duration: time.Second, timeout: 30 * time.Second,
		methods: []string{"parse", "stream"}, rounds: 2,
		baseline: []string{"sh", "-c", `echo '{"pages_per_s": 1}'`}}
	rep, err := run(cfg, pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Phases) != 2*2+2*2 {
		t.Fatalf("%d phases, want 8", len(rep.Phases))
	}
	if len(rep.Baselines) != 3 {
		t.Errorf("%d baseline runs, want one before the rounds and one after each (3)", len(rep.Baselines))
	}
	for _, p := range rep.Phases {
		name := p.Method + " " + p.Loop
		if p.Answered+p.Refused+p.Failed != p.Calls {
			t.Errorf("%s: %d answered + %d refused + %d failed != %d calls", name, p.Answered, p.Refused, p.Failed, p.Calls)
		}
		if p.Failed != 0 {
			t.Errorf("%s: %d calls failed", name, p.Failed)
		}
		if p.Loop == "closed" && (p.Calls != 12 || p.Answered != 12) {
			t.Errorf("%s: %d of %d calls answered, want 12 of 12", name, p.Answered, p.Calls)
		}
		if p.Loop == "open" && p.Calls != int(p.Offered*cfg.duration.Seconds())+1 {
			t.Errorf("%s: %d calls at %.1f/s for %s", name, p.Calls, p.Offered, cfg.duration)
		}
		if !(0 < p.P50 && p.P50 <= p.P95 && p.P95 <= p.P99 && p.P99 <= p.Max) {
			t.Errorf("%s: quantiles out of order: %+v", name, p.summary)
		}
		if p.OtherThreadsCPU < 0 || p.OtherThreadsCPU > p.ServerCPU+0.05 {
			t.Errorf("%s: other threads' CPU %.2f s of the server's %.2f s", name, p.OtherThreadsCPU, p.ServerCPU)
		}
		if p.PerSec <= 0 || p.RSSMaxKiB <= 0 || p.After.Threads <= 0 {
			t.Errorf("%s: calls/s %.1f, RSS %d KiB, %d threads", name, p.PerSec, p.RSSMaxKiB, p.After.Threads)
		}
	}
}

// seedManifest writes a manifest of the fixture seeds; returns its path and
// how many pages it lists.
func seedManifest(t *testing.T) (string, int) {
	t.Helper()
	root, _ := filepath.Abs("../../..")
	seeds, err := filepath.Glob(filepath.Join(root, "tests/fixtures/seeds/*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var manifest strings.Builder
	for _, seed := range seeds {
		manifest.WriteString("seeds\t" + filepath.Base(seed) + "\t" + seed + "\t\t\n")
	}
	path := filepath.Join(t.TempDir(), "manifest.tsv")
	if err := os.WriteFile(path, []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, len(seeds)
}

func TestQuantile(t *testing.T) {
	values := []float64{1, 2, 3, 4, 5}
	for q, want := range map[float64]float64{0: 1, 0.5: 3, 0.9: 4.6, 1: 5} {
		if got := quantile(values, q); math.Abs(got-want) > 1e-9 {
			t.Errorf("quantile(%v) = %v, want %v", q, got, want)
		}
	}
	if quantile(nil, 0.5) != 0 {
		t.Error("quantile of nothing is not 0")
	}
}

// TestInprocessBench runs the C++ baseline and allocation bench
// ($LEDE_INPROCESS_BENCH; skipped without it) on the fixture seeds and
// checks that its figures are there and consistent.
func TestInprocessBench(t *testing.T) {
	bin := os.Getenv("LEDE_INPROCESS_BENCH")
	if bin == "" {
		t.Skip("set LEDE_INPROCESS_BENCH to the lede_inprocess_bench binary")
	}
	path, seeds := seedManifest(t)
	var throughput struct {
		Pages      int     `json:"pages"`
		Refused    int     `json:"refused"`
		PerSec     float64 `json:"pages_per_s"`
		CPU        float64 `json:"cpu_s"`
		PageMs     spread  `json:"page_ms"`
		Warmup     int     `json:"warmup_per_thread"`
		Threads    int     `json:"threads"`
		Unreadable int     `json:"unreadable"`
	}
	runJSON(t, &throughput, bin, "--threads", "2", "--warmup", "1", path)
	if throughput.Pages != seeds || throughput.Threads != 2 || throughput.Unreadable != 0 || throughput.PerSec <= 0 {
		t.Errorf("throughput: %+v, want %d pages on 2 threads", throughput, seeds)
	}
	throughput.PageMs.check(t, "page_ms")
	var alloc struct {
		Pages int    `json:"pages"`
		Bytes spread `json:"alloc_bytes"`
		Calls spread `json:"alloc_calls"`
		Peak  spread `json:"peak_rss_kib"`
		Reset bool   `json:"peak_rss_reset"`
	}
	runJSON(t, &alloc, bin, "--alloc", path)
	if alloc.Pages != seeds {
		t.Errorf("alloc: %d pages, want %d", alloc.Pages, seeds)
	}
	// Parsing a page allocates: a counter that saw nothing is not counting.
	if alloc.Bytes.Median <= 0 || alloc.Calls.Median <= 0 || alloc.Peak.Median <= 0 {
		t.Errorf("alloc: bytes %+v, calls %+v, peak RSS %+v", alloc.Bytes, alloc.Calls, alloc.Peak)
	}
	for name, s := range map[string]spread{"alloc_bytes": alloc.Bytes, "alloc_calls": alloc.Calls, "peak_rss_kib": alloc.Peak} {
		s.check(t, name)
	}
}

// spread is the benches' median/p99/max of a figure.
type spread struct {
	Median float64 `json:"median"`
	P99    float64 `json:"p99"`
	Max    float64 `json:"max"`
}

func (s spread) check(t *testing.T, name string) {
	t.Helper()
	if !(0 <= s.Median && s.Median <= s.P99 && s.P99 <= s.Max) {
		t.Errorf("%s: not ordered: %+v", name, s)
	}
}

func runJSON(t *testing.T, into any, bin string, args ...string) {
	t.Helper()
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	if err := json.Unmarshal(out, into); err != nil {
		t.Fatalf("%s %v: %v in %s", bin, args, err, out)
	}
}
