package kernels

import (
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// f16 half constants used to build blocks by hand.
const (
	h1    = 0x3c00 // 1.0
	hHalf = 0x3800 // 0.5
	h2    = 0x4000 // 2.0
	hQtr  = 0x3400 // 0.25
	hM1   = 0xbc00 // -1.0
)

func putH(b []byte, off int, h uint16) { binary.LittleEndian.PutUint16(b[off:], h) }

// handBlock is one block built by hand with some expected values worked out
// on paper; every element not listed must decode to zero.
type handBlock struct {
	name  string
	t     gguf.TensorType
	build func(b []byte)
	want  map[int]float32
	// zeroElse: elements not in want decode to this value.
	zeroElse float32
}

func handBlocks() []handBlock {
	return []handBlock{
		{"Q4_0", gguf.TypeQ4_0, func(b []byte) {
			putH(b, 0, hHalf)
			for j := 0; j < 16; j++ {
				b[2+j] = 0x88 // both nibbles 8 -> 0
			}
			b[2] = 0x9f  // x0 = (15-8)*.5, x16 = (9-8)*.5
			b[17] = 0x08 // x15 = 0, x31 = (0-8)*.5
		}, map[int]float32{0: 3.5, 16: 0.5, 31: -4}, 0},
		{"Q4_1", gguf.TypeQ4_1, func(b []byte) {
			putH(b, 0, hHalf)
			putH(b, 2, hM1)
			for j := 0; j < 16; j++ {
				b[4+j] = 0x22 // 2*.5-1 = 0
			}
			b[4] = 0x21  // x0 = 1*.5-1, x16 = 0
			b[19] = 0xf2 // x31 = 15*.5-1
		}, map[int]float32{0: -0.5, 31: 6.5}, 0},
		{"Q5_0", gguf.TypeQ5_0, func(b []byte) {
			putH(b, 0, h1)
			// every value 16 (qh bit set, nibble 0) -> 0, except:
			binary.LittleEndian.PutUint32(b[2:], 0xffffffff&^(1<<21))
			b[6] = 0x3f // x0 = (15|16)-16, x16 = (3|16)-16
			// x21: qh bit 21 clear, nibble 0 -> -16
		}, map[int]float32{0: 15, 16: 3, 21: -16}, 0},
		{"Q5_1", gguf.TypeQ5_1, func(b []byte) {
			putH(b, 0, h2)
			putH(b, 2, h1)
			binary.LittleEndian.PutUint32(b[4:], 1<<31)
			b[8+15] = 0x30 // x15 = 0*2+1, x31 = (3|16)*2+1
		}, map[int]float32{31: 39}, 1},
		{"Q8_0", gguf.TypeQ8_0, func(b []byte) {
			putH(b, 0, hQtr)
			b[2+3] = 0xfc  // -4 * .25
			b[2+31] = 0x7f // 127 * .25
		}, map[int]float32{3: -1, 31: 31.75}, 0},
		{"Q8_K", gguf.TypeQ8_K, func(b []byte) {
			binary.LittleEndian.PutUint32(b, math.Float32bits(0.5))
			b[4+255] = 0xfd // -3 * .5
			b[4] = 100
		}, map[int]float32{0: 50, 255: -1.5}, 0},
		{"Q2_K", gguf.TypeQ2_K, func(b []byte) {
			// scales[16] | qs[64] | d | dmin
			putH(b, 80, h1)
			putH(b, 82, hHalf)
			// element 128n+32s+16h+l uses qs[32n+16h+l] bits 2s and
			// scales[8n+2s+h] (low nibble scale, high nibble min).
			b[0] = 0x23     // s=0: scale 3, min 2
			b[2] = 0x11     // s=1: scale 1, min 1
			b[4] = 0x05     // s=2: scale 5, min 0
			b[6] = 0xf1     // s=3: scale 1, min 15
			b[16] = 0xe4    // q = 0,1,2,3 for s = 0..3
			b[15] = 0x70    // n=1,s=3,h=1: scale 0, min 7 -> -3.5 on 240..255
			b[16+63] = 0xff // element 255: q=3 but scale 0
		}, map[int]float32{
			0: 3*0 - 1, 32: 1*1 - 0.5, 64: 5*2 - 0, 96: 1*3 - 7.5,
			// other elements of sub-blocks with a min: q=0 -> -min
			240: -3.5, 255: -3.5,
		}, 0},
		{"Q3_K", gguf.TypeQ3_K, func(b []byte) {
			// hmask[32] | qs[64] | scales[12] | d
			putH(b, 108, h1)
			sc := b[96:108]
			// Scale j (6 bits, minus 32) = low 4 bits from sc[j] (j<8) or
			// sc[j-8]>>4, high 2 bits from sc[8+j%4] >> 2*(j/4).
			// All scales 32 (-> 0) except scale 0 = 33 (-> 1) and
			// scale 15 = 0 (-> -32).
			sc[0] = 0x01
			sc[8], sc[9], sc[10] = 0xaa, 0xaa, 0xaa
			sc[11] = 0x2a   // j=15 high bits 0
			b[32+0] = 0x03  // element 0: q=3, hmask bit clear -> 3-4
			b[32+1] = 0x02  // element 1: q=2, hmask set -> 2
			b[1] = 0x01     // hmask[1] bit 0
			b[32+48] = 0xc0 // element 240 (n=1, s=3, h=1): q=3
			b[16] = 0x80    // hmask[16] bit 7 set -> 3
			b[32+49] = 0x40 // element 241: q=1, hmask clear -> 1-4
		}, map[int]float32{0: -1, 1: 2, 240: -96, 241: 96,
			// rest of sub-block 15 (elements 242..255): q=0, hmask clear: -4*-32
			242: 128, 255: 128,
			// rest of sub-block 0 (elements 2..15): q=0, hmask clear: -4*1
			2: -4, 15: -4,
		}, 0},
		{"Q4_K", gguf.TypeQ4_K, func(b []byte) {
			// d | dmin | scales[12] | qs[128]
			putH(b, 0, h1)
			putH(b, 2, h1)
			s := b[4:16]
			s[0] = 0x42 // scale0 = 2; top bits give scale4 bit 4
			s[4] = 0x03 // min0 = 3
			s[8] = 0x51 // scale4 = 1|16 = 17, min4 = 5
			b[16] = 0x07
			b[16+64] = 0x0a // element 128 (sub-block 4)
		}, map[int]float32{0: 2*7 - 3, 128: 17*10 - 5,
			1: -3, 31: -3, 129: -5, 159: -5}, 0},
		{"Q5_K", gguf.TypeQ5_K, func(b []byte) {
			// d | dmin | scales[12] | qh[32] | qs[128]
			putH(b, 0, h1)
			putH(b, 2, h1)
			s := b[4:16]
			s[0], s[4], s[8] = 0x42, 0x03, 0x51
			b[16] = 0x01 | 0x10 // qh[0]: 5th bit of elements 0 and 128
			b[48] = 0x07
			b[48+64] = 0x0a
		}, map[int]float32{0: 2*(7+16) - 3, 128: 17*(10+16) - 5,
			1: -3, 31: -3, 129: -5, 159: -5}, 0},
		{"Q6_K", gguf.TypeQ6_K, func(b []byte) {
			// ql[128] | qh[64] | scales[16] | d
			putH(b, 208, hHalf)
			sc := b[192:208]
			sc[0] = 2
			sc[2] = 0xff // -1
			sc[4] = 1
			// element 0: ql[0]&15 | (qh[0]&3)<<4; 32: ql[32]&15 | (qh[0]>>2&3)<<4
			// element 64: ql[0]>>4 | (qh[0]>>4&3)<<4
			b[0] = 0x31
			b[32] = 0x05
			b[128] = 0x06 // qh[0]: bits 0-1 = 2, bits 2-3 = 1, bits 4-5 = 0
		}, map[int]float32{
			0:  0.5 * 2 * float32(1|2<<4-32),
			32: 0.5 * -1 * float32(5|1<<4-32),
			64: 0.5 * 1 * float32(3-32),
			// others in sub-blocks 0, 2, 4 are q = -32
			1: 0.5 * 2 * -32, 33: 0.5 * -1 * -32, 65: 0.5 * 1 * -32,
		}, 0},
	}
}

func TestDequantizeHandBlocks(t *testing.T) {
	for _, tc := range handBlocks() {
		t.Run(tc.name, func(t *testing.T) {
			b := make([]byte, tc.t.TypeSize())
			tc.build(b)
			y := make([]float32, tc.t.BlockSize())
			if err := Dequantize(tc.t, b, y); err != nil {
				t.Fatal(err)
			}
			for i, v := range tc.want {
				if y[i] != v {
					t.Errorf("y[%d] = %v, want %v", i, y[i], v)
				}
			}
			// Spot-check that unlisted elements have the default value,
			// where the block was built so that this holds.
			if tc.t == gguf.TypeQ4_0 || tc.t == gguf.TypeQ4_1 || tc.t == gguf.TypeQ5_0 ||
				tc.t == gguf.TypeQ5_1 || tc.t == gguf.TypeQ8_0 || tc.t == gguf.TypeQ8_K {
				for i, v := range y {
					if _, ok := tc.want[i]; !ok && v != tc.zeroElse {
						t.Errorf("y[%d] = %v, want %v", i, v, tc.zeroElse)
					}
				}
			}
		})
	}
}

func TestDequantizeFloat(t *testing.T) {
	vals := []float32{1, -2.5, 0.15625, 3e-5}
	for _, tt := range []gguf.TensorType{gguf.TypeF32, gguf.TypeF16, gguf.TypeBF16} {
		b := make([]byte, tt.RowSize(len(vals)))
		for i, v := range vals {
			switch tt {
			case gguf.TypeF32:
				binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
			case gguf.TypeF16:
				binary.LittleEndian.PutUint16(b[2*i:], F32ToF16(v))
			case gguf.TypeBF16:
				binary.LittleEndian.PutUint16(b[2*i:], uint16(math.Float32bits(v)>>16))
			}
		}
		y := make([]float32, len(vals))
		if err := Dequantize(tt, b, y); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			want := v
			switch tt {
			case gguf.TypeF16:
				want = F16ToF32(F32ToF16(v))
			case gguf.TypeBF16:
				want = math.Float32frombits(math.Float32bits(v) &^ 0xffff)
			}
			if y[i] != want {
				t.Errorf("%v y[%d] = %v, want %v", tt, i, y[i], want)
			}
		}
	}
}

