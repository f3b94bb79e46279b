// Command lede-load drives a lede-server with the bench pages over gRPC
// (make bench-load, through bench/load/run.py): Parse and ParseStream,
// first closed-loop to measure capacity, then open-loop at fixed fractions
// of it, and writes what it measured as JSON.
//
//	lede-load -server build/bin/lede-server -manifest PAGES.tsv \
//	    -threads 1 -server_cpus 1 -out load.json
//
// It starts the server itself (on a loopback port the kernel picks, with
// --threads and pinned to -server_cpus through taskset), so it can read the
// server's RSS, threads and CPU time from /proc between and during phases.
// Pin this process apart from the server with taskset too.
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lede-project/lede/client/go/ledev1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// page is one bench page as sent: its bytes and what the request says of it.
type page struct {
	content          []byte
	url, contentType string
}

// readManifest reads bench/speed/page_file.h's manifest (set, id, path,
// url, content type; ".gz" files are gunzipped) into pages, in its order.
func readManifest(path string) ([]*page, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var pages []*page
	lines := bufio.NewScanner(file)
	lines.Buffer(make([]byte, 1<<16), 1<<20)
	for lines.Scan() {
		if lines.Text() == "" {
			continue
		}
		fields := append(strings.Split(lines.Text(), "\t"), "", "", "", "", "")
		content, err := readPage(fields[2])
		if err != nil {
			return nil, err
		}
		pages = append(pages, &page{content: content, url: fields[3], contentType: fields[4]})
	}
	return pages, lines.Err()
}

