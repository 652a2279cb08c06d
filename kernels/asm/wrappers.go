package main

import (
	"strings"

	"github.com/gaianet-go/gaianet/gguf"
)

// The Go wrappers of the amd64 kernels (wrappers_amd64.go): each checks
// that the slices cover what its assembly reads (so that it never reads
// out of bounds), passes base pointers, and finishes in Go what the
// assembly leaves (tails, fallbacks, stores). One template per shape.

// quad is a four-column quantized wrapper: kernel dot<T>x4<ISA> over the
// quantized activations of columns b to b+3, with the activations'
// d*sum(q) (ds: Q4_0, Q5_0) or, for the K-quants, their block sums.
type quad struct {
	T   gguf.TensorType
	ISA string // AVX2 or VNNI
}

func (q quad) Name() string { return goName(q.T) }
func (q quad) K() bool      { return q.T.BlockSize() == 256 }
func (q quad) DS() bool     { return q.T == gguf.TypeQ4_0 || q.T == gguf.TypeQ5_0 }

// Func is the wrapper's name: the AVX2 ones have no ISA in it.
func (q quad) Func() string {
	return "dot" + q.Name() + "x4" + strings.TrimPrefix(q.ISA, "AVX2") + "Asm"
}

var quads = []quad{
	{gguf.TypeQ8_0, "AVX2"}, {gguf.TypeQ4_0, "AVX2"}, {gguf.TypeQ5_0, "AVX2"},
	{gguf.TypeQ8_0, "VNNI"}, {gguf.TypeQ4_0, "VNNI"},
	{gguf.TypeQ2_K, "AVX2"}, {gguf.TypeQ3_K, "AVX2"}, {gguf.TypeQ4_K, "AVX2"},
	{gguf.TypeQ5_K, "AVX2"}, {gguf.TypeQ6_K, "AVX2"},
	{gguf.TypeQ4_K, "VNNI"}, {gguf.TypeQ6_K, "VNNI"},
}

const quadTmpl = `{{range .}}
func {{.Func}}(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	{{- if .K}}
	nb := checkK4(m, w, gguf.Type{{.T}}, b)
	{{- else}}
	nb := check4(m, w, gguf.Type{{.T}}, 32, b)
	{{- end}}
	{{- if .DS}}
	_ = m.dsT[(nb-1)*m.batch+b+3]
	{{- end}}
	dot{{.Name}}x4{{.ISA}}(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], {{if .DS}}&m.dsT[b], {{end}}4*m.batch, {{if .K}}&m.bsT[b*16], {{end}}nb, &o)
	m.put4(&o, b, r)
}
{{end}}`

// zquad is a 512-bit four-column wrapper over interleaved activations
// (dot<T>x4Z) for zRows weight rows (N) or one; it falls back to the VNNI
// wrapper where the columns are not a whole interleaved group.
type zquad struct {
	T gguf.TensorType
	N bool
}

func (z zquad) Name() string { return goName(z.T) }
func (z zquad) Q8() bool     { return z.T == gguf.TypeQ8_0 }

var zquads = []zquad{{gguf.TypeQ4_0, true}, {gguf.TypeQ4_0, false}, {gguf.TypeQ8_0, true}, {gguf.TypeQ8_0, false}}