func TestDequantizeErrors(t *testing.T) {
	y := make([]float32, 32)
	err := Dequantize(gguf.TypeIQ2_XXS, make([]byte, 1000), make([]float32, 256))
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "IQ2_XXS") {
		t.Errorf("unsupported type: err = %v", err)
	}
	if err := Dequantize(gguf.TypeQ4_0, make([]byte, 17), y); err == nil {
		t.Error("short source: no error")
	}
	if err := Dequantize(gguf.TypeQ4_0, make([]byte, 100), y[:31]); err == nil {
		t.Error("partial block: no error")
	}
	if err := Dequantize(gguf.TypeQ4_0, make([]byte, 18), y); err != nil {
		t.Errorf("exact size: %v", err)
	}
}

func TestQuantizeHand(t *testing.T) {
	t.Run("Q8_0", func(t *testing.T) {
		x := make([]float32, 32)
		x[0], x[1], x[2], x[3] = 127, -63.5, 0.5, -0.49
		b := make([]byte, 34)
		if err := Quantize(gguf.TypeQ8_0, x, b); err != nil {
			t.Fatal(err)
		}
		// d = 127/127 = 1; roundf rounds halves away from zero.
		want := []int8{127, -64, 1, 0}
		if d := binary.LittleEndian.Uint16(b); d != h1 {
			t.Errorf("d = %#04x, want %#04x", d, h1)
		}
		for i, w := range want {
			if int8(b[2+i]) != w {
				t.Errorf("qs[%d] = %d, want %d", i, int8(b[2+i]), w)
			}
		}
	})
	t.Run("Q8_K", func(t *testing.T) {
		x := make([]float32, 256)
		x[0], x[1], x[2], x[20] = 127, 2.5, 3.5, -1
		b := make([]byte, 292)
		if err := Quantize(gguf.TypeQ8_K, x, b); err != nil {
			t.Fatal(err)
		}
		// iscale = -127/127 = -1; nearest_int rounds halves to even.
		if d := math.Float32frombits(binary.LittleEndian.Uint32(b)); d != -1 {
			t.Errorf("d = %v, want -1", d)
		}
		for i, w := range map[int]int8{0: -127, 1: -2, 2: -4, 20: 1, 3: 0} {
			if int8(b[4+i]) != w {
				t.Errorf("qs[%d] = %d, want %d", i, int8(b[4+i]), w)
			}
		}
		bs0 := int16(binary.LittleEndian.Uint16(b[260:]))
		bs1 := int16(binary.LittleEndian.Uint16(b[262:]))
		if bs0 != -127-2-4 || bs1 != 1 {
			t.Errorf("bsums = %d, %d, want %d, 1", bs0, bs1, -127-2-4)
		}
	})
	t.Run("Q4_0", func(t *testing.T) {
		x := make([]float32, 32)
		x[0], x[16], x[17] = -8, 7.4, -3.6
		b := make([]byte, 18)
		if err := Quantize(gguf.TypeQ4_0, x, b); err != nil {
			t.Fatal(err)
		}
		// max = -8 -> d = 1, q = min(15, trunc(x + 8.5))
		if d := binary.LittleEndian.Uint16(b); d != h1 {
			t.Errorf("d = %#04x", d)
		}
		if b[2] != 0|15<<4 || b[3] != 8|4<<4 || b[4] != 8|8<<4 {
			t.Errorf("qs = % x", b[2:5])
		}
	})
	t.Run("Q5_1", func(t *testing.T) {
		x := make([]float32, 32)
		for i := range x {
			x[i] = float32(i) // min 0, d = 1
		}
		exactRoundTrip(t, gguf.TypeQ5_1, x)
	})
	t.Run("zeros", func(t *testing.T) {
		for _, tt := range []gguf.TensorType{gguf.TypeQ4_0, gguf.TypeQ4_1, gguf.TypeQ5_0, gguf.TypeQ5_1, gguf.TypeQ8_0, gguf.TypeQ8_1, gguf.TypeQ8_K} {
			x := make([]float32, tt.BlockSize())
			b := make([]byte, tt.TypeSize())
			if err := Quantize(tt, x, b); err != nil {
				t.Fatal(err)
			}
			y := make([]float32, len(x))
			if tt != gguf.TypeQ8_1 {
				if err := Dequantize(tt, b, y); err != nil {
					t.Fatal(err)
				}
			}
			for i, v := range y {
				if v != 0 {
					t.Fatalf("%v: y[%d] = %v", tt, i, v)
				}
			}
		}
	})
}

