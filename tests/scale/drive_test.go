package scale

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	lede "github.com/lede-project/lede/client/go"
)

// seed is the document every call parses: a real page from the fixtures.
func seed(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "seeds", "002_0c0f1ca0c1dec935.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// load is a fixed number of Parse calls from several concurrent clients,
// each with its own lede.Client (its own connections and balancer), as
// separate processes of a caller would be.
type load struct {
	target  string // what each client dials
	calls   int    // at most this many; stopEarly ends the load sooner
	clients int
	// halfwayAt is the count of finished calls that closes halfway (default
	// calls/2).
	halfwayAt int
	halfway   chan struct{}

	finished chan struct{}
	elapsed  time.Duration // set before finished is closed

	next     atomic.Int64 // calls handed out so far
	failures atomic.Int64
	done     atomic.Int64
	mu       sync.Mutex
	errs     []error // the first few failures, to report
}

// start dials the clients, makes one call to learn the expected answer, and
// starts the calls in the background; wait returns once all have finished.
// Every answer must carry the first one's fingerprint, so a wrong answer
// counts as a failure.
func (l *load) start(t *testing.T, content []byte) {
	t.Helper()
	l.halfway = make(chan struct{})
	l.finished = make(chan struct{})
	if l.halfwayAt == 0 {
		l.halfwayAt = l.calls / 2
	}
	var want string
	clients := make([]*lede.Client, l.clients)
	for i := range clients {
		// Four retries on UNAVAILABLE with backoff (0.1 s up to 2 s): enough
		// to ride over a killed replica or a 502 from the proxy.
		client, err := lede.Dial(context.Background(), l.target, lede.WithRetries(4), lede.WithTimeout(30*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { client.Close() })
		clients[i] = client
		if i == 0 {
			article, err := client.Parse(context.Background(), content)
			if err != nil {
				t.Fatalf("first call through %s: %v", l.target, err)
			}
			want = article.GetFingerprint()
		}
	}
	var once sync.Once
	var wg sync.WaitGroup
	begin := time.Now()
	for _, client := range clients {
		wg.Add(1)
		go func(client *lede.Client) {
			defer wg.Done()
			for l.next.Add(1) <= int64(l.calls) {
				article, err := client.Parse(context.Background(), content)
				if err == nil && article.GetFingerprint() != want {
					err = errWrongAnswer
				}
				if err != nil {
					l.failures.Add(1)
					l.mu.Lock()
					if len(l.errs) < 5 {
						l.errs = append(l.errs, err)
					}
					l.mu.Unlock()
				}
				if l.done.Add(1) == int64(l.halfwayAt) {
					once.Do(func() { close(l.halfway) })
				}
			}
		}(client)
	}
	go func() {
		wg.Wait()
		l.elapsed = time.Since(begin)
		once.Do(func() { close(l.halfway) })
		close(l.finished)
	}()
}

// wait blocks until every call has finished and returns how long they took.
func (l *load) wait() time.Duration {
	<-l.finished
	return l.elapsed
}

// stopEarly hands out no more calls; those under way finish.
func (l *load) stopEarly() { l.next.Store(math.MaxInt32) }

// check fails the test if any call failed.
func (l *load) check(t *testing.T) {
	t.Helper()
	if n := l.failures.Load(); n > 0 {
		t.Errorf("%d of %d calls through %s failed; first: %v", n, l.done.Load(), l.target, l.errs)
	}
}

type wrongAnswer struct{}

func (wrongAnswer) Error() string { return "an answer differs from the first one" }

var errWrongAnswer error = wrongAnswer{}
