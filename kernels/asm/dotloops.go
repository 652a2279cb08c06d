package main

import (
	"strconv"

	"github.com/gaianet-go/gaianet/gguf"
)

// dotLoop is one pure-Go dot product of a weight row of quantized blocks
// (type T) with a quantized activation row: the loop over blocks is the
// template's, Body is the per-block work. In Body, b is the block's bytes,
// i its index and xd the activations' scale; it adds the block's share to
// sum.
type dotLoop struct {
	T    gguf.TensorType
	Body string
}

// Name is the type's name in Go identifiers: Q4_0, Q4K.
func (l dotLoop) Name() string { return goName(l.T) }

// Size is the type's block size in bytes, from gguf's type table.
func (l dotLoop) Size() string { return strconv.Itoa(l.T.TypeSize()) }

// goName is the kernels package's spelling of t in identifiers: the
// legacy types keep their underscore (Q4_0), the K-quants drop it (Q4K).
func goName(t gguf.TensorType) string {
	n := t.String()
	if len(n) == 4 && n[2:] == "_K" {
		return n[:2] + "K"
	}
	return n
}

// dotLoops are the pure-Go twins of the one-column dot kernels
// (dot_avx2_amd64.s), in ggml's order of operations.
var dotLoops = []dotLoop{
	{gguf.TypeQ4_0, `q := a.qs[i*32 : i*32+32]
		var s int32
		for j, v := range b[2:18] {
			s += (int32(v&15)-8)*int32(q[j]) + (int32(v>>4)-8)*int32(q[j+16])
		}
		sum += f16at(b, 0) * xd * float32(s)`},
	{gguf.TypeQ4_1, `q := a.qs[i*32 : i*32+32]
		var s int32
		for j, v := range b[4:20] {
			s += int32(v&15)*int32(q[j]) + int32(v>>4)*int32(q[j+16])
		}
		sum += f16at(b, 0)*xd*float32(s) + f16at(b, 2)*a.s[i]`},
	{gguf.TypeQ5_0, `s := dot5(b[6:22], binary.LittleEndian.Uint32(b[2:]), a.qs[i*32:i*32+32], 16)
		sum += f16at(b, 0) * xd * float32(s)`},
	{gguf.TypeQ5_1, `s := dot5(b[8:24], binary.LittleEndian.Uint32(b[4:]), a.qs[i*32:i*32+32], 0)
		sum += f16at(b, 0)*xd*float32(s) + f16at(b, 2)*a.s[i]`},
	{gguf.TypeQ8_0, `q := a.qs[i*32 : i*32+32]
		var s int32
		for j, v := range b[2:34] {
			s += int32(int8(v)) * int32(q[j])
		}
		sum += f16at(b, 0) * xd * float32(s)`},
	{gguf.TypeQ8_K, `q := a.qs[i*256 : i*256+256]
		var s int32
		for j, v := range b[4:260] {
			s += int32(int8(v)) * int32(q[j])
		}
		sum += f32s(b[:4])[0] * xd * float32(s)`},
	{gguf.TypeQ2_K, `sc := b[0:16]
		qs := b[16:80]
		q8 := a.qs[i*256 : i*256+256]
		bs := a.bsums[i*16 : i*16+16]
		var summs int32
		for j, v := range sc {
			summs += int32(bs[j]) * int32(v>>4)
		}
		var isum int32
		for g := 0; g < 16; g++ { // group of 16 values
			n, s, h := g/8, uint(g/2%4), g%2
			q2 := qs[32*n+16*h : 32*n+16*h+16]
			x := q8[16*g : 16*g+16]
			var t int32
			for l, v := range q2 {
				t += int32(x[l]) * int32(v>>(2*s)&3)
			}
			isum += int32(sc[g]&15) * t
		}
		d, dmin := f16at(b, 80), f16at(b, 82)
		sum += xd*d*float32(isum) - xd*dmin*float32(summs)`},
	{gguf.TypeQ3_K, `hmask := b[0:32]
		qs := b[32:96]
		sc := unpackQ3KScales(b[96:108])
		q8 := a.qs[i*256 : i*256+256]
		var isum int32
		for g := 0; g < 16; g++ {
			n, s, h := g/8, uint(g/2%4), g%2
			q3 := qs[32*n+16*h : 32*n+16*h+16]
			hm := hmask[16*h : 16*h+16]
			m := byte(1) << (4*uint(n) + s)
			x := q8[16*g : 16*g+16]
			var t int32
			for l, v := range q3 {
				q := int32(v >> (2 * s) & 3)
				if hm[l]&m == 0 {
					q -= 4
				}
				t += int32(x[l]) * q
			}
			isum += int32(sc[g]) * t
		}
		sum += f16at(b, 108) * xd * float32(isum)`},
	{gguf.TypeQ4_K, k45Body(false)},
	{gguf.TypeQ5_K, k45Body(true)},
	{gguf.TypeQ6_K, `ql := b[0:128]
		qh := b[128:192]
		sc := b[192:208]
		q8 := a.qs[i*256 : i*256+256]
		var isum int32
		for n := 0; n < 2; n++ {
			l0 := ql[64*n : 64*n+64]
			h := qh[32*n : 32*n+32]
			x := q8[128*n : 128*n+128]
			s := sc[8*n : 8*n+8]
			var t [8]int32
			for l := 0; l < 32; l++ {
				is := l / 16
				t[is] += (int32(l0[l]&15|(h[l]&3)<<4) - 32) * int32(x[l])
				t[is+2] += (int32(l0[l+32]&15|(h[l]>>2&3)<<4) - 32) * int32(x[l+32])
				t[is+4] += (int32(l0[l]>>4|(h[l]>>4&3)<<4) - 32) * int32(x[l+64])
				t[is+6] += (int32(l0[l+32]>>4|(h[l]>>6&3)<<4) - 32) * int32(x[l+96])
			}
			for k := range t {
				isum += int32(int8(s[k])) * t[k]
			}
		}
		sum += f16at(b, 208) * xd * float32(isum)`},
}

