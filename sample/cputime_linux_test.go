package sample

import "syscall"

// processCPU returns the user+system CPU time this process has used, in
// nanoseconds, so benchmarks can report CPU per op on a shared machine where
// wall time mostly measures waiting.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
