package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/gaianet-go/gaianet/gguf"
)

// kLayout is where the fields of a 256-value k-quant block sit (llama.cpp's
// block_qN_K); -1 for a field the type does not have. init checks that
// each layout ends at the block size of the gguf type table.
type kLayout struct {
	d      int // f16 d (dmin follows for the types with minimums)
	scales int // packed scales (and minimums)
	qh     int // high bits: Q3_K's hmask, Q5_K's qh, Q6_K's qh
	qs     int // low bits
	end    int // the end of the last field
}

var kLayouts = map[gguf.TensorType]kLayout{
	gguf.TypeQ2_K: {d: 16 + 64, scales: 0, qh: -1, qs: 16, end: 16 + 64 + 4},
	gguf.TypeQ3_K: {d: 32 + 64 + 12, scales: 32 + 64, qh: 0, qs: 32, end: 32 + 64 + 12 + 2},
	gguf.TypeQ4_K: {d: 0, scales: 4, qh: -1, qs: 16, end: 16 + 128},
	gguf.TypeQ5_K: {d: 0, scales: 4, qh: 16, qs: 48, end: 48 + 128},
	gguf.TypeQ6_K: {d: 128 + 64 + 16, scales: 128 + 64, qh: 128, qs: 0, end: 128 + 64 + 16 + 2},
}

func init() {
	for t, l := range kLayouts {
		if l.end != t.TypeSize() || t.BlockSize() != 256 {
			panic(fmt.Sprintf("kLayouts[%v] ends at %d; gguf says %d bytes per %d values", t, l.end, t.TypeSize(), t.BlockSize()))
		}
	}
}

// field sets the 32-bit dst = (src >> shift) & mask.
func field(src Register, shift int, mask uint32, dst Register) {
	if src != dst {
		MOVL(src, dst)
	}
	if shift != 0 {
		SHRL(U8(shift), dst)
	}
	ANDL(U32(mask), dst)
}

// bits2 merges bits shift+1..shift of each byte of the 32-bit src, moved
// to bits 5..4, into dst: dst |= ((src >> shift) & 0x03030303) << 4.
func bits2(src Register, shift int, t GPPhysical, dst Register) {
	field(src, shift, 0x03030303, t.As32())
	SHLL(U8(4), t.As32())
	ORL(t.As32(), dst)
}

// scaleWords loads the three 32-bit words of packed scales at s(SI) into
// AX, BX and CX.
func scaleWords(s int) {
	for i, r := range []Register{EAX, EBX, ECX} {
		MOVL(m(RSI, s+4*i), r)
	}
}

// join64 packs the 32-bit halves into 64-bit registers: RAX = hi0<<32 |
// AX, RDX = hi1<<32 | DX.
func join64(hi0, hi1 GPPhysical) {
	SHLQ(U8(32), hi0)
	ORQ(hi0, RAX)
	SHLQ(U8(32), hi1)
	ORQ(hi1, RDX)
}

// k4ScaleWords unpacks the 12 scale bytes of a Q4_K/Q5_K block into the
// 8 six-bit scales (bytes of RAX) and 8 six-bit minimums (bytes of RDX).
// Uses BX, CX and the scratch registers t1, t2.
func k4ScaleWords(t1, t2 GPPhysical) {
	scaleWords(kLayouts[gguf.TypeQ4_K].scales)
	field(ECX, 4, 0x0f0f0f0f, EDX)
	bits2(EBX, 6, t1, EDX)
	field(EBX, 0, 0x3f3f3f3f, t2.As32())
	field(ECX, 0, 0x0f0f0f0f, EBX)
	bits2(EAX, 6, t1, EBX)
	field(EAX, 0, 0x3f3f3f3f, EAX)
	SHLQ(U8(32), RBX)
	ORQ(RBX, RAX)
	SHLQ(U8(32), RDX)
	ORQ(t2, RDX)
}