// k45Body is the block of Q4_K (fifth false) or Q5_K (fifth: the fifth
// bits qh of each value's pair of sub-blocks).
func k45Body(fifth bool) string {
	return expand(`{{if .}}qh := b[16:48]
		qs := b[48:176]{{else}}qs := b[16:144]{{end}}
		q8 := a.qs[i*256 : i*256+256]
		var t [8]int32
		for j := 0; j < 4; j++ {
			q := qs[32*j : 32*j+32]
			x := q8[64*j : 64*j+64]
			{{- if .}}
			u1, u2 := uint(2*j), uint(2*j+1){{end}}
			var t1, t2 int32
			for l, v := range q {
				{{- if .}}
				t1 += (int32(v&15) | int32(qh[l]>>u1&1)<<4) * int32(x[l])
				t2 += (int32(v>>4) | int32(qh[l]>>u2&1)<<4) * int32(x[l+32])
				{{- else}}
				t1 += int32(v&15) * int32(x[l])
				t2 += int32(v>>4) * int32(x[l+32])
				{{- end}}
			}
			t[2*j], t[2*j+1] = t1, t2
		}
		sum += sumK4(b, xd, &t, a.bsums[i*16:])`, fifth)
}

// floatDot is a pure-Go float dot product in eight partial sums, combined
// pairwise, so that it rounds like the 8-lane assembly: F32 weights, or
// F16 weights through f16Table.
type floatDot struct {
	Name, Elem string
}

// W is the weight v as a float32.
func (f floatDot) W(v string) string {
	if f.Elem == "uint16" {
		return "f16Table[" + v + "]"
	}
	return v
}

var floatDots = []floatDot{{"F32", "float32"}, {"F16F32", "uint16"}}

const floatDotTmpl = `{{range .}}
// dot{{.Name}}Generic is the pure-Go twin of the assembly dot{{.Name}}: eight
// partial sums, combined pairwise, so it rounds like the 8-lane vector code.
func dot{{.Name}}Generic(a []{{.Elem}}, b []float32) float32 {
	b = b[:len(a)]
	var s [8]float32
	i := 0
	for ; i+8 <= len(a); i += 8 {
		aa, bb := a[i:i+8], b[i:i+8]
		{{- $f := .}}
		{{- range $k := lanes8}}
		s[{{$k}}] += {{$f.W (printf "aa[%d]" $k)}} * bb[{{$k}}]
		{{- end}}
	}
	for k := 0; i < len(a); i, k = i+1, k+1 {
		s[k] += {{.W "a[i]"}} * b[i]
	}
	return (s[0] + s[4]) + (s[1] + s[5]) + (s[2] + s[6]) + (s[3] + s[7])
}
{{end}}`

func dotLoopsFile() string {
	return `package kernels

import "encoding/binary"

// The pure-Go dot products of a weight row of quantized blocks with a
// quantized activation row (see act), after ggml's scalar
// vec_dot_*_q8_*: integer sums per block, scaled in float32. Each is the
// twin of its assembly in dot_avx2_amd64.s. They share the loop over the
// blocks; the block's work is each type's own (kernels/asm/dotloops.go).
` + expand(`{{range .}}
func dot{{.Name}}Generic(w []byte, a *act) float32 {
	var sum float32
	for i, xd := range a.d {
		b := w[i*{{.Size}} : i*{{.Size}}+{{.Size}}]
		{{.Body}}
	}
	return sum
}
{{end}}`, dotLoops) + `
// The pure-Go float dot products.
` + expand(floatDotTmpl, floatDots)
}
