//go:build !unix

package vectorstore

import "time"

// processCPU is unavailable here; CPU-based metrics read 0.
func processCPU() time.Duration { return 0 }

// peakRSS is unavailable here; it reads 0.
func peakRSS() int64 { return 0 }

// writtenBytes is unavailable here; it reads -1.
func writtenBytes() int64 { return -1 }
