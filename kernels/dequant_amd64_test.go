//go:build !noasm

package kernels

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// TestDequantAsmMatchesGeneric compares each AVX2 row dequantization with
// its pure-Go twin bit for bit: random block bytes (scales spread over
// the f16 range, any sign) and block counts, decoded from an offset into a
// larger buffer.
func TestDequantAsmMatchesGeneric(t *testing.T) {
	needAVX2(t)
	r := rand.New(rand.NewPCG(21, 22))
	scale := func() uint16 {
		for {
			h := uint16(r.Uint32())
			if f := F16ToF32(h); !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) {
				return h
			}
		}
	}
	for _, typ := range []gguf.TensorType{gguf.TypeQ8_0, gguf.TypeQ4_K, gguf.TypeQ6_K} {
		ts, bs := typ.TypeSize(), typ.BlockSize()
		for _, nb := range []int{1, 2, 3, 7, 16} {
			for range 20 {
				src := make([]byte, (nb+1)*ts)
				for i := range src {
					src[i] = byte(r.Uint32())
				}
				for b := range nb + 1 {
					blk := src[b*ts : (b+1)*ts]
					switch typ {
					case gguf.TypeQ8_0:
						binary.LittleEndian.PutUint16(blk, scale())
					case gguf.TypeQ4_K:
						binary.LittleEndian.PutUint16(blk, scale())
						binary.LittleEndian.PutUint16(blk[2:], scale())
					case gguf.TypeQ6_K:
						binary.LittleEndian.PutUint16(blk[208:], scale())
					}
				}
				got := make([]float32, nb*bs+8)
				want := make([]float32, nb*bs)
				got[nb*bs] = 42 // a sentinel past the row
				if !dequantRowAsm(typ, src[ts:], got[:nb*bs]) {
					t.Fatalf("%v: no assembly kernel", typ)
				}
				dec := codecOf(typ).dec
				for b := range nb {
					dec(src[(b+1)*ts:(b+2)*ts], want[b*bs:(b+1)*bs])
				}
				for i, w := range want {
					if math.Float32bits(got[i]) != math.Float32bits(w) {
						t.Fatalf("%v, %d blocks: value %d = %v, twin %v", typ, nb, i, got[i], w)
					}
				}
				if got[nb*bs] != 42 {
					t.Fatalf("%v: wrote past the row", typ)
				}
			}
		}
	}
}

func BenchmarkDequantRow(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, typ := range []gguf.TensorType{gguf.TypeQ8_0, gguf.TypeQ4_K, gguf.TypeQ6_K} {
		w := randomWeights(r, typ, 1, 4096)
		dst := make([]float32, 4096)
		b.Run(typ.String()+"/asm", func(b *testing.B) {
			for b.Loop() {
				dequantRow(typ, w, dst)
			}
		})
		b.Run(typ.String()+"/generic", func(b *testing.B) {
			dec, ts, bs := codecOf(typ).dec, typ.TypeSize(), typ.BlockSize()
			for b.Loop() {
				for i := range len(dst) / bs {
					dec(w[i*ts:(i+1)*ts], dst[i*bs:(i+1)*bs])
				}
			}
		})
	}
}
