package lede_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	lede "github.com/lede-project/lede/client/go"
	"github.com/lede-project/lede/client/go/ledev1"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
)

// fixtures starts tests/fetch/fixture_server.py, the HTTP server lede fetches
// from, on 127.0.0.2 (Debian's python3, which has python3-brotli). It stops
// when its standard input closes, at the test's end.
func fixtures(t *testing.T) (url func(path string) string, port int) {
	t.Helper()
	cmd := exec.Command("/usr/bin/python3", filepath.Join(repoRoot, "tests/fetch/fixture_server.py"))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("fixture server did not start: %v", err)
	}
	port, err = strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		t.Fatalf("fixture server said %q, not its port", line)
	}
	return func(path string) string { return fmt.Sprintf("http://127.0.0.2:%d%s", port, path) }, port
}

func TestParseURL(t *testing.T) {
	url, port := fixtures(t)
	s, err := startServer("--fetch_allow_cidrs=127.0.0.2/32", fmt.Sprintf("--fetch_allow_ports=%d", port))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.stop)
	client := dial(t, s.address)
	ctx := context.Background()

	t.Run("the article of the page's bytes", func(t *testing.T) {
		fetched, err := client.ParseURL(ctx, url("/seed.html"))
		if err != nil {
			t.Fatal(err)
		}
		sent, err := client.Parse(ctx, seed(t, seeds[2]), lede.WithURL(url("/seed.html")))
		if err != nil {
			t.Fatal(err)
		}
		if !proto.Equal(fetched, sent) {
			t.Errorf("fetched article differs from the one of the bytes:\n%v\n%v", fetched, sent)
		}
	})

	t.Run("what was fetched", func(t *testing.T) {
		response, err := client.ParseURLResponse(ctx, url("/redirect/1/deflate/articles/story.html"))
		if err != nil {
			t.Fatal(err)
		}
		final := url("/deflate/articles/story.html")
		fetch := response.GetFetch()
		if fetch.GetFinalUrl() != final || fetch.GetRedirects() != 2 || fetch.GetHttpStatus() != 200 {
			t.Errorf("fetch = %v, want final URL %s after 2 redirects, HTTP 200", fetch, final)
		}
		if got := response.GetArticle().GetUrl(); got != final {
			t.Errorf("article URL = %q, want the final URL %q", got, final)
		}
	})

	t.Run("errors", func(t *testing.T) {
		once := dial(t, s.address, lede.WithRetries(0))
		for _, test := range []struct {
			url  string
			want error
			code codes.Code
		}{
			{fmt.Sprintf("http://127.0.0.1:%d/seed.html", port), lede.ErrPermissionDenied, codes.PermissionDenied},
			{fmt.Sprintf("http://localhost:%d/seed.html", port), lede.ErrPermissionDenied, codes.PermissionDenied},
			{url(fmt.Sprintf("/redirect-to?url=http://127.0.0.1:%d/", port)), lede.ErrPermissionDenied, codes.PermissionDenied},
			{url("/status/404"), lede.ErrNotFound, codes.NotFound},
			{url("/image.png"), lede.ErrInvalidDocument, codes.InvalidArgument},
			{url("/bomb/gzip"), lede.ErrTooLarge, codes.ResourceExhausted},
			{url("/status/502"), nil, codes.FailedPrecondition},
		} {
			_, err := once.ParseURL(ctx, test.url)
			var failed *lede.Error
			if !errors.As(err, &failed) || failed.Code != test.code {
				t.Errorf("%s: error %v, want code %v", test.url, err, test.code)
			}
			if test.want != nil && !errors.Is(err, test.want) {
				t.Errorf("%s: error %v is not %v", test.url, err, test.want)
			}
		}
		hurried, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
		defer cancel()
		if _, err := once.ParseURL(hurried, url("/slow")); !errors.Is(err, lede.ErrDeadlineExceeded) {
			t.Errorf("slow page: error %v, want ErrDeadlineExceeded", err)
		}
		if _, err := once.ParseURL(ctx, " "); err == nil {
			t.Error("an empty URL was sent")
		}
	})

	t.Run("stream", func(t *testing.T) {
		requests := []*ledev1.ParseRequest{
			lede.NewRequest(nil, lede.WithURL(url("/br/seed.html")), lede.WithID("fetched")),
			lede.NewRequest(nil, lede.WithURL(url("/status/410")), lede.WithID("gone")),
			lede.NewRequest(seed(t, seeds[2]), lede.WithID("sent")),
		}
		answers := map[string]*ledev1.ParseResponse{}
		if err := client.ParseStream(ctx, requests, func(r *ledev1.ParseResponse) { answers[r.GetId()] = r }); err != nil {
			t.Fatal(err)
		}
		if len(answers) != 3 {
			t.Fatalf("%d answers, want 3", len(answers))
		}
		if answers["fetched"].GetArticle().GetTitle() != answers["sent"].GetArticle().GetTitle() {
			t.Error("the fetched seed's title differs from the sent one's")
		}
		gone := answers["gone"].GetError()
		if !errors.Is(lede.StreamError(gone.GetCode(), gone.GetMessage()), lede.ErrNotFound) {
			t.Errorf("gone page: %v, want ErrNotFound", gone)
		}
	})
}

func TestTheDefaultServerRefusesTheFixtureServer(t *testing.T) {
	url, _ := fixtures(t)
	_, err := dial(t, serverAddress).ParseURL(context.Background(), url("/seed.html"))
	if !errors.Is(err, lede.ErrPermissionDenied) {
		t.Errorf("error %v, want ErrPermissionDenied", err)
	}
}
