package lede

import (
	"errors"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Sentinel errors, one per status code a caller acts on. Test with
// errors.Is(err, lede.ErrTooLarge); the server's message stays in
// err.Error().
var (
	// ErrInvalidDocument: the content cannot be a document (empty, binary).
	ErrInvalidDocument = errors.New("lede: invalid document")
	// ErrTooLarge: the document is over the server's limits, or the server
	// was too busy to take it (its --max_queue full) through every retry;
	// the message says which.
	ErrTooLarge = errors.New("lede: document too large")
	// ErrUnavailable: no server answered, even after the retries.
	ErrUnavailable = errors.New("lede: unavailable")
	// ErrDeadlineExceeded: the deadline passed before the answer.
	ErrDeadlineExceeded = errors.New("lede: deadline exceeded")
	// ErrPermissionDenied: the server would not fetch the URL (an address,
	// port or scheme its rules refuse, or fetching turned off).
	ErrPermissionDenied = errors.New("lede: permission denied")
	// ErrNotFound: the page the server fetched answered HTTP 404 or 410.
	ErrNotFound = errors.New("lede: not found")
)

var sentinelByCode = map[codes.Code]error{
	codes.InvalidArgument:   ErrInvalidDocument,
	codes.ResourceExhausted: ErrTooLarge,
	codes.Unavailable:       ErrUnavailable,
	codes.DeadlineExceeded:  ErrDeadlineExceeded,
	codes.PermissionDenied:  ErrPermissionDenied,
	codes.NotFound:          ErrNotFound,
}

// Error is a failed call: its status code and the server's message.
type Error struct {
	Code    codes.Code
	Message string
}

func (e *Error) Error() string { return "lede: " + e.Code.String() + ": " + e.Message }

// Is matches the sentinel of the error's code.
func (e *Error) Is(target error) bool { return sentinelByCode[e.Code] == target }

// GRPCStatus lets status.FromError read the code back.
func (e *Error) GRPCStatus() *status.Status { return status.New(e.Code, e.Message) }

// wrap turns a gRPC error into an *Error; nil stays nil.
func wrap(err error) error {
	if err == nil {
		return nil
	}
	s, _ := status.FromError(err)
	return &Error{Code: s.Code(), Message: s.Message()}
}

// StreamError is the error a ParseStream answer carries, or nil.
func StreamError(code int32, message string) error {
	if code == 0 {
		return nil
	}
	return &Error{Code: codes.Code(code), Message: message}
}
