package cputime

import (
	"runtime"
	"testing"
)

// TestProcessCounts: busy work shows in the process's CPU time.
func TestProcessCounts(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("not read on " + runtime.GOOS)
	}
	start := Process()
	if start <= 0 {
		t.Fatalf("Process() = %v at the start of a test", start)
	}
	x := uint64(1)
	for Process()-start < 20_000_000 { // 20 ms of CPU
		for i := 0; i < 1_000_000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	if x == 0 {
		t.Log(x)
	}
}
