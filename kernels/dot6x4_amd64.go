//go:build !noasm

package kernels

import "golang.org/x/sys/cpu"

// hasAVX512VL reports whether the six-row float kernels (dot6x4_avx512_amd64.s)
// can run: they need the 32 YMM registers of AVX-512 (F and VL) on top of
// what the AVX2 kernels need (x/sys/cpu also checks that the OS saves the
// AVX-512 state).
var hasAVX512VL = hasAVX2 && cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL

func roundF16HRow(dst []float32, h []uint16, src []float32) {
	if n := len(dst) &^ 7; hasAVX2 && n > 0 {
		_, _ = h[n-1], src[n-1]
		roundF16HAVX2(&dst[0], &h[0], &src[0], n)
		dst, h, src = dst[n:], h[n:], src[n:]
	}
	roundF16HRowGeneric(dst, h, src)
}

// dotF16x6x4Asm is dotF16x4Asm for weight rows r to r+5 (w holds them),
// reading the activations as half-precision bits (act.h).
func dotF16x6x4Asm(m *mmTask, w []byte, b, r int) {
	wh := u16s(w)[:6*m.cols]
	_ = m.acts[b+3].h[m.cols-1]
	_ = m.acts[b+3].f[m.cols-1]
	_ = m.out[(b+3)*m.rows+r+5] // the last value the assembly stores
	n := m.cols &^ 7
	if n > 0 {
		// Activation rows are consecutive in scratch (prepareActs).
		dotF16x6x4AVX512(&wh[0], 2*m.cols, &m.acts[b].h[0], 2*m.cols, n, &m.out[b*m.rows+r], 4*m.rows)
		if n == m.cols {
			return
		}
	}
	for k := range 6 {
		wk := wh[k*m.cols : (k+1)*m.cols]
		for c := range 4 {
			x := m.acts[b+c].f
			o := &m.out[(b+c)*m.rows+r+k]
			if n == 0 {
				*o = 0
			}
			for i := n; i < m.cols; i++ {
				*o += f16Table[wk[i]] * x[i]
			}
		}
	}
}

// dotF32x6x4Asm is dotF32x4Asm for weight rows r to r+5 (w holds them).
func dotF32x6x4Asm(m *mmTask, w []byte, b, r int) {
	wf := f32s(w)[:6*m.cols]
	_ = m.acts[b+3].f[m.cols-1]
	_ = m.out[(b+3)*m.rows+r+5]
	n := m.cols &^ 7
	if n > 0 {
		dotF32x6x4AVX512(&wf[0], 4*m.cols, &m.acts[b].f[0], 4*m.cols, n, &m.out[b*m.rows+r], 4*m.rows)
		if n == m.cols {
			return
		}
	}
	for k := range 6 {
		wk := wf[k*m.cols : (k+1)*m.cols]
		for c := range 4 {
			x := m.acts[b+c].f
			o := &m.out[(b+c)*m.rows+r+k]
			if n == 0 {
				*o = 0
			}
			for i := n; i < m.cols; i++ {
				*o += wk[i] * x[i]
			}
		}
	}
}