const zquadTmpl = `{{range .}}
{{- if .N}}
// dot{{.Name}}xNx4ZAsm runs dot{{.Name}}x4Z for zRows weight rows (w holds them)
// and a group of four columns (b a multiple of 4, as MatMul's tiles give);
// it falls back to dot{{.Name}}x4VNNIAsm row by row otherwise.
func dot{{.Name}}xNx4ZAsm(m *mmTask, w []byte, b, r int) {
{{- else}}
// dot{{.Name}}x4ZAsm is dot{{.Name}}xNx4ZAsm for one weight row.
func dot{{.Name}}x4ZAsm(m *mmTask, w []byte, b, r int) {
{{- end}}
	if b&3 != 0 || len(m.qsI) < (b+4)*m.cols{{if .Q8}} || len(m.xsI) < (b+4)*(m.cols/32){{end}} {
		{{- if .N}}
		for k := range zRows {
			dot{{.Name}}x4VNNIAsm(m, w[k*m.rowSize:(k+1)*m.rowSize], b, r+k)
		}
		{{- else}}
		dot{{.Name}}x4VNNIAsm(m, w, b, r)
		{{- end}}
		return
	}
	var o [{{if .N}}4 * zRows{{else}}4{{end}}]float32
	nb := check4(m, w, gguf.Type{{.Name}}, 32, b)
	{{- if .N}}
	_ = w[zRows*m.rowSize-1]
	{{- end}}
	{{- if not .Q8}}
	_ = m.dsT[(nb-1)*m.batch+b+3]
	{{- end}}
	_ = m.qsI[(b+4)*m.cols-1]
	{{- if .Q8}}
	_ = m.xsI[(b+4)*nb-1]
	{{- end}}
	dot{{.Name}}x4Z(&w[0], m.rowSize, {{if .N}}zRows{{else}}1{{end}}, &m.qsI[b*m.cols], {{if .Q8}}&m.xsI[b*(m.cols/32)], &m.dT[b]{{else}}&m.dT[b], &m.dsT[b]{{end}}, 4*m.batch, nb, &o[0])
	{{- if .N}}
	m.putNx4(o[:], b, r)
	{{- else}}
	m.put4(&o, b, r)
	{{- end}}
}
{{end}}`

// floatRows is a float wrapper (F16 or F32 weights) of Rows weight rows
// and four columns; the assembly covers the columns up to a multiple of 8
// and Go the rest. With six rows (AVX-512) the kernel stores into m.out
// itself and reads F16 activations as half-precision bits.
type floatRows struct {
	T    gguf.TensorType
	Rows int
}

func (f floatRows) Name() string { return f.T.String() }
func (f floatRows) F16() bool    { return f.T == gguf.TypeF16 }

// W is the weight row slice's name and Bytes the bytes of one weight.
func (f floatRows) W() string {
	if f.F16() {
		return "wh"
	}
	return "wf"
}
func (f floatRows) Bytes() int { return f.T.TypeSize() }

// Out is the number of results: four per row.
func (f floatRows) Out() int { return 4 * f.Rows }

// Decode is the float value of the weight v.
func (f floatRows) Decode(v string) string {
	if f.F16() {
		return "f16Table[" + v + "]"
	}
	return v
}

// RowsName is the rows' part of the names: "" for one row, "x3" for three.
func (f floatRows) RowsName() string {
	if f.Rows == 1 {
		return ""
	}
	return "x" + string(rune('0'+f.Rows))
}

var floatRowsList = []floatRows{
	{gguf.TypeF16, 1}, {gguf.TypeF16, 3}, {gguf.TypeF32, 1}, {gguf.TypeF32, 2},
}

var floatRows6 = []floatRows{{gguf.TypeF16, 6}, {gguf.TypeF32, 6}}

const floatRowsTmpl = `{{range .}}
{{- if gt .Rows 1}}
// dot{{.Name}}{{.RowsName}}x4Asm is dot{{.Name}}x4Asm for weight rows r to r+{{.Rows}}-1 (w holds them).
{{- end}}
func dot{{.Name}}{{.RowsName}}x4Asm(m *mmTask, w []byte, b, r int) {
	var o [{{.Out}}]float32
	{{.W}} := {{if .F16}}u16s{{else}}f32s{{end}}(w)[:{{if gt .Rows 1}}{{.Rows}}*{{end}}m.cols]
	x0 := m.acts[b].f
	_ = m.acts[b+3].f[m.cols-1]
	n := m.cols &^ 7
	if n > 0 {
		dot{{.Name}}{{.RowsName}}x4AVX2(&{{.W}}[0], {{if gt .Rows 1}}{{.Bytes}}*m.cols, {{end}}&x0[0], 4*m.cols, n, &o)
	}
	{{- if gt .Rows 1}}
	for k := range {{.Rows}} {
		wk := {{.W}}[k*m.cols : (k+1)*m.cols]
		for c := range 4 {
			x := m.acts[b+c].f
			for i := n; i < m.cols; i++ {
				o[4*k+c] += {{.Decode "wk[i]"}} * x[i]
			}
		}
	}
	m.putNx4(o[:], b, r)
	{{- else}}
	for c := range 4 {
		x := m.acts[b+c].f
		for i := n; i < m.cols; i++ {
			o[c] += {{.Decode (print .W "[i]")}} * x[i]
		}
	}
	m.put4(&o, b, r)
	{{- end}}
}
{{end}}`

