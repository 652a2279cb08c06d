//go:build !unix

package vectorstore

import "time"

// processCPU is unavailable here; CPU-based metrics read 0.
func processCPU() time.Duration { return 0 }
