package kernels

import "errors"

// ErrUnsupported is returned (wrapped, with the type's name) for tensor types
// this package cannot compute with; test with errors.Is.
var ErrUnsupported = errors.New("kernels: unsupported tensor type")