const floatRows6Tmpl = `{{range .}}
// dot{{.Name}}x6x4Asm is dot{{.Name}}x4Asm for weight rows r to r+5 (w holds them){{if .F16}},
// reading the activations as half-precision bits (act.h){{end}}.
func dot{{.Name}}x6x4Asm(m *mmTask, w []byte, b, r int) {
	{{.W}} := {{if .F16}}u16s{{else}}f32s{{end}}(w)[:6*m.cols]
	{{- if .F16}}
	_ = m.acts[b+3].h[m.cols-1]
	{{- end}}
	_ = m.acts[b+3].f[m.cols-1]
	_ = m.out[(b+3)*m.rows+r+5] // the last value the assembly stores
	n := m.cols &^ 7
	if n > 0 {
		// Activation rows are consecutive in scratch (prepareActs).
		dot{{.Name}}x6x4AVX512(&{{.W}}[0], {{.Bytes}}*m.cols, &m.acts[b].{{if .F16}}h{{else}}f{{end}}[0], {{.Bytes}}*m.cols, n, &m.out[b*m.rows+r], 4*m.rows)
		if n == m.cols {
			return
		}
	}
	for k := range 6 {
		wk := {{.W}}[k*m.cols : (k+1)*m.cols]
		for c := range 4 {
			x := m.acts[b+c].f
			o := &m.out[(b+c)*m.rows+r+k]
			if n == 0 {
				*o = 0
			}
			for i := n; i < m.cols; i++ {
				*o += {{.Decode "wk[i]"}} * x[i]
			}
		}
	}
}
{{end}}`

// tail is a one-column float dot: the assembly over the values up to a
// multiple of Mask+1, Go over the rest.
type tail struct {
	Name, Params string
	Mask         int    // the assembly's lanes less 1
	Decode       string // the weight a[i] as a float32
}

var tails = []tail{
	{"F32", "a, b []float32", 7, "a[i]"},
	{"F16F32", "a []uint16, b []float32", 7, "f16Table[a[i]]"},
	{"BF16F32", "a []uint16, b []float32", 15, "BF16ToF32(a[i])"},
}

const tailTmpl = `{{range .}}
func dot{{.Name}}AsmTail({{.Params}}) float32 {
	b = b[:len(a)]
	n := len(a) &^ {{.Mask}}
	var s float32
	if n > 0 {
		s = dot{{.Name}}AVX2(&a[0], &b[0], n)
	}
	for i := n; i < len(a); i++ {
		s += {{.Decode}} * b[i]
	}
	return s
}
{{end}}`

// stream is an element-wise wrapper: the assembly Kernel over the first
// len(Len) &^ 7 values of the slices, then Func+"Generic" over the rest.
// Pre runs first; Check are the slices to bounds-check besides Len.
type stream struct {
	Func, Params, Pre, Len string
	Check                  []string
	Kernel, Scalar         string
	Slices                 []string
}

var streams = []stream{
	{Func: "axpyF32", Params: "alpha float32, x, y []float32", Pre: "x = x[:len(y)]", Len: "y", Kernel: "axpyF32AVX2", Scalar: "alpha", Slices: []string{"x", "y"}},
	{Func: "axpyF16", Params: "alpha float32, x []uint16, y []float32", Pre: "x = x[:len(y)]", Len: "y", Kernel: "axpyF16AVX2", Scalar: "alpha", Slices: []string{"x", "y"}},
	{Func: "f32ToF16Row", Params: "dst []uint16, src []float32", Len: "dst", Kernel: "f32ToF16AVX2", Slices: []string{"dst", "src"}},
	{Func: "f16ToF32Row", Params: "dst []float32, src []uint16", Len: "dst", Kernel: "f16ToF32AVX2", Slices: []string{"dst", "src"}},
	{Func: "roundF16Row", Params: "dst, src []float32", Len: "dst", Kernel: "roundF16AVX2", Slices: []string{"dst", "src"}},
	{Func: "roundF16HRow", Params: "dst []float32, h []uint16, src []float32", Len: "dst", Check: []string{"h", "src"}, Kernel: "roundF16HAVX2", Slices: []string{"dst", "h", "src"}},
	{Func: "addF32", Params: "dst, a, b []float32", Len: "a", Check: []string{"dst", "b"}, Kernel: "addAVX2", Slices: []string{"dst", "a", "b"}},
	{Func: "swiGLU", Params: "dst, gate, up []float32", Len: "gate", Check: []string{"dst", "up"}, Kernel: "swiGLUAVX2", Slices: []string{"dst", "gate", "up"}},
}