func readPage(path string) ([]byte, error) {
	if !strings.HasSuffix(path, ".gz") {
		return os.ReadFile(path)
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	unpacked, err := gzip.NewReader(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(unpacked)
}

// config is what one run measures.
type config struct {
	serverBin, serverCPUs string
	threads               int
	concurrency           int           // closed loop: calls in flight
	streams               int           // ParseStream calls the calls are spread over
	capacityCalls         int           // closed loop: calls per method (0: every page once)
	warmup                int           // calls before anything is measured
	rates                 []float64     // open loop: fractions of the capacity
	duration              time.Duration // of each open-loop phase
	timeout               time.Duration // of each call
	methods               []string
	serverFlags           []string
	// Closed-loop rounds per method, each followed by a run of baseline.
	rounds int
	// A command run before the first round and after each (the engine
	// in-process, pinned where the server is): its JSON stdout is kept, so
	// every round has a baseline measured just before and just after it.
	baseline []string
}

// phase is one measured stretch of calls, with what the server did meanwhile.
type phase struct {
	Method   string  `json:"method"`
	Loop     string  `json:"loop"` // "closed" or "open"
	Round    int     `json:"round,omitempty"`
	Fraction float64 `json:"fraction,omitempty"`
	Offered  float64 `json:"offered_per_s,omitempty"`
	summary
	// How late the open loop's sender was at worst (the client's own lag).
	SendLateMaxMs float64 `json:"send_late_max_ms,omitempty"`
	// CPU seconds the server and this client spent in the phase.
	ServerCPU float64 `json:"server_cpu_s"`
	ClientCPU float64 `json:"client_cpu_s"`
	// The part of ServerCPU in threads other than lede's own (gRPC's).
	OtherThreadsCPU float64 `json:"server_other_threads_cpu_s"`
	// The part of ServerCPU in the kernel, and the server's minor page faults.
	ServerSystemCPU   float64 `json:"server_sys_cpu_s"`
	ServerMinorFaults int64   `json:"server_minor_faults"`
	// The server's largest RSS sampled during the phase, and after it.
	RSSMaxKiB int64      `json:"rss_max_kib"`
	After     procStatus `json:"after"`
}

type report struct {
	Pages       int        `json:"pages"`
	PageBytes   int64      `json:"page_bytes"`
	Threads     int        `json:"threads"`
	ServerCPUs  string     `json:"server_cpus"`
	ClientProc  int        `json:"client_gomaxprocs"`
	Concurrency int        `json:"concurrency"`
	Streams     int        `json:"streams"`
	ServerArgs  []string   `json:"server_flags"`
	Started     procStatus `json:"server_started"`
	Warm        procStatus `json:"server_warm"`
	Phases      []phase    `json:"phases"`
	// The baseline's output before the first round and after each.
	Baselines []json.RawMessage `json:"baselines,omitempty"`
}

// measure runs fn as one phase, sampling the server's RSS every 50 ms.
func measure(s *server, p phase, fn func() phase) phase {
	pid := s.cmd.Process.Pid
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var rssMax int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			if st, err := readStatus(pid); err == nil && st.RSSKiB > rssMax {
				rssMax = st.RSSKiB
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	serverBefore, _ := cpuUsage(pid)
	otherBefore := otherThreadsCPU(pid)
	clientBefore := ownCPUSeconds()
	done := fn()
	serverAfter, _ := cpuUsage(pid)
	done.OtherThreadsCPU = otherThreadsCPU(pid) - otherBefore
	done.ClientCPU = ownCPUSeconds() - clientBefore
	done.ServerCPU = serverAfter.cpu - serverBefore.cpu
	done.ServerSystemCPU = serverAfter.system - serverBefore.system
	done.ServerMinorFaults = serverAfter.minorFaults - serverBefore.minorFaults
	close(stop)
	wg.Wait()
	done.RSSMaxKiB = rssMax
	done.After, _ = readStatus(pid)
	done.Method, done.Loop, done.Round, done.Fraction, done.Offered = p.Method, p.Loop, p.Round, p.Fraction, p.Offered
	return done
}

func run(cfg config, pages []*page) (*report, error) {
	s, err := startServer(cfg.serverBin, cfg.threads, cfg.serverCPUs, cfg.serverFlags, 60*time.Second)
	if err != nil {
		return nil, err
	}
	defer s.stop()
	conn, err := grpc.NewClient(s.address,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(256<<20), grpc.MaxCallSendMsgSize(256<<20)))
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	stub := ledev1.NewArticleServiceClient(conn)
	rep := &report{Pages: len(pages), Threads: cfg.threads, ServerCPUs: cfg.serverCPUs,
		Concurrency: cfg.concurrency, Streams: cfg.streams, ServerArgs: cfg.serverFlags}
	for _, p := range pages {
		rep.PageBytes += int64(len(p.content))
	}
	// The CPUs this process may run on (its affinity mask under taskset).
	rep.ClientProc = runtime.GOMAXPROCS(0)
	rep.Started, _ = readStatus(s.cmd.Process.Pid)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	callers := map[string]caller{"parse": unary{stub}}
	for _, m := range cfg.methods {
		if m == "stream" {
			lanes, err := openStreams(ctx, stub, cfg.streams)
			if err != nil {
				return nil, err
			}
			defer lanes.close()
			callers["stream"] = lanes
		} else if m != "parse" {
			return nil, fmt.Errorf("unknown method %q (parse, stream)", m)
		}
	}
	// Warm-up: the server's first calls pay for lazy set-up (ICU data,
	// buffers) that the in-process bench's warm-up pays for too.
	for _, m := range cfg.methods {
		closedLoop(callers[m], pages, cfg.warmup, cfg.concurrency, cfg.timeout)
	}
	rep.Warm, _ = readStatus(s.cmd.Process.Pid)

	capacityCalls := cfg.capacityCalls
	if capacityCalls <= 0 {
		capacityCalls = len(pages)
	}
	if err := runBaseline(cfg, rep); err != nil {
		return nil, err
	}
	perRound := map[string][]float64{}
	for round := 1; round <= cfg.rounds; round++ {
		for _, m := range cfg.methods {
			p := measure(s, phase{Method: m, Loop: "closed", Round: round}, func() phase {
				return phase{summary: summarize(closedLoop(callers[m], pages, capacityCalls, cfg.concurrency, cfg.timeout))}
			})
			log.Printf("%s capacity, round %d: %s", m, round, p.summary)
			if p.Answered == 0 {
				return nil, fmt.Errorf("%s: no call answered in the closed loop", m)
			}
			perRound[m] = append(perRound[m], p.PerSec)
			rep.Phases = append(rep.Phases, p)
		}
		if err := runBaseline(cfg, rep); err != nil {
			return nil, err
		}
	}
	// The open loop's 100 %: the median round's capacity.
	capacity := map[string]float64{}
	for m, rates := range perRound {
		sort.Float64s(rates)
		capacity[m] = rates[len(rates)/2]
	}
	for _, m := range cfg.methods {
		for _, fraction := range cfg.rates {
			rate := fraction * capacity[m]
			p := measure(s, phase{Method: m, Loop: "open", Fraction: fraction, Offered: rate}, func() phase {
				samples, late := openLoop(callers[m], pages, rate, cfg.duration, cfg.timeout)
				return phase{summary: summarize(samples), SendLateMaxMs: float64(late) / float64(time.Millisecond)}
			})
			log.Printf("%s at %.0f %% (%.1f/s): %s", m, 100*fraction, rate, p.summary)
			rep.Phases = append(rep.Phases, p)
		}
	}
	return rep, nil
}

// runBaseline runs cfg.baseline, if any, and keeps its JSON output.
func runBaseline(cfg config, rep *report) error {
	if len(cfg.baseline) == 0 {
		return nil
	}
	out, err := exec.Command(cfg.baseline[0], cfg.baseline[1:]...).Output()
	if err != nil {
		return fmt.Errorf("baseline %q: %w", strings.Join(cfg.baseline, " "), err)
	}
	if !json.Valid(out) {
		return fmt.Errorf("baseline %q wrote no JSON", strings.Join(cfg.baseline, " "))
	}
	log.Printf("baseline: %s", strings.TrimSpace(string(out)))
	rep.Baselines = append(rep.Baselines, json.RawMessage(out))
	return nil
}

func parseRates(text string) ([]float64, error) {
	var rates []float64
	for _, field := range strings.Split(text, ",") {
		rate, err := strconv.ParseFloat(strings.TrimSpace(field), 64)
		if err != nil || rate <= 0 {
			return nil, fmt.Errorf("bad rate %q in -rates", field)
		}
		rates = append(rates, rate)
	}
	return rates, nil
}

func main() {
	cfg := config{}
	flag.StringVar(&cfg.serverBin, "server", "build/bin/lede-server", "lede-server binary")
	manifest := flag.String("manifest", "", "pages: set, id, path, url, content type a line (TAB-separated)")
	flag.StringVar(&cfg.serverCPUs, "server_cpus", "", "taskset CPU list for the server; empty: unpinned")
	flag.IntVar(&cfg.threads, "threads", 1, "the server's --threads: the cores it is given")
	flag.IntVar(&cfg.concurrency, "concurrency", 0, "closed loop: calls in flight (0: 4 per server thread)")
	flag.IntVar(&cfg.streams, "streams", 0, "ParseStream calls to spread the stream calls over (0: one per server thread)")
	flag.IntVar(&cfg.capacityCalls, "capacity_calls", 0, "closed-loop calls per method (0: every page once)")
	flag.IntVar(&cfg.warmup, "warmup", 0, "calls per method before measuring (0: 20 per server thread)")
	rates := flag.String("rates", "0.5,0.8,1.0", "open-loop rates, as fractions of the measured capacity")
	flag.DurationVar(&cfg.duration, "duration", 15*time.Second, "length of each open-loop phase")
	flag.DurationVar(&cfg.timeout, "timeout", 60*time.Second, "deadline of each call")
	methods := flag.String("methods", "parse,stream", "parse, stream or both")
	serverFlags := flag.String("server_flags", "", "more lede-server flags, space-separated")
	flag.IntVar(&cfg.rounds, "rounds", 1, "closed-loop capacity rounds per method; the open loop uses the median")
	baseline := flag.String("baseline", "", "command run before the first round and after each (space-separated; JSON on stdout)")
	out := flag.String("out", "", "write the JSON report here (default stdout)")
	flag.Parse()
	if *manifest == "" {
		log.Fatal("-manifest is required")
	}
	var err error
	if cfg.rates, err = parseRates(*rates); err != nil {
		log.Fatal(err)
	}
	cfg.methods = strings.Split(*methods, ",")
	cfg.serverFlags = strings.Fields(*serverFlags)
	cfg.baseline = strings.Fields(*baseline)
	if cfg.rounds < 1 {
		cfg.rounds = 1
	}
	if cfg.concurrency <= 0 {
		cfg.concurrency = 4 * cfg.threads
	}
	if cfg.streams <= 0 {
		cfg.streams = cfg.threads
	}
	if cfg.warmup <= 0 {
		cfg.warmup = 20 * cfg.threads
	}
	pages, err := readManifest(*manifest)
	if err != nil {
		log.Fatal(err)
	}
	if len(pages) == 0 {
		log.Fatalf("%s lists no pages", *manifest)
	}
	rep, err := run(cfg, pages)
	if err != nil {
		log.Fatal(err)
	}
	text, _ := json.MarshalIndent(rep, "", " ")
	if *out == "" {
		fmt.Println(string(text))
		return
	}
	if err := os.WriteFile(*out, append(text, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
}