// k4Scales is k4ScaleWords leaving the 8 scales as int16 in both lanes of
// Y2 and the 8 minimums, each duplicated into an int32's two halves, in
// mins. Uses tmp.
func k4Scales(t1, t2 GPPhysical, mins, tmp Register) {
	k4ScaleWords(t1, t2)
	VMOVQ(RAX, X2)
	VPMOVZXBW(X2, X2)
	VINSERTI128(U8(1), X2, Y2, Y2)
	VMOVQ(RDX, xOf(mins))
	VPMOVZXBD(xOf(mins), mins)
	VPSLLD(U8(16), mins, tmp)
	VPOR(tmp, mins, mins)
}

// q3ScaleWords unpacks the 12 scale bytes of a Q3_K block into its 16
// six-bit scales, the first 8 in the bytes of RAX, the rest in RDX. Uses
// BX, CX and the scratch registers t1, t2.
func q3ScaleWords(t1, t2 GPPhysical) {
	scaleWords(kLayouts[gguf.TypeQ3_K].scales)
	field(EAX, 4, 0x0f0f0f0f, EDX)
	bits2(ECX, 4, t1, EDX)
	field(EBX, 4, 0x0f0f0f0f, t2.As32())
	bits2(ECX, 6, t1, t2.As32())
	field(EAX, 0, 0x0f0f0f0f, EAX)
	bits2(ECX, 0, t1, EAX)
	field(EBX, 0, 0x0f0f0f0f, EBX)
	bits2(ECX, 2, t1, EBX)
	join64(RBX, t2)
}

// q3Scales is q3ScaleWords leaving the 16 scales minus 32 as int16 in y.
func q3Scales(t1, t2 GPPhysical, y Register) {
	q3ScaleWords(t1, t2)
	VMOVQ(RAX, xOf(y))
	VPINSRQ(U8(1), RDX, xOf(y), xOf(y))
	VPMOVZXBW(xOf(y), y)
	VPSUBW(k("k_32w"), y, y)
}

// q6Unpack leaves in Y4 the j-th (0..3) 32 six-bit values of a Q6_K half
// block: low nibbles from Y8 (j even) or Y9 (j odd), shifted down for
// j >= 2, high bits from Y10. Needs Y15 = k_0f, Y14 = k_30; uses tmp.
func q6Unpack(j int, tmp Register) {
	lo := []Register{Y8, Y9}[j%2]
	if j < 2 {
		VPAND(Y15, lo, Y4)
	} else {
		VPSRLW(U8(4), lo, Y4)
		VPAND(Y15, Y4, Y4)
	}
	if sh := 4 - 2*j; sh == 0 {
		VPAND(Y14, Y10, tmp)
	} else {
		vshiftW(sh, Y10, tmp)
		VPAND(Y14, tmp, tmp)
	}
	VPOR(tmp, Y4, Y4)
}

// q6Half runs dot(j) for the four 32-value groups j of the Q6_K half block
// with low bits at qlOff(SI) and high bits at qhOff(SI); Y4 holds the
// group's values when dot runs.
func q6Half(qlOff, qhOff int, tmp Register, dot func(j int)) {
	VMOVDQU(m(RSI, qlOff), Y8)
	VMOVDQU(m(RSI, qlOff+32), Y9)
	VMOVDQU(m(RSI, qhOff), Y10)
	for j := range 4 {
		q6Unpack(j, tmp)
		dot(j)
	}
}

// q2q3Groups runs dot(g, j) for the 8 groups g of 32 two-bit values of a
// Q2_K or Q3_K block (j = g%4 the group within its 32 bytes), the values
// in Y4. For Q3_K the third bits come from hmask in Y9 (Y15 = k_04).
// Needs Y14 = k_03; uses Y5.
func q2q3Groups(t gguf.TensorType, dot func(g, j int)) {
	l := kLayouts[t]
	for h := range 2 {
		VMOVDQU(m(RSI, l.qs+32*h), Y8)
		for j := range 4 {
			g := 4*h + j
			if j == 0 {
				VPAND(Y14, Y8, Y4)
			} else {
				VPSRLW(U8(2*j), Y8, Y4)
				VPAND(Y14, Y4, Y4)
			}
			if t == gguf.TypeQ3_K {
				vshiftW(2-g, Y9, Y5)
				VPAND(Y15, Y5, Y5)
				VPOR(Y5, Y4, Y4)
			}
			dot(g, j)
		}
	}
}
