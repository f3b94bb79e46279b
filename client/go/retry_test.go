package lede_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"

	lede "github.com/lede-project/lede/client/go"
	"github.com/lede-project/lede/client/go/ledev1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// scriptedService answers Parse with the error its script gives for the
// call's number (1, 2, ...), or an article when the script gives nil; every
// error carries the pushback trailer, when one is set.
type scriptedService struct {
	ledev1.UnimplementedArticleServiceServer
	script   func(call int) error
	pushback string
	mu       sync.Mutex
	calls    int
}

func (s *scriptedService) Parse(ctx context.Context, request *ledev1.ParseRequest) (*ledev1.ParseResponse, error) {
	s.mu.Lock()
	s.calls++
	call := s.calls
	s.mu.Unlock()
	if err := s.script(call); err != nil {
		if s.pushback != "" {
			// What lede-server sends with a refusal by its limits ("-1").
			grpc.SetTrailer(ctx, metadata.Pairs("grpc-retry-pushback-ms", s.pushback))
		}
		return nil, err
	}
	return &ledev1.ParseResponse{Id: request.GetId(), Article: &ledev1.Article{SiteName: "fake"}}, nil
}

func (s *scriptedService) callCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// startFake serves service on a free loopback port until the test ends.
func startFake(t *testing.T, service *scriptedService) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server := grpc.NewServer(grpc.MaxRecvMsgSize(32 << 20))
	ledev1.RegisterArticleServiceServer(server, service)
	go server.Serve(listener)
	t.Cleanup(server.Stop)
	return listener.Addr().String()
}

func busyFirst(times int) func(int) error {
	return func(call int) error {
		if call <= times {
			return status.Error(codes.ResourceExhausted, fmt.Sprintf("scripted full queue on call %d", call))
		}
		return nil
	}
}

func TestAFullQueueIsRetriedUntilAnAnswer(t *testing.T) {
	service := &scriptedService{script: busyFirst(2)}
	client := dial(t, startFake(t, service), lede.WithRetries(3))
	// A page over gRPC's 256 KiB default retry buffer: retried all the same.
	page := []byte("<p>" + strings.Repeat("x", 1<<20) + "</p>")
	article, err := client.Parse(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	if article.GetSiteName() != "fake" || service.callCount() != 3 {
		t.Errorf("site %q after %d calls, want fake after 3", article.GetSiteName(), service.callCount())
	}
}

func TestAFullQueueIsRetriedAtMostRetriesTimes(t *testing.T) {
	service := &scriptedService{script: busyFirst(100)}
	client := dial(t, startFake(t, service), lede.WithRetries(2))
	_, err := client.Parse(context.Background(), []byte("<p>hello</p>"))
	if !errors.Is(err, lede.ErrTooLarge) || !strings.Contains(err.Error(), "on call 3") {
		t.Errorf("err = %v, want the third call's RESOURCE_EXHAUSTED", err)
	}
	if service.callCount() != 3 {
		t.Errorf("%d calls, want 3", service.callCount())
	}
}

func TestARefusalByTheLimitsIsNotRetried(t *testing.T) {
	// lede-server marks a document over its limits with a pushback of -1:
	// every replica would refuse it.
	service := &scriptedService{script: busyFirst(100), pushback: "-1"}
	client := dial(t, startFake(t, service), lede.WithRetries(4))
	_, err := client.Parse(context.Background(), []byte("<p>hello</p>"))
	if !errors.Is(err, lede.ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if service.callCount() != 1 {
		t.Errorf("%d calls, want 1", service.callCount())
	}
}

func TestOtherFailuresAreNotRetried(t *testing.T) {
	for _, code := range []codes.Code{codes.InvalidArgument, codes.PermissionDenied, codes.Internal} {
		service := &scriptedService{script: func(int) error { return status.Error(code, "scripted") }}
		client := dial(t, startFake(t, service), lede.WithRetries(4))
		if _, err := client.Parse(context.Background(), []byte("<p>hello</p>")); status.Code(err) != code {
			t.Errorf("err = %v, want %v", err, code)
		}
		if service.callCount() != 1 {
			t.Errorf("%v: %d calls, want 1", code, service.callCount())
		}
	}
}
