package lede_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	lede "github.com/lede-project/lede/client/go"
	"github.com/lede-project/lede/client/go/ledev1"
	"google.golang.org/protobuf/encoding/protojson"
)

var seeds = []string{"000_73177165b3486f68.txt", "001_273696c2cfa1a6c5.txt", "002_0c0f1ca0c1dec935.txt"}

func dial(t *testing.T, address string, opts ...lede.DialOption) *lede.Client {
	t.Helper()
	client, err := lede.Dial(context.Background(), address, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

func TestParseReturnsTheArticle(t *testing.T) {
	article, err := dial(t, serverAddress).Parse(context.Background(), seed(t, seeds[2]))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := article.GetTitle(), "英媒：比利时情报部门监控阿里巴巴在欧洲物流平台"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if !strings.Contains(article.GetText(), "比利时国家安全局（VSSE）") {
		t.Errorf("text misses the body: %q", article.GetText()[:100])
	}
}

func TestWithCommentsFillsCommentsAndLeavesTheBodyAlone(t *testing.T) {
	page := []byte("<html><body><article><h1>Budget passes</h1><p>The council voted on " +
		"Tuesday to approve the new budget, which raises spending on schools, roads and " +
		"parks by a tenth.</p><p>Opponents said the plan leaves the city exposed if tax " +
		"receipts fall.</p></article><section class=\"comments\"><div class=\"comment\">" +
		"<span class=\"author\">Ann</span> <time datetime=\"2024-05-02T10:00:00Z\">2 May</time>" +
		"<p>Well reported.</p></div></section></body></html>")
	client := dial(t, serverAddress)
	without, err := client.Parse(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	with, err := client.Parse(context.Background(), page, lede.WithComments())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(without.GetComments()); n != 0 {
		t.Errorf("without WithComments: %d comments, want 0", n)
	}
	comments := with.GetComments()
	if len(comments) != 1 {
		t.Fatalf("with WithComments: %d comments, want 1", len(comments))
	}
	if got := comments[0].GetAuthor(); got != "Ann" {
		t.Errorf("author = %q, want Ann", got)
	}
	if got := comments[0].GetText(); got != "Well reported." {
		t.Errorf("text = %q, want %q", got, "Well reported.")
	}
	if got := comments[0].GetPublishedTime().AsTime(); !got.Equal(time.Date(2024, 5, 2, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("published time = %v", got)
	}
	if with.GetText() != without.GetText() || strings.Contains(with.GetText(), "Well reported") {
		t.Errorf("the body changed or holds the comment: %q", with.GetText())
	}
}

func TestAForumThreadsPostsComeInOrderWithWritersAndDates(t *testing.T) {
	var posts strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&posts, "<article class=\"message message--post\"><div class=\"message-userDetails\">"+
			"<a class=\"username\">user%d</a></div><div class=\"message-content\"><time "+
			"datetime=\"2024-05-0%dT10:00:00Z\">May %d, 2024</time><div class=\"bbWrapper\"><p>Post "+
			"number %d: check the collimation first, a reflector that was shipped often arrives "+
			"with its mirrors out of line.</p></div><a>Reply</a></div></article>", i, i+1, i+1, i)
	}
	page := []byte("<html><head><title>Saturn is a blur | Example Forums</title><script " +
		"type=\"application/ld+json\">{\"@type\": \"DiscussionForumPosting\", \"headline\": " +
		"\"Saturn is a blur\"}</script></head><body><h1>Saturn is a blur</h1>" + posts.String() +
		"</body></html>")
	client := dial(t, serverAddress)
	article, err := client.Parse(context.Background(), page,
		lede.WithURL("https://forums.example.com/threads/saturn-is-a-blur.123456/"))
	if err != nil {
		t.Fatal(err)
	}
	if got := article.GetPageType(); got != ledev1.PageType_PAGE_TYPE_FORUM {
		t.Fatalf("page type = %v, want PAGE_TYPE_FORUM", got)
	}
	if n := len(article.GetPosts()); n != 5 {
		t.Fatalf("%d posts, want 5", n)
	}
	for i, post := range article.GetPosts() {
		if want := fmt.Sprintf("user%d", i); post.GetAuthor() != want {
			t.Errorf("post %d: author = %q, want %q", i, post.GetAuthor(), want)
		}
		if want := time.Date(2024, 5, i+1, 10, 0, 0, 0, time.UTC); !post.GetPublishedTime().AsTime().Equal(want) {
			t.Errorf("post %d: published time = %v, want %v", i, post.GetPublishedTime().AsTime(), want)
		}
		if prefix := fmt.Sprintf("Post number %d: ", i); !strings.HasPrefix(post.GetText(), prefix) {
			t.Errorf("post %d: text = %q, want it to start with %q", i, post.GetText(), prefix)
		}
	}
}

func TestAListingsItemsComeWithTitleLinkAndSnippet(t *testing.T) {
	var teasers strings.Builder
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&teasers, "<article class=\"teaser\"><h2><a href=\"/news/story-%d/\">Story number %d "+
			"about the harbour</a></h2><p>The harbour board met again on the question of the new quay, "+
			"number %d.</p></article>", i, i, i)
	}
	page := []byte("<html><head><title>News - Example Blog</title></head><body><nav><a href=\"/\">" +
		"Home</a></nav><h1>News</h1><main>" + teasers.String() + "<nav class=\"pager\"><a " +
		"href=\"?page=2\">2</a><a href=\"?page=3\">3</a></nav></main></body></html>")
	client := dial(t, serverAddress)
	article, err := client.Parse(context.Background(), page, lede.WithURL("https://blog.example.com/news/"))
	if err != nil {
		t.Fatal(err)
	}
	if got := article.GetPageType(); got != ledev1.PageType_PAGE_TYPE_LISTING {
		t.Fatalf("page type = %v, want PAGE_TYPE_LISTING", got)
	}
	if n := len(article.GetItems()); n != 8 {
		t.Fatalf("%d items, want 8", n)
	}
	for i, item := range article.GetItems() {
		if want := fmt.Sprintf("Story number %d about the harbour", i+1); item.GetTitle() != want {
			t.Errorf("item %d: title = %q, want %q", i, item.GetTitle(), want)
		}
		if want := fmt.Sprintf("https://blog.example.com/news/story-%d/", i+1); item.GetUrl() != want {
			t.Errorf("item %d: url = %q, want %q", i, item.GetUrl(), want)
		}
		if want := fmt.Sprintf("The harbour board met again on the question of the new quay, number %d.", i+1); item.GetSnippet() != want {
			t.Errorf("item %d: snippet = %q, want %q", i, item.GetSnippet(), want)
		}
	}
}

