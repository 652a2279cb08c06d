package qdrantsnap

import (
	"encoding/binary"
	"math"
	"testing"
)

// TestDecodeVectorElements decodes each stored element type Qdrant writes,
// float16 included (IEEE 754 binary16: normal, subnormal, extreme and
// signed values), to the float32 values they denote.
func TestDecodeVectorElements(t *testing.T) {
	f16 := []uint16{0x3c00, 0xc000, 0x3555, 0x7bff, 0x0001, 0x0400, 0x8000, 0x7c00}
	want16 := []float32{1, -2, 0.333251953125, 65504, 5.9604645e-08, 6.1035156e-05, float32(math.Copysign(0, -1)), float32(math.Inf(1))}
	b := make([]byte, 0, 2*len(f16))
	for _, h := range f16 {
		b = binary.LittleEndian.AppendUint16(b, h)
	}
	got := decodeVector(b, len(f16), elemF16)
	for i := range want16 {
		if math.Float32bits(got[i]) != math.Float32bits(want16[i]) {
			t.Errorf("float16 %#04x = %g, want %g", f16[i], got[i], want16[i])
		}
	}
	b = binary.LittleEndian.AppendUint32(nil, math.Float32bits(-1.5))
	if got := decodeVector(b, 1, elemF32); got[0] != -1.5 {
		t.Errorf("float32 = %v", got)
	}
	if got := decodeVector([]byte{0, 255}, 2, elemU8); got[0] != 0 || got[1] != 255 {
		t.Errorf("uint8 = %v", got)
	}
}
