//go:build noasm || !amd64

package kernels

func softmaxVec(x []float32) { softmaxVecGeneric(x) }

func swiGLU(dst, gate, up []float32) { swiGLUGeneric(dst, gate, up) }
