package kernels

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// TestMXFP4Decode decodes hand-made blocks: scale byte 127 is 2^-1 (each
// code is twice its E2M1 value), 130 is 2^2, and 0 and 1 are denormal.
func TestMXFP4Decode(t *testing.T) {
	e2m1 := []float32{0, 0.5, 1, 1.5, 2, 3, 4, 6, 0, -0.5, -1, -1.5, -2, -3, -4, -6}
	for _, e := range []uint8{127, 130, 0, 1, 200} {
		b := make([]byte, 17)
		b[0] = e
		for j := range 16 {
			b[1+j] = byte(j) | byte(15-j)<<4
		}
		y := make([]float32, 32)
		if err := Dequantize(gguf.TypeMXFP4, b, y); err != nil {
			t.Fatal(err)
		}
		scale := math.Ldexp(1, int(e)-127) // 2^(e-127): the E8M0 value
		for j := range 16 {
			if want := float64(e2m1[j]) * scale; float64(y[j]) != want {
				t.Fatalf("e=%d value %d: %v, want %v", e, j, y[j], want)
			}
			if want := float64(e2m1[15-j]) * scale; float64(y[j+16]) != want {
				t.Fatalf("e=%d value %d: %v, want %v", e, j+16, y[j+16], want)
			}
		}
	}
}

// TestMXFP4Quantize: values on the grid survive a round trip exactly; the
// scale follows the largest magnitude (floor(log2(amax)) - 2); others go
// to the nearest grid value.
func TestMXFP4Quantize(t *testing.T) {
	x := make([]float32, 32)
	grid := []float32{0, 0.5, 1, 1.5, 2, 3, 4, 6}
	for i := range x {
		x[i] = grid[i%8] * 8
		if i%3 == 0 {
			x[i] = -x[i]
		}
	}
	b := exactRoundTrip(t, gguf.TypeMXFP4, x)
	if b[0] != 130 { // amax 48: floor(log2 48) = 5, 5-2+127
		t.Fatalf("scale byte %d, want 130", b[0])
	}
	x[5] = 8 * 2.4 // between 2 and 3 (times 8): nearest is 3*8
	if err := Quantize(gguf.TypeMXFP4, x, b); err != nil {
		t.Fatal(err)
	}
	y := make([]float32, 32)
	if err := Dequantize(gguf.TypeMXFP4, b, y); err != nil {
		t.Fatal(err)
	}
	if y[5] != 16 { // 2.4*8 = 19.2: grid 16 or 24 (scale 4, codes 4 and 6); 16 is nearer
		t.Fatalf("19.2 quantizes to %v, want 16", y[5])
	}
}

// mxfp4Row returns a random MXFP4 row of n values with scale bytes in
// [lo, hi] and its activation row quantized to Q8_0.
func mxfp4Row(r *rand.Rand, n int, lo, hi int) ([]byte, *act) {
	nb := n / 32
	w := make([]byte, 17*nb)
	for i := range nb {
		w[17*i] = byte(lo + r.IntN(hi-lo+1))
		for j := 1; j < 17; j++ {
			w[17*i+j] = byte(r.IntN(256))
		}
	}
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(r.NormFloat64())
	}
	a := &act{qs: make([]int8, n), d: make([]float32, nb), ds: make([]float32, nb)}
	quantActQ8_0Generic(x, a.qs, a.d, a.ds)
	return w, a
}

// TestDotMXFP4Generic checks the pure-Go dot product against a float64
// sum of the dequantized weights and activations.
func TestDotMXFP4Generic(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for _, n := range []int{32, 64, 2880} {
		w, a := mxfp4Row(r, n, 110, 140)
		wf := make([]float32, n)
		if err := Dequantize(gguf.TypeMXFP4, w, wf); err != nil {
			t.Fatal(err)
		}
		var want, mag float64
		for i := range wf {
			x := float64(a.qs[i]) * float64(a.d[i/32])
			want += float64(wf[i]) * x
			mag += math.Abs(float64(wf[i]) * x)
		}
		got := float64(dotMXFP4Generic(w, a))
		if math.Abs(got-want) > 1e-5*mag {
			t.Fatalf("n=%d: %v, want %v", n, got, want)
		}
	}
}

// TestMatMulMXFP4 runs MatMul on MXFP4 weights (the default kernels of
// this machine, batches of one and several) against the dequantized
// weights times the Q8_0-rounded activations.
func TestMatMulMXFP4(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 1))
	const rows, cols = 7, 96
	wf := make([]float32, rows*cols)
	for i := range wf {
		wf[i] = float32(r.NormFloat64())
	}
	w := make([]byte, gguf.TypeMXFP4.RowSize(cols)*rows)
	if err := Quantize(gguf.TypeMXFP4, wf, w); err != nil {
		t.Fatal(err)
	}
	p := NewPool(2)
	defer p.Close()
	checkMatMulRef(t, p, r, gguf.TypeMXFP4, w, rows, cols, "random")
}

func FuzzDequantizeMXFP4(f *testing.F) {
	f.Add(make([]byte, 17))
	f.Add([]byte{255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Fuzz(func(t *testing.T, b []byte) {
		n := len(b) / 17 * 32
		y := make([]float32, n)
		if err := Dequantize(gguf.TypeMXFP4, b, y); err != nil {
			t.Fatal(err)
		}
	})
}
