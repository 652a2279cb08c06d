package vectorstore

import "errors"

// Errors returned by the store. They are wrapped with context; test them with
// errors.Is.
var (
	// ErrNotFound is returned when a collection does not exist.
	ErrNotFound = errors.New("vectorstore: collection not found")
	// ErrExists is returned by CreateCollection for a name already in use.
	ErrExists = errors.New("vectorstore: collection already exists")
	// ErrInvalid marks a request the store rejects: bad name, wrong vector
	// dimension, NaN in a vector, an unknown distance, a malformed filter.
	ErrInvalid = errors.New("vectorstore: invalid argument")
	// ErrValidation marks, beside ErrInvalid, a request that is well
	// formed but fails validation (Qdrant answers those 422 rather than
	// 400), such as a condition with a key and nothing to test it with.
	ErrValidation = errors.New("vectorstore: request fails validation")
	// ErrInvalidID marks a point id that is neither a u64 nor a UUID.
	ErrInvalidID = errors.New("vectorstore: invalid point id")
	// ErrCorrupt marks bytes on disk or in a snapshot that fail a checksum or
	// do not follow the format.
	ErrCorrupt = errors.New("vectorstore: corrupt data")
	// ErrMismatch is returned when a snapshot's embedding model or dimension
	// differs from the collection it is imported into or the caller's
	// expectation.
	ErrMismatch = errors.New("vectorstore: snapshot mismatch")
	// ErrClosed is returned by every method after Close.
	ErrClosed = errors.New("vectorstore: store closed")
	// ErrBroken is returned by writes after a failed write to disk left the
	// in-memory state ahead of what is durable; reopen the store.
	ErrBroken = errors.New("vectorstore: store broken by an earlier I/O error")
)
