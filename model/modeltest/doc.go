// Package modeltest writes tiny random GGUF models for tests of the model
// and engine packages: any supported architecture and shape, with hooks to
// break the file on purpose.
//
// It is imported by tests only.
package modeltest
