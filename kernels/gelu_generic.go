//go:build noasm || !amd64

package kernels

func geluF16(x, bias []float32, t *[1 << 16]float32) { geluF16Generic(x, bias, t) }
