package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lede-project/lede/client/go/ledev1"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// outcome is how one call ended.
type outcome int

const (
	answered outcome = iota // an answer, an article or the engine's refusal of the page
	refused                 // RESOURCE_EXHAUSTED from a full work queue
	failed                  // anything else: the call did not get through
)

// caller makes one Parse call, through a unary call or a stream, and
// blocks until its answer.
type caller interface {
	call(ctx context.Context, page *page, seq int) outcome
}

// classify maps a call's error to its outcome. The engine refusing a page
// (a limit, not a document) is an answer: the server did its work.
func classify(err error) outcome {
	if err == nil {
		return answered
	}
	switch status.Code(err) {
	case codes.InvalidArgument, codes.FailedPrecondition:
		return answered
	case codes.ResourceExhausted:
		if isQueueFull(status.Convert(err).Message()) {
			return refused
		}
		return answered
	}
	return failed
}

// isQueueFull tells the work queue's refusal (its message names
// --max_queue) from a page over the engine's limits.
func isQueueFull(message string) bool {
	return strings.Contains(message, "--max_queue")
}

func request(p *page, seq int) *ledev1.ParseRequest {
	return &ledev1.ParseRequest{Content: p.content, Url: p.url, ContentType: p.contentType,
		Id: strconv.Itoa(seq)}
}

// unary calls Parse.
type unary struct{ stub ledev1.ArticleServiceClient }

func (u unary) call(ctx context.Context, p *page, seq int) outcome {
	_, err := u.stub.Parse(ctx, request(p, seq))
	return classify(err)
}

// streams spreads calls over a few long-lived ParseStream calls: each
// request goes out on its stream's sender and its answer, matched by id,
// wakes the caller.
type streams struct {
	lanes []*lane
}

type lane struct {
	stream  ledev1.ArticleService_ParseStreamClient
	send    chan *ledev1.ParseRequest
	mu      sync.Mutex
	waiting map[string]chan outcome
	broken  error
}

func openStreams(ctx context.Context, stub ledev1.ArticleServiceClient, n int) (*streams, error) {
	s := &streams{}
	for i := 0; i < n; i++ {
		stream, err := stub.ParseStream(ctx)
		if err != nil {
			return nil, err
		}
		l := &lane{stream: stream, send: make(chan *ledev1.ParseRequest, 1024),
			waiting: map[string]chan outcome{}}
		go l.sendLoop()
		go l.receiveLoop()
		s.lanes = append(s.lanes, l)
	}
	return s, nil
}

func (l *lane) sendLoop() {
	for r := range l.send {
		if err := l.stream.Send(r); err != nil {
			l.fail(err)
			return
		}
	}
	_ = l.stream.CloseSend()
}

func (l *lane) receiveLoop() {
	for {
		response, err := l.stream.Recv()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = errors.New("stream closed")
			}
			l.fail(err)
			return
		}
		result := answered
		if e := response.GetError(); e != nil && codes.Code(e.GetCode()) == codes.ResourceExhausted &&
			isQueueFull(e.GetMessage()) {
			result = refused
		}
		l.mu.Lock()
		done := l.waiting[response.GetId()]
		delete(l.waiting, response.GetId())
		l.mu.Unlock()
		if done != nil {
			done <- result
		}
	}
}

// fail ends every call waiting on the lane.
func (l *lane) fail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.broken == nil {
		l.broken = err
	}
	for id, done := range l.waiting {
		done <- failed
		delete(l.waiting, id)
	}
}

func (s *streams) call(ctx context.Context, p *page, seq int) outcome {
	l := s.lanes[seq%len(s.lanes)]
	done := make(chan outcome, 1)
	id := strconv.Itoa(seq)
	l.mu.Lock()
	if l.broken != nil {
		l.mu.Unlock()
		return failed
	}
	l.waiting[id] = done
	l.mu.Unlock()
	select {
	case l.send <- request(p, seq):
	case <-ctx.Done():
		return failed
	}
	select {
	case result := <-done:
		return result
	case <-ctx.Done():
		return failed
	}
}

func (s *streams) close() {
	for _, l := range s.lanes {
		close(l.send)
	}
}

