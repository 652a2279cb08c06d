//go:build !amd64 || noasm

package vectorstore

// useAVX2 is always false without the amd64 assembly kernels.
var useAVX2 = false

func dot(a, b []float32) float32  { return dotGeneric(a, b) }
func sqL2(a, b []float32) float32 { return sqL2Generic(a, b) }

func dotF32I8(q []float32, c []int8) float32 { return dotF32I8Generic(q, c) }

// prefetch is a no-op without assembly.
func prefetch(b []int8) {}

// prefetchF32 is a no-op without assembly.
func prefetchF32(b []float32) {}

func dotI16I8(q []int16, c []int8) int32 { return dotI16I8Generic(q, c) }
