//go:build !unix && !windows

package qdrantsnap

// freeSpace cannot tell on this platform; the other limits still apply.
func freeSpace(string) (int64, bool) { return 0, false }
