package main

import (
	"fmt"

	"github.com/gaianet-go/gaianet/gguf"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
)

// splat8 is eight copies of byte b as one 64-bit word.
func splat8(b byte) uint64 { return 0x0101010101010101 * uint64(b) }

// splat16 is four copies of the 16-bit w as one 64-bit word.
func splat16(w uint16) uint64 { return 0x0001000100010001 * uint64(w) }

// rep repeats the 64-bit words ws n times.
func rep(n int, ws ...uint64) []uint64 {
	var out []uint64
	for range n {
		out = append(out, ws...)
	}
	return out
}

// wordPairs is, for the 16-bit elements e = 0..7, the shuffle mask that
// broadcasts element e of a 128-bit lane into 16 bytes, each mask
// repeated per times 16 bytes: with per = 2 the 32-byte masks for whole
// YMM registers (k_bcastw), with per = 1 the 16-byte ones (k_pairw).
func wordPairs(per int) []uint64 {
	var out []uint64
	for e := range uint64(8) {
		w := splat16(uint16((2*e+1)<<8 | 2*e))
		out = append(out, rep(2*per, w)...)
	}
	return out
}

// constTable holds the read-only vectors the kernels load, as 64-bit words.
var constTable = map[string][]uint64{
	"k_0f":     rep(4, splat8(0x0f)),
	"k_30":     rep(4, splat8(0x30)),
	"k_10":     rep(4, splat8(0x10)),
	"k_03":     rep(4, splat8(0x03)),
	"k_04":     rep(4, splat8(0x04)),
	"k_ones16": rep(4, splat16(1)),
	"k_32w":    rep(4, splat16(32)),
	"k_bcastw": wordPairs(2),
	"k_pairw":  wordPairs(1),
	"k_qhshuf": {splat8(0), splat8(1), splat8(2), splat8(3)},
	"k_bitsel": rep(4, 0x8040201008040201),
	// the GF(2) affine matrix that moves bits 4-7 of a byte to bits 0-3
	// and clears 4-7 (row i of the result, byte 7-i, selects bit i+4)
	"kz_hinib": {0x1020408000000000},
	"kz_sidx0": spread4(0),
	"kz_sidx1": spread4(4),
	"kz_0f":    rep(8, splat8(0x0f)),
	// the halves [dw0 dw0 dw0 dw0 dw1 dw1 dw1 dw1] of a pair of blocks
	"kz_dwidx":  pairScales(gguf.TypeQ4_0.TypeSize()),
	"kz8_dwidx": pairScales(gguf.TypeQ8_0.TypeSize()),
}

// spread4 is the dword indices that spread scale first+c over the lanes
// 4c..4c+3 of a ZMM register, c < 4.
func spread4(first uint64) []uint64 {
	var out []uint64
	for c := range uint64(4) {
		out = append(out, rep(2, (first+c)*(1<<32|1))...)
	}
	return out
}

// pairScales is the VPERMB byte indices that gather the f16 scales of
// two consecutive blocks of bs bytes, each four times.
func pairScales(bs int) []uint64 {
	b := uint64(bs)
	return []uint64{splat16(0x0100), splat16(uint16((b+1)<<8 | b)), 0, 0}
}

// constTable32 holds the read-only tables of 32-bit words.
var constTable32 = map[string][]uint32{
	// expVec's constants (softmax.go), each broadcast to eight lanes: lo,
	// hi, log2e, ln2Hi, ln2Lo, p0..p5, 1, and the int32 127.
	"expc": splat32x8(0xc2aeac4f, 0x42b0999a, 0x3fb8aa3b, 0x3f318000, 0xb95e8083,
		0x39506967, 0x3ab743ce, 0x3c088908, 0x3d2aa9c1, 0x3e2aaaaa, 0x3f000000,
		0x3f800000, 0x0000007f),
	"geluc":   {0xc1200000, 0x41200000}, // -10, 10
	"qabs":    {0x7fffffff},
	"qsign":   {0x80000000},
	"qone":    {0x3f800000},
	"q32f":    {0x42000000}, // 32.0
	"qhalf":   {0x3f000000},
	"q127":    {0x42fe0000},
	"qm127":   {0xc2fe0000},
	"qperm":   {0, 4, 1, 5, 2, 6, 3, 7},
	"qmask8":  {0x000000ff},
	"qones8":  {0x01010101},
	"qones16": {0x00010001},
	"qmant":   {0x007fffff},
	"qbias":   {0x00400000},
	"q127i":   {127},
	"qmagic":  {0x00000000, 0x41680000}, // float64 12582912
}

// splat32x8 repeats each of vs in eight consecutive 32-bit words.
func splat32x8(vs ...uint32) []uint32 {
	var out []uint32
	for _, v := range vs {
		for range 8 {
			out = append(out, v)
		}
	}
	return out
}

// emitted holds the constants already written to the current file.
var emitted = map[string]Mem{}

// k returns the constant name, writing its data on first use (static
// symbols are local to a file, so each generated file has its own copy).
func k(name string) Mem {
	if mem, ok := emitted[name]; ok {
		return mem
	}
	words, ok := constTable[name]
	words32, ok32 := constTable32[name]
	if !ok && !ok32 {
		panic(fmt.Sprintf("k: no constant %q", name))
	}
	mem := GLOBL(name, RODATA|NOPTR)
	for i, w := range words {
		DATA(8*i, U64(w))
	}
	for i, w := range words32 {
		DATA(4*i, U32(w))
	}
	emitted[name] = mem
	return mem
}