// TestQuantizeRoundTrip quantizes random data and checks every value comes
// back within the type's step size.
func TestQuantizeRoundTrip(t *testing.T) {
	tests := []struct {
		t gguf.TensorType
		// maximum error as a fraction of the block's value range
		tol float64
	}{
		{gguf.TypeQ8_0, 0.5/127 + 1e-3},
		{gguf.TypeQ8_K, 0.5/127 + 1e-5},
		{gguf.TypeQ5_0, 1.0/16 + 1e-3},
		{gguf.TypeQ5_1, 0.5/31 + 2e-3},
		{gguf.TypeQ4_0, 1.0/8 + 1e-3},
		{gguf.TypeQ4_1, 0.5/15 + 2e-3},
		// K-quants: scales are themselves quantized (6 or 8 bits) and the
		// search trades the maximum error for a smaller average one.
		{gguf.TypeQ6_K, 0.03},
		{gguf.TypeQ5_K, 0.07},
		{gguf.TypeQ4_K, 0.14},
		{gguf.TypeQ3_K, 0.35},
		{gguf.TypeQ2_K, 0.7},
		{gguf.TypeF16, 1e-3},
		{gguf.TypeBF16, 4e-3},
		{gguf.TypeF32, 0},
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range tests {
		t.Run(tc.t.String(), func(t *testing.T) {
			n := 4 * 256
			x := make([]float32, n)
			for i := range x {
				x[i] = float32(r.NormFloat64()) * float32(1+i/256)
			}
			b := make([]byte, tc.t.RowSize(n))
			if err := Quantize(tc.t, x, b); err != nil {
				t.Fatal(err)
			}
			y := make([]float32, n)
			if err := Dequantize(tc.t, b, y); err != nil {
				t.Fatal(err)
			}
			bs := max(tc.t.BlockSize(), 32)
			for blk := 0; blk < n/bs; blk++ {
				xs := x[blk*bs : (blk+1)*bs]
				lo, hi := minMax(xs)
				rng := float64(max(hi, -lo))
				if tc.t == gguf.TypeQ4_1 || tc.t == gguf.TypeQ5_1 || tc.t == gguf.TypeQ2_K || tc.t == gguf.TypeQ4_K || tc.t == gguf.TypeQ5_K {
					rng = float64(hi - lo)
				}
				for i, v := range xs {
					if e := math.Abs(float64(y[blk*bs+i] - v)); e > tc.tol*rng {
						t.Fatalf("x[%d] = %v came back as %v (err %g > %g)", blk*bs+i, v, y[blk*bs+i], e, tc.tol*rng)
					}
				}
			}
		})
	}
}

func FuzzDequantize(f *testing.F) {
	f.Add(uint8(gguf.TypeQ4_K), make([]byte, 144))
	f.Add(uint8(gguf.TypeQ6_K), make([]byte, 210))
	f.Add(uint8(gguf.TypeQ4_0), []byte{0, 0x3c, 1, 2, 3})
	f.Fuzz(func(t *testing.T, typ uint8, data []byte) {
		tt := gguf.TensorType(typ)
		bs := tt.BlockSize()
		if bs == 0 {
			return
		}
		n := bs * (len(data)/max(tt.TypeSize(), 1) + 1)
		y := make([]float32, n)
		err := Dequantize(tt, data, y)
		if Supported(tt) && err == nil && len(data) < tt.RowSize(n) {
			t.Fatalf("%v: no error for short input", tt)
		}
		_ = Dequantize(tt, data, y[:n-bs])
	})
}

// exactRoundTrip quantizes x (whole blocks of type typ), checks that
// dequantizing gives x back exactly and returns the encoded blocks.
func exactRoundTrip(t *testing.T, typ gguf.TensorType, x []float32) []byte {
	t.Helper()
	b := make([]byte, typ.RowSize(len(x)))
	if err := Quantize(typ, x, b); err != nil {
		t.Fatal(err)
	}
	y := make([]float32, len(x))
	if err := Dequantize(typ, b, y); err != nil {
		t.Fatal(err)
	}
	for i := range x {
		if y[i] != x[i] {
			t.Fatalf("%v: value %d: %v round-trips to %v", typ, i, x[i], y[i])
		}
	}
	return b
}
