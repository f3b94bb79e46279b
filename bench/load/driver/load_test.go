package main

import (
	"math"
	"os"
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
	pages, err := readManifest(path)
	if err != nil || len(pages) != len(seeds) {
		t.Fatalf("read %d of %d pages: %v", len(pages), len(seeds), err)
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
		if p.PerSec <= 0 || p.RSSMaxKiB <= 0 || p.After.Threads <= 0 {
			t.Errorf("%s: calls/s %.1f, RSS %d KiB, %d threads", name, p.PerSec, p.RSSMaxKiB, p.After.Threads)
		}
	}
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
