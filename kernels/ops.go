package kernels

import "math"

// Element-wise float32 operations of a transformer layer: normalization,
// softmax, rotary position embedding and activations. Each follows the
// arithmetic of the matching ggml CPU operator (sums of squares and softmax
// denominators accumulate in float64 as ggml_float does) so that results
// agree with llama.cpp to float32 rounding. All are safe for concurrent use
// on distinct slices; in-place use (dst aliasing x) is allowed where noted.

// RMSNorm writes x / sqrt(mean(x²) + eps) * w into dst. w may be nil for no
// weight. dst may alias x. len(dst) and len(w) must be at least len(x).
func RMSNorm(dst, x, w []float32, eps float32) {
	var sum float64
	for _, v := range x {
		sum += float64(v * v)
	}
	mean := float32(sum / float64(len(x)))
	scale := 1 / float32(math.Sqrt(float64(mean+eps)))
	dst = dst[:len(x)]
	if w == nil {
		for i, v := range x {
			dst[i] = v * scale
		}
		return
	}
	w = w[:len(x)]
	for i, v := range x {
		dst[i] = (v * scale) * w[i]
	}
}

// LayerNorm writes (x - mean) / sqrt(var + eps) * w + b into dst. w and b
// may be nil. dst may alias x.
func LayerNorm(dst, x, w, b []float32, eps float32) {
	var sum float64
	for _, v := range x {
		sum += float64(v)
	}
	mean := float32(sum / float64(len(x)))
	var sq float64
	dst = dst[:len(x)]
	for i, v := range x {
		d := v - mean
		dst[i] = d
		sq += float64(d * d)
	}
	variance := float32(sq / float64(len(x)))
	scale := 1 / float32(math.Sqrt(float64(variance+eps)))
	for i := range dst {
		y := dst[i] * scale
		if w != nil {
			y *= w[i]
		}
		if b != nil {
			y += b[i]
		}
		dst[i] = y
	}
}

// Softmax replaces x with exp(x - max(x)) / sum, in place. Entries equal to
// -Inf (masked) become 0. An empty x is left alone.
func Softmax(x []float32) {
	if len(x) == 0 {
		return
	}
	mx := float32(math.Inf(-1))
	for _, v := range x {
		if v > mx {
			mx = v
		}
	}
	var sum float64
	for i, v := range x {
		e := expf(v - mx)
		x[i] = e
		sum += float64(e)
	}
	inv := float32(1 / sum)
	for i := range x {
		x[i] *= inv
	}
}

// RopeTable fills cos and sin (each nRot/2 long) with the rotation angles of
// position pos: angle i is pos * freqScale * base^(-2i/nRot) / factors[i],
// as ggml_rope_ext computes them without YaRN. factors may be nil (llama3
// style frequency factors come from a model's rope_freqs tensor).
func RopeTable(cos, sin []float32, pos float32, nRot int, base, freqScale float32, factors []float32) {
	half := nRot / 2
	thetaScale := float32(math.Pow(float64(base), -2.0/float64(nRot)))
	theta := pos // float32 running product, as ggml keeps it
	for i := 0; i < half; i++ {
		t := theta
		if factors != nil {
			t /= factors[i]
		}
		t *= freqScale
		cos[i] = float32(math.Cos(float64(t)))
		sin[i] = float32(math.Sin(float64(t)))
		theta *= thetaScale
	}
}

// RopeNorm rotates the first 2*len(cos) values of each of nHeads heads of
// headDim values in x, pairing adjacent values (x[2i], x[2i+1]): the
// "normal" order llama uses.
func RopeNorm(x []float32, nHeads, headDim int, cos, sin []float32) {
	for h := 0; h < nHeads; h++ {
		v := x[h*headDim : h*headDim+2*len(cos)]
		for i := range cos {
			x0, x1 := v[2*i], v[2*i+1]
			c, s := cos[i], sin[i]
			v[2*i] = x0*c - x1*s
			v[2*i+1] = x0*s + x1*c
		}
	}
}

