//go:build noasm || !amd64

package kernels

func softmaxVec(x []float32) { softmaxVecGeneric(x) }