const streamTmpl = `{{range .}}
func {{.Func}}({{.Params}}) {
	{{- with .Pre}}
	{{.}}
	{{- end}}
	if n := len({{.Len}}) &^ 7; hasAVX2 && n > 0 {
		{{- with .Check}}
		{{range $i, $s := .}}{{if $i}}, {{end}}_{{end}} = {{range $i, $s := .}}{{if $i}}, {{end}}{{$s}}[n-1]{{end}}
		{{- end}}
		{{.Kernel}}({{with .Scalar}}{{.}}, {{end}}{{range .Slices}}&{{.}}[0], {{end}}n)
		{{join .Slices ", "}} = {{range $i, $s := .Slices}}{{if $i}}, {{end}}{{$s}}[n:]{{end}}
	}
	{{.Func}}Generic({{with .Scalar}}{{.}}, {{end}}{{join .Slices ", "}})
}
{{end}}`

// quantAct is an activation quantizer: the assembly over nb blocks of
// Values values, or the pure-Go twin when there is no AVX2 or no block.
// The K-quant one adds the block sums in Go.
type quantAct struct {
	T      gguf.TensorType
	Values int
}

func (q quantAct) Name() string { return goName(q.T) }
func (q quantAct) K() bool      { return q.Values == 256 }

var quantActs = []quantAct{{gguf.TypeQ8_0, 32}, {gguf.TypeQ8_K, 256}}

const quantActTmpl = `{{range .}}
{{- if .K}}
// quantActQ8K quantizes activations for K-quant weights; see
// quantActQ8KGeneric.
func quantActQ8K(x []float32, qs []int8, d []float32, bsums []int16) {
{{- else}}
// quantActQ8_0 quantizes activations for Q4_0/Q5_0/Q8_0 weights; see
// quantActQ8_0Generic.
func quantActQ8_0(x []float32, qs []int8, d, ds []float32) {
{{- end}}
	nb := len(d)
	if !hasAVX2 || nb == 0 {
		quantAct{{.Name}}Generic(x, qs, d, {{if .K}}bsums{{else}}ds{{end}})
		return
	}
	{{- if .K}}
	_, _, _ = x[256*nb-1], qs[256*nb-1], bsums[16*nb-1]
	quantQ8KAVX2(&x[0], &qs[0], &d[0], nb)
	blockSums(qs[:256*nb], bsums[:16*nb])
	{{- else}}
	_, _, _ = x[32*nb-1], qs[32*nb-1], ds[nb-1]
	quantQ8_0AVX2(&x[0], &qs[0], &d[0], &ds[0], nb)
	{{- end}}
}
{{end}}`

func wrappersFile() string {
	return `//go:build !noasm

package kernels

import "github.com/gaianet-go/gaianet/gguf"

// The Go wrappers of the amd64 kernels: each checks that the slices cover
// what its assembly reads, so that it never reads out of bounds, passes
// base pointers, and finishes in Go what the assembly leaves (tails,
// fallbacks, stores). One template per shape (kernels/asm/wrappers.go);
// folded into shared Go functions they would call the assembly through a
// func value, an indirect call per weight row.

// The four-column wrappers of the quantized types.
` + expand(quadTmpl, quads) + `
// The 512-bit four-column wrappers over interleaved activations.
` + expand(zquadTmpl, zquads) + `
// The float wrappers of one to three weight rows and four columns.
` + expand(floatRowsTmpl, floatRowsList) + `
// The six-row float wrappers (AVX-512, dot6x4_avx512_amd64.s).
` + expand(floatRows6Tmpl, floatRows6) + `
// The one-column float dots.
` + expand(tailTmpl, tails) + `
// The element-wise wrappers.
` + expand(streamTmpl, streams) + `
// The activation quantizers.
` + expand(quantActTmpl, quantActs)
}
