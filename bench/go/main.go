// go-trafilatura as a long-lived batch worker for the accuracy benchmark.
// Reads one JSON request a line on stdin ({"id","path","url"}; path may be .gz),
// writes one JSON answer a line on stdout, in order. The Python driver owns
// timeouts: it kills and restarts this process if a page takes too long.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	nurl "net/url"
	"os"
	"runtime/debug"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

type request struct {
	ID   string `json:"id"`
	Path string `json:"path"`
	URL  string `json:"url"`
}

type answer struct {
	ID     string  `json:"id"`
	Text   string  `json:"text"`
	Title  string  `json:"title,omitempty"`
	Author string  `json:"author,omitempty"`
	Date   string  `json:"date,omitempty"`
	Site   string  `json:"site,omitempty"`
	Error  string  `json:"error,omitempty"`
	Ms     float64 `json:"ms"`
}

func readPage(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return raw, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func extract(req request) answer {
	out := answer{ID: req.ID}
	page, err := readPage(req.Path)
	if err != nil {
		out.Error = err.Error()
		return out
	}
	// The library's documented default for best accuracy: fallback extractors on.
	opts := trafilatura.Options{EnableFallback: true}
	if req.URL != "" {
		if u, err := nurl.ParseRequestURI(req.URL); err == nil {
			opts.OriginalURL = u
		}
	}
	start := time.Now()
	res, err := trafilatura.Extract(bytes.NewReader(page), opts)
	out.Ms = float64(time.Since(start).Microseconds()) / 1000
	if err != nil {
		out.Error = err.Error()
		return out
	}
	out.Text = res.ContentText
	out.Title = res.Metadata.Title
	out.Author = res.Metadata.Author
	out.Site = res.Metadata.Sitename
	if !res.Metadata.Date.IsZero() {
		out.Date = res.Metadata.Date.Format("2006-01-02")
	}
	return out
}

// libVersion is go-trafilatura's module version, for the results cache key.
func libVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/markusmobius/go-trafilatura" {
				return dep.Version
			}
		}
	}
	return "unknown"
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	_ = enc.Encode(map[string]string{"version": libVersion(),
		"config": "trafilatura.Extract(bytes, Options{EnableFallback: true, OriginalURL: url}); ContentText, Metadata.Title/Author/Date/Sitename"})
	_ = w.Flush()
	for in.Scan() {
		var req request
		var out answer
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			out = answer{Error: "bad request: " + err.Error()}
		} else {
			out = extract(req)
		}
		_ = enc.Encode(out)
		_ = w.Flush()
	}
}
