package kernels_test

import (
	"fmt"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// A Q8_0 weight matrix multiplied with one activation row, the way a
// linear layer runs during decoding.
func ExampleMatMul() {
	const rows, cols = 2, 32
	wf := make([]float32, rows*cols)
	for c := 0; c < cols; c++ {
		wf[c] = 1         // row 0: all ones
		wf[cols+c] = -0.5 // row 1: all -0.5
	}
	w := make([]byte, rows*gguf.TypeQ8_0.RowSize(cols))
	if err := kernels.Quantize(gguf.TypeQ8_0, wf, w); err != nil {
		panic(err)
	}
	x := make([]float32, cols)
	for c := range x {
		x[c] = 2
	}
	p := kernels.NewPool(2)
	defer p.Close()
	out := make([]float32, rows)
	kernels.MatMul(p, gguf.TypeQ8_0, w, rows, cols, x, 1, out)
	// Weights and activations are quantized to 8 bits (scale 1/127 rounded
	// to f16), so the products are close to, not exactly, 64 and -32.
	fmt.Printf("%.2f %.2f\n", out[0], out[1])
	// Output: 63.99 -32.00
}

func ExampleDequantize() {
	// One Q4_0 block: scale 0.5 (f16 0x3800), then 16 bytes of nibbles.
	block := make([]byte, 18)
	block[0], block[1] = 0x00, 0x38
	for i := 2; i < 18; i++ {
		block[i] = 0x9f // low nibble 15 -> (15-8)*0.5, high nibble 9 -> (9-8)*0.5
	}
	y := make([]float32, 32)
	if err := kernels.Dequantize(gguf.TypeQ4_0, block, y); err != nil {
		panic(err)
	}
	fmt.Println(y[0], y[16])
	// Output: 3.5 0.5
}

func ExamplePool_Parallel() {
	p := kernels.NewPool(0) // GOMAXPROCS workers
	defer p.Close()
	sq := make([]int, 10)
	p.Parallel(len(sq), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			sq[i] = i * i
		}
	})
	fmt.Println(sq)
	// Output: [0 1 4 9 16 25 36 49 64 81]
}
