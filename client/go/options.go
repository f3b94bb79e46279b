package lede

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/lede-project/lede/client/go/ledev1"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/types/known/timestamppb"
)

type dialSettings struct {
	timeout time.Duration
	retries int
	tls     Credentials
}

// DialOption configures Dial.
type DialOption func(*dialSettings)

// WithTimeout sets the deadline of calls whose context has none (default 30s).
func WithTimeout(timeout time.Duration) DialOption {
	return func(s *dialSettings) { s.timeout = timeout }
}

// WithRetries sets the extra attempts on UNAVAILABLE and on RESOURCE_EXHAUSTED
// from a server whose queue is full (default 3, at most 4). A document over
// the server's limits is not retried.
func WithRetries(retries int) DialOption {
	return func(s *dialSettings) { s.retries = retries }
}

// WithTLS uses TLS with the given credentials instead of plaintext.
func WithTLS(creds Credentials) DialOption {
	return func(s *dialSettings) { s.tls = creds }
}

// ParseOption configures one parse request.
type ParseOption func(*ledev1.ParseRequest)

// WithURL names where the document came from.
func WithURL(url string) ParseOption {
	return func(r *ledev1.ParseRequest) { r.Url = url }
}

// WithContentType passes the document's content type, e.g. "text/html; charset=gbk".
func WithContentType(contentType string) ParseOption {
	return func(r *ledev1.ParseRequest) { r.ContentType = contentType }
}

// WithID tags the request; the response echoes it.
func WithID(id string) ParseOption {
	return func(r *ledev1.ParseRequest) { r.Id = id }
}

// WithFormats chooses the renderings returned (default: all).
func WithFormats(formats ...ledev1.Format) ParseOption {
	return func(r *ledev1.ParseRequest) { r.Options.Formats = formats }
}

// WithBias leans extraction towards precision or recall.
func WithBias(bias ledev1.Bias) ParseOption {
	return func(r *ledev1.ParseRequest) { r.Options.Bias = bias }
}

// WithReferenceTime sets "now" for relative dates.
func WithReferenceTime(t time.Time) ParseOption {
	return func(r *ledev1.ParseRequest) { r.Options.ReferenceTime = timestamppb.New(t) }
}

// WithComments asks for the readers' comments in Article.Comments (each a
// Post with its author, published time and text). They are never part of
// the body either way.
func WithComments() ParseOption {
	return func(r *ledev1.ParseRequest) { r.Options.IncludeComments = true }
}

// NewRequest builds a ParseRequest, for Parse and ParseStream alike.
func NewRequest(content []byte, opts ...ParseOption) *ledev1.ParseRequest {
	request := &ledev1.ParseRequest{Content: content, Options: &ledev1.ParseOptions{}}
	for _, opt := range opts {
		opt(request)
	}
	return request
}

// TLSFromFiles reads credentials for WithTLS from PEM files: ca, the CAs the
// server's certificate must chain to ("" for the system's); cert and key,
// the client's own certificate, for a server that requires one
// (lede-server --tls_client_ca); both or neither.
func TLSFromFiles(ca, cert, key string) (Credentials, error) {
	config := &tls.Config{MinVersion: tls.VersionTLS12}
	if ca != "" {
		pem, err := os.ReadFile(ca)
		if err != nil {
			return nil, err
		}
		config.RootCAs = x509.NewCertPool()
		if !config.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s holds no PEM certificate", ca)
		}
	}
	if (cert == "") != (key == "") {
		return nil, errors.New("a client certificate needs both cert and key")
	}
	if cert != "" {
		pair, err := tls.LoadX509KeyPair(cert, key)
		if err != nil {
			return nil, err
		}
		config.Certificates = []tls.Certificate{pair}
	}
	return credentials.NewTLS(config), nil
}
