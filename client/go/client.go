// Package lede is the Go client for lede, the news-article extraction
// service.
//
//	client, err := lede.Dial(ctx, "localhost:50051")
//	article, err := client.Parse(ctx, html, lede.WithURL(url))
//	fmt.Println(article.GetTitle(), article.GetText())
package lede

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/lede-project/lede/client/go/ledev1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/resolver"
	"google.golang.org/grpc/resolver/manual"
)

// Client is a connection to lede. Safe for concurrent use.
type Client struct {
	conn    *grpc.ClientConn
	stub    ledev1.ArticleServiceClient
	health  healthpb.HealthClient
	timeout time.Duration
}

// Dial connects to target: "host:port", "dns:///name:port", or several
// comma-separated "host:port" addresses, balanced round-robin.
func Dial(ctx context.Context, target string, opts ...DialOption) (*Client, error) {
	settings := dialSettings{timeout: 30 * time.Second, retries: 3}
	for _, opt := range opts {
		opt(&settings)
	}
	grpcOpts := []grpc.DialOption{
		grpc.WithDefaultServiceConfig(serviceConfig(settings.retries)),
		grpc.WithDefaultCallOptions(
			grpc.MaxCallRecvMsgSize(maxMessageBytes),
			grpc.MaxCallSendMsgSize(maxMessageBytes),
			grpc.MaxRetryRPCBufferSize(retryBufferBytes)),
	}
	if settings.tls != nil {
		grpcOpts = append(grpcOpts, grpc.WithTransportCredentials(settings.tls))
	} else {
		grpcOpts = append(grpcOpts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	}
	if addresses := strings.Split(target, ","); len(addresses) > 1 {
		// Several addresses: a manual resolver hands them all to round_robin.
		builder := manual.NewBuilderWithScheme("lede")
		state := resolver.State{}
		for _, address := range addresses {
			state.Addresses = append(state.Addresses, resolver.Address{Addr: strings.TrimSpace(address)})
		}
		builder.InitialState(state)
		grpcOpts = append(grpcOpts, grpc.WithResolvers(builder))
		target = "lede:///" + addresses[0]
	}
	conn, err := grpc.NewClient(target, grpcOpts...)
	if err != nil {
		return nil, fmt.Errorf("lede: dial %s: %w", target, err)
	}
	return &Client{
		conn:    conn,
		stub:    ledev1.NewArticleServiceClient(conn),
		health:  healthpb.NewHealthClient(conn),
		timeout: settings.timeout,
	}, nil
}

const maxMessageBytes = 256 << 20

// gRPC retries a call only while its request fits in the call's retry buffer
// (256 KiB by default, less than many pages). This holds a document up to the
// server's default --max_input_bytes (16 MiB) with room for the rest of the
// request; a larger one is sent once, since the default server refuses it.
const retryBufferBytes = (16 + 1) << 20

// serviceConfig balances round-robin and retries UNAVAILABLE and
// RESOURCE_EXHAUSTED: a server whose work queue is full (--max_queue) refuses
// with RESOURCE_EXHAUSTED, and another replica, or the same one a moment
// later, may take the call. A document over the server's limits fails the
// same way everywhere: those refusals carry a grpc-retry-pushback-ms of -1,
// which tells gRPC not to retry.
func serviceConfig(retries int) string {
	config := `{"loadBalancingConfig": [{"round_robin": {}}]`
	if retries > 0 {
		attempts := retries + 1
		if attempts > 5 {
			attempts = 5
		}
		config += fmt.Sprintf(`, "methodConfig": [{
		  "name": [{"service": "lede.v1.ArticleService"}, {"service": "grpc.health.v1.Health"}],
		  "retryPolicy": {"maxAttempts": %d, "initialBackoff": "0.1s", "maxBackoff": "2s",
		                  "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE", "RESOURCE_EXHAUSTED"]}}]`, attempts)
	}
	return config + "}"
}

// withTimeout applies the client's timeout unless ctx already has a deadline.
func (c *Client) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, c.timeout)
}

// Parse parses one document into an Article.
func (c *Client) Parse(ctx context.Context, content []byte, opts ...ParseOption) (*ledev1.Article, error) {
	response, err := c.ParseResponse(ctx, content, opts...)
	if err != nil {
		return nil, err
	}
	return response.GetArticle(), nil
}

// ParseResponse is Parse returning the whole response (charset, framing, id).
func (c *Client) ParseResponse(ctx context.Context, content []byte, opts ...ParseOption) (*ledev1.ParseResponse, error) {
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	response, err := c.stub.Parse(ctx, NewRequest(content, opts...))
	return response, wrap(err)
}

// ParseURL has the server fetch url (http or https) and parse the page into
// an Article. The final URL after redirects becomes the article's URL and the
// base for its links; the page's Content-Type charset decodes it unless
// WithContentType says otherwise. The server's rules apply: an address they
// refuse (loopback, private, link-local...), a port other than 80 and 443, or
// another scheme is ErrPermissionDenied; HTTP 404 or 410 is ErrNotFound; a
// page over the server's limit ErrTooLarge; a PDF or an image
// ErrInvalidDocument; a failed connection ErrUnavailable; other statuses an
// *Error with code FailedPrecondition. The deadline covers fetch and parse.
func (c *Client) ParseURL(ctx context.Context, url string, opts ...ParseOption) (*ledev1.Article, error) {
	response, err := c.ParseURLResponse(ctx, url, opts...)
	if err != nil {
		return nil, err
	}
	return response.GetArticle(), nil
}

// ParseURLResponse is ParseURL returning the whole response; its Fetch says
// what came: final URL, HTTP status, content type, bytes, milliseconds and
// redirects.
func (c *Client) ParseURLResponse(ctx context.Context, url string, opts ...ParseOption) (*ledev1.ParseResponse, error) {
	if strings.TrimSpace(url) == "" {
		return nil, errors.New("lede: ParseURL needs an http:// or https:// URL")
	}
	return c.ParseResponse(ctx, nil, append(opts, WithURL(url))...)
}

// ParseStream sends every request over one stream and calls handle with
// each answer as it comes (matched by id). A document that fails arrives
// with Error set; see StreamError. The stream's deadline is ctx's. A
// request with a URL and no content, NewRequest(nil, WithURL(url)), is
// fetched by the server.
func (c *Client) ParseStream(ctx context.Context, requests []*ledev1.ParseRequest, handle func(*ledev1.ParseResponse)) error {
	stream, err := c.stub.ParseStream(ctx)
	if err != nil {
		return wrap(err)
	}
	sendErr := make(chan error, 1)
	go func() {
		for _, request := range requests {
			if err := stream.Send(request); err != nil {
				sendErr <- err
				return
			}
		}
		sendErr <- stream.CloseSend()
	}()
	for {
		response, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			return wrap(err)
		}
		handle(response)
	}
	if err := <-sendErr; err != nil && err != io.EOF {
		return wrap(err)
	}
	return nil
}

// DetectLanguage identifies the language of text.
func (c *Client) DetectLanguage(ctx context.Context, text string) (*ledev1.DetectLanguageResponse, error) {
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	response, err := c.stub.DetectLanguage(ctx, &ledev1.DetectLanguageRequest{Text: text})
	return response, wrap(err)
}

// Health reports whether the server says SERVING.
func (c *Client) Health(ctx context.Context) (bool, error) {
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	response, err := c.health.Check(ctx, &healthpb.HealthCheckRequest{})
	if err != nil {
		return false, wrap(err)
	}
	return response.GetStatus() == healthpb.HealthCheckResponse_SERVING, nil
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// Credentials for WithTLS.
type Credentials = credentials.TransportCredentials
