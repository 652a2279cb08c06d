package model

import "errors"

// ErrUnsupported marks a model this package cannot run: an unknown
// architecture, weight type or rope scaling. Test with errors.Is.
var ErrUnsupported = errors.New("model: unsupported")

// ErrInvalid marks a model file that is inconsistent: a missing tensor, a
// tensor of the wrong shape or a missing or out-of-range hyperparameter.
var ErrInvalid = errors.New("model: invalid model")

// ErrBatch marks a batch the forward pass cannot run: a token id or
// position out of range, or a slot that does not exist.
var ErrBatch = errors.New("model: invalid batch")