// RopeNeox rotates each of nHeads heads of headDim values in x, pairing
// x[i] with x[i+len(cos)]: the GPT-NeoX order qwen2, qwen3, phi3 and gemma
// use. Values past 2*len(cos) in a head are left unrotated.
func RopeNeox(x []float32, nHeads, headDim int, cos, sin []float32) {
	half := len(cos)
	for h := 0; h < nHeads; h++ {
		v := x[h*headDim : h*headDim+2*half]
		for i := 0; i < half; i++ {
			x0, x1 := v[i], v[i+half]
			c, s := cos[i], sin[i]
			v[i] = x0*c - x1*s
			v[i+half] = x0*s + x1*c
		}
	}
}

// SiLU replaces x with x * sigmoid(x), in place.
func SiLU(x []float32) {
	for i, v := range x {
		x[i] = v / (1 + expf(-v))
	}
}

// SwiGLU writes silu(gate) * up into dst. dst may alias gate or up. The
// exponentials are SoftmaxVec's (expVec, eight at a time in AVX2 assembly
// on amd64; swiGLUGeneric is the pure-Go twin, bit for bit), within a few
// float32 ulps of silu computed in double precision.
func SwiGLU(dst, gate, up []float32) { swiGLU(dst[:len(gate)], gate, up[:len(gate)]) }

// swiGLUGeneric is the definition of the assembly SwiGLU: each value is
// g / (1 + expVec(-g)) * u, rounded after each operation.
func swiGLUGeneric(dst, gate, up []float32) {
	up = up[:len(gate)]
	dst = dst[:len(gate)]
	for i, g := range gate {
		dst[i] = g / (1 + expVec(-g)) * up[i]
	}
}

// GELU replaces x with the tanh approximation of the Gaussian error linear
// unit that ggml_gelu uses, in place.
func GELU(x []float32) {
	const (
		c  = 0.044715
		s2 = 0.79788456080286535587989211986876 // sqrt(2/pi)
	)
	for i, v := range x {
		x[i] = 0.5 * v * (1 + float32(math.Tanh(float64(s2*v*(1+c*v*v)))))
	}
}

// Add writes a + b into dst element-wise. dst may alias a or b.
func Add(dst, a, b []float32) { addF32(dst[:len(a)], a, b[:len(a)]) }

// addF32Generic is Add's loop, the twin of the assembly behind addF32.
func addF32Generic(dst, a, b []float32) {
	b = b[:len(a)]
	dst = dst[:len(a)]
	for i, v := range a {
		dst[i] = v + b[i]
	}
}

// Mul writes a * b into dst element-wise. dst may alias a or b.
func Mul(dst, a, b []float32) {
	b = b[:len(a)]
	dst = dst[:len(a)]
	for i, v := range a {
		dst[i] = v * b[i]
	}
}

// Scale multiplies x by s in place.
func Scale(x []float32, s float32) {
	for i := range x {
		x[i] *= s
	}
}

// Argmax returns the index of the largest value of x (the first on ties),
// or -1 for an empty x.
func Argmax(x []float32) int {
	best := -1
	var mx float32
	for i, v := range x {
		if best < 0 || v > mx {
			best, mx = i, v
		}
	}
	return best
}

// expf returns e^x rounded to float32, for the softmax and activations:
// x = n·ln2 + r with |r| <= ln2/2, e^r from a degree-7 Taylor polynomial
// (relative error below 1e-8, finer than float32's rounding), and 2^n put
// into the exponent bits. It is several times faster than math.Exp and
// needs no assembly. Results below the float32 normal range flush to 0.
func expf(x float32) float32 {
	switch {
	case x != x: // NaN
		return x
	case x > 88.72284:
		return float32(math.Inf(1))
	case x < -87.33654:
		return 0
	}
	const (
		log2e = 1.4426950408889634
		ln2   = 0.6931471805599453
	)
	xd := float64(x)
	n := math.Floor(xd*log2e + 0.5)
	r := xd - n*ln2
	p := 1 + r*(1+r*(1.0/2+r*(1.0/6+r*(1.0/24+r*(1.0/120+r*(1.0/720+r*(1.0/5040)))))))
	return float32(p * math.Float64frombits(uint64(int64(n)+1023)<<52))
}