// sample is one call: when it was due, how long from then to its answer.
type sample struct {
	due     time.Duration // after the phase's start
	latency time.Duration
	result  outcome
}

// closedLoop has `concurrency` callers each send the next page as soon as
// their last answer came, until every one of `calls` calls is answered.
func closedLoop(c caller, pages []*page, calls, concurrency int, timeout time.Duration) []sample {
	samples := make([]sample, calls)
	var next int
	var mu sync.Mutex
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= calls {
					return
				}
				sent := time.Since(start)
				ctx, cancel := context.WithTimeout(context.Background(), timeout)
				result := c.call(ctx, pages[i%len(pages)], i)
				cancel()
				samples[i] = sample{due: sent, latency: time.Since(start) - sent, result: result}
			}
		}()
	}
	wg.Wait()
	return samples
}

// openLoop sends a call every 1/rate seconds for `duration`, each at its
// scheduled time whatever the earlier calls are doing, and measures each
// call's latency from that scheduled time: a call the client sent late
// (a slow scheduler, a full connection) is charged for it, so the queueing
// is not hidden (coordinated omission). Returns when every call has ended.
func openLoop(c caller, pages []*page, rate float64, duration, timeout time.Duration) ([]sample, time.Duration) {
	calls := int(rate*duration.Seconds()) + 1
	interval := time.Duration(float64(time.Second) / rate)
	samples := make([]sample, calls)
	var wg sync.WaitGroup
	var lateMax time.Duration
	start := time.Now()
	for i := 0; i < calls; i++ {
		due := time.Duration(i) * interval
		if wait := due - time.Since(start); wait > 0 {
			time.Sleep(wait)
		}
		if late := time.Since(start) - due; late > lateMax {
			lateMax = late
		}
		wg.Add(1)
		go func(i int, due time.Duration) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			result := c.call(ctx, pages[i%len(pages)], i)
			cancel()
			samples[i] = sample{due: due, latency: time.Since(start) - due, result: result}
		}(i, due)
	}
	wg.Wait()
	return samples, lateMax
}

// summary of one phase's calls.
type summary struct {
	Calls    int     `json:"calls"`
	Answered int     `json:"answered"`
	Refused  int     `json:"refused"`
	Failed   int     `json:"failed"`
	Seconds  float64 `json:"seconds"` // from the first call due to the last answer
	PerSec   float64 `json:"calls_per_s"`
	P50      float64 `json:"p50_ms"`
	P95      float64 `json:"p95_ms"`
	P99      float64 `json:"p99_ms"`
	Max      float64 `json:"max_ms"`
}

// summarize counts the outcomes and takes the latency quantiles of the
// answered calls; calls/s is answered calls over the phase's span.
func summarize(samples []sample) summary {
	s := summary{Calls: len(samples)}
	var latencies []float64
	var end time.Duration
	for _, x := range samples {
		switch x.result {
		case answered:
			s.Answered++
			latencies = append(latencies, float64(x.latency)/float64(time.Millisecond))
		case refused:
			s.Refused++
		default:
			s.Failed++
		}
		if x.due+x.latency > end {
			end = x.due + x.latency
		}
	}
	s.Seconds = end.Seconds()
	if s.Seconds > 0 {
		s.PerSec = float64(s.Answered) / s.Seconds
	}
	sort.Float64s(latencies)
	s.P50, s.P95, s.P99 = quantile(latencies, 0.50), quantile(latencies, 0.95), quantile(latencies, 0.99)
	s.Max = quantile(latencies, 1)
	return s
}

// quantile of sorted values, linear between the nearest ranks.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	at := q * float64(len(sorted)-1)
	lo := int(at)
	hi := lo + 1
	if hi >= len(sorted) {
		return sorted[lo]
	}
	return sorted[lo] + (sorted[hi]-sorted[lo])*(at-float64(lo))
}

func (s summary) String() string {
	return fmt.Sprintf("%d calls (%d refused, %d failed) in %.1f s: %.1f calls/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
		s.Calls, s.Refused, s.Failed, s.Seconds, s.PerSec, s.P50, s.P95, s.P99)
}
