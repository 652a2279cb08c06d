//go:build !linux

package maskbench

// threadClock falls back to the wall clock where no thread CPU clock is wired.
func threadClock() int64 { return wallClock() }
