package vectorstore

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestKernelsMatchGeneric compares the dispatched kernels with the pure-Go
// twins over random lengths and unaligned starting offsets, with guard values
// after the end that must not be read.
func TestKernelsMatchGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n <= 300; n++ {
		for off := 0; off < 3; off++ {
			a := make([]float32, off+n+8)
			b := make([]float32, off+n+8)
			for i := range a {
				a[i] = float32(rng.NormFloat64())
				b[i] = float32(rng.NormFloat64())
			}
			for i := off + n; i < len(a); i++ { // guards
				a[i], b[i] = float32(math.NaN()), float32(math.NaN())
			}
			x, y := a[off:off+n], b[off:off+n]
			checkClose(t, "dot", n, dot(x, y), dotGeneric(x, y))
			checkClose(t, "sqL2", n, sqL2(x, y), sqL2Generic(x, y))
			codes := make([]int8, off+n+8)
			for i := range codes {
				codes[i] = int8(rng.IntN(255) - 127)
			}
			c := codes[off : off+n]
			checkClose(t, "dotF32I8", n, dotF32I8(x, c), dotF32I8Generic(x, c))
			q16 := make([]int16, off+n+8)
			for i := range q16 {
				q16[i] = int16(rng.IntN(65535) - 32767)
			}
			if got, want := dotI16I8(q16[off:off+n], c), dotI16I8Generic(q16[off:off+n], c); got != want {
				t.Fatalf("dotI16I8 n=%d: %d want %d", n, got, want)
			}
			var ref float64
			for i := range x {
				ref += float64(x[i]) * float64(y[i])
			}
			checkClose(t, "dot-ref", n, dot(x, y), float32(ref))
		}
	}
}

func checkClose(t *testing.T, name string, n int, got, want float32) {
	t.Helper()
	tol := 1e-4 * (1 + float32(math.Sqrt(float64(n))))
	if math.IsNaN(float64(got)) || math.Abs(float64(got-want)) > float64(tol)*(1+float32abs(want)) {
		t.Fatalf("%s n=%d: got %v want %v", name, n, got, want)
	}
}

func float32abs(x float32) float64 { return math.Abs(float64(x)) }

func BenchmarkDot(b *testing.B) {
	for _, n := range []int{384, 768} {
		x := make([]float32, n)
		y := make([]float32, n)
		for i := range x {
			x[i], y[i] = float32(i%7), float32(i%5)
		}
		b.Run("asm/"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(8 * n))
			for b.Loop() {
				_ = dot(x, y)
			}
		})
		codes := make([]int8, n)
		q16 := make([]int16, n)
		b.Run("f32i8/"+itoa(n), func(b *testing.B) {
			for b.Loop() {
				_ = dotF32I8(x, codes)
			}
		})
		b.Run("i16i8/"+itoa(n), func(b *testing.B) {
			for b.Loop() {
				_ = dotI16I8(q16, codes)
			}
		})
		b.Run("generic/"+itoa(n), func(b *testing.B) {
			b.SetBytes(int64(8 * n))
			for b.Loop() {
				_ = dotGeneric(x, y)
			}
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}