func TestJSONMatchesTheCLI(t *testing.T) {
	client := dial(t, serverAddress)
	for _, name := range seeds {
		path := filepath.Join(seedsDir, name)
		response, err := client.ParseResponse(context.Background(), seed(t, name), lede.WithID(path))
		if err != nil {
			t.Fatal(err)
		}
		ours, err := protojson.Marshal(response)
		if err != nil {
			t.Fatal(err)
		}
		cli, err := exec.Command(cliBin, "parse", "--format", "json", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		var a, b any
		json.Unmarshal(ours, &a)
		json.Unmarshal(cli, &b)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s: Go JSON differs from the CLI's", name)
		}
	}
}

func TestParseStreamAnswersAThousandDocuments(t *testing.T) {
	var requests []*ledev1.ParseRequest
	for i := 0; i < 1000; i++ {
		content := seed(t, seeds[i%3])
		if i == 5 {
			content = nil // fails alone; the stream goes on
		}
		requests = append(requests, lede.NewRequest(content, lede.WithID(fmt.Sprint(i))))
	}
	seen := map[string]bool{}
	err := dial(t, serverAddress).ParseStream(context.Background(), requests, func(r *ledev1.ParseResponse) {
		seen[r.GetId()] = true
		err := lede.StreamError(r.GetError().GetCode(), r.GetError().GetMessage())
		if r.GetId() == "5" {
			if !errors.Is(err, lede.ErrInvalidDocument) {
				t.Errorf("document 5: err = %v, want ErrInvalidDocument", err)
			}
		} else if err != nil || r.GetArticle().GetTitle() == "" {
			t.Errorf("document %s: err = %v, title %q", r.GetId(), err, r.GetArticle().GetTitle())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1000 {
		t.Errorf("%d distinct answers, want 1000", len(seen))
	}
}

func TestDetectLanguageAndHealth(t *testing.T) {
	client := dial(t, serverAddress)
	language, err := client.DetectLanguage(context.Background(), "Le conseil municipal a voté mardi le nouveau budget de la ville.")
	if err != nil || language.GetLanguage() != "fr" {
		t.Errorf("DetectLanguage = %v, %v; want fr", language, err)
	}
	if serving, err := client.Health(context.Background()); !serving || err != nil {
		t.Errorf("Health = %v, %v", serving, err)
	}
}

func TestEmptyContentIsInvalidDocument(t *testing.T) {
	_, err := dial(t, serverAddress).Parse(context.Background(), nil)
	if !errors.Is(err, lede.ErrInvalidDocument) || !strings.Contains(err.Error(), "empty") {
		t.Errorf("err = %v, want ErrInvalidDocument with the server's message", err)
	}
}

func TestOversizeContentIsTooLargeAndSentOnce(t *testing.T) {
	// The client retries RESOURCE_EXHAUSTED (a full queue), but the server's
	// pushback of -1 on a limit's refusal stops it: the server sees one call.
	httpAddress := fmt.Sprintf("127.0.0.1:%d", freePort())
	small, err := startServer("--max_input_bytes=1000", "--http_address="+httpAddress)
	if err != nil {
		t.Fatal(err)
	}
	defer small.stop()
	_, err = dial(t, small.address, lede.WithRetries(4)).Parse(context.Background(), make([]byte, 5000))
	if !errors.Is(err, lede.ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	answer, err := http.Get("http://" + httpAddress + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer answer.Body.Close()
	metrics, err := io.ReadAll(answer.Body)
	if err != nil {
		t.Fatal(err)
	}
	refused := `lede_calls_total{method="Parse",transport="grpc",code="RESOURCE_EXHAUSTED"} 1` + "\n"
	if !strings.Contains(string(metrics), refused) {
		t.Errorf("the server's /metrics have no %q: the refusal was retried", refused)
	}
}

func TestDeadlineIsDeadlineExceeded(t *testing.T) {
	page := "<article>" + strings.Repeat("<p>Paragraph with enough words, and a <a href=/x>link</a>.</p>", 20000)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	_, err := dial(t, serverAddress).Parse(ctx, []byte(page))
	if !errors.Is(err, lede.ErrDeadlineExceeded) {
		t.Errorf("err = %v, want ErrDeadlineExceeded", err)
	}
}

func TestNoServerIsUnavailable(t *testing.T) {
	client := dial(t, fmt.Sprintf("127.0.0.1:%d", freePort()), lede.WithTimeout(2*time.Second), lede.WithRetries(1))
	_, err := client.Parse(context.Background(), []byte("<p>hello</p>"))
	if !errors.Is(err, lede.ErrUnavailable) {
		t.Errorf("err = %v, want ErrUnavailable", err)
	}
}

func TestRoundRobinOverSeveralAddresses(t *testing.T) {
	second, err := startServer()
	if err != nil {
		t.Fatal(err)
	}
	defer second.stop()
	client := dial(t, serverAddress+","+second.address)
	for i := 0; i < 4; i++ {
		if _, err := client.Parse(context.Background(), seed(t, seeds[0])); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGeneratedCodeIsCurrent(t *testing.T) {
	out := t.TempDir()
	if output, err := exec.Command("./generate.sh", out).CombinedOutput(); err != nil {
		t.Fatalf("generate.sh: %v\n%s", err, output)
	}
	for _, name := range []string{"lede.pb.go", "lede_grpc.pb.go"} {
		fresh, _ := os.ReadFile(filepath.Join(out, "ledev1", name))
		committed, _ := os.ReadFile(filepath.Join("ledev1", name))
		if string(fresh) != string(committed) || len(fresh) == 0 {
			t.Errorf("ledev1/%s is stale: run ./generate.sh", name)
		}
	}
}

func TestParseExampleRuns(t *testing.T) {
	output, err := exec.Command("go", "run", "./examples/parse", serverAddress,
		filepath.Join(seedsDir, seeds[1])).Output()
	if err != nil {
		t.Fatal(err)
	}
	if first := strings.SplitN(string(output), "\n", 2)[0]; first != "刚刚，海康威视回应_美严厉制裁威胁_" {
		t.Errorf("first line = %q", first)
	}
}
