package model

import (
	"fmt"
	"math"
)

// Yarn is YaRN rope scaling (gpt-oss): each frequency is interpolated by
// the scaling factor, or kept, or blended between the two by a ramp over
// the frequencies (rope dimensions between the correction dimensions of
// BetaFast and BetaSlow rotations within the original context), and cos
// and sin are multiplied by 1 + 0.1 ln(factor), as ggml_rope_ext computes
// them with ext_factor 1 (llama.cpp's default for YaRN models).
type Yarn struct {
	CtxOrig            int     // original training context
	BetaFast, BetaSlow float32 // rotations that bound the ramp
	low, high          float32 // the ramp's correction dimensions
	// pure leaves out the magnitude scaling: a context shift's rotation.
	pure bool
}

// readYarn reads YaRN's metadata for arch into c: the factor (RopeScale
// becomes its inverse), the original context and the ramp's betas.
func readYarn(md Metadata, arch string, c *Config) error {
	f, ok := md.Float(arch + ".rope.scaling.factor")
	if !ok || !(f >= 1) || f > 1e4 {
		return fmt.Errorf("%w: YaRN rope scaling factor %v", ErrInvalid, f)
	}
	y := &Yarn{CtxOrig: c.RopeCtxOrig, BetaFast: 32, BetaSlow: 1}
	if y.CtxOrig == 0 {
		y.CtxOrig = c.CtxTrain
	}
	for _, b := range []struct {
		dst *float32
		key string
	}{{&y.BetaFast, "rope.scaling.yarn_beta_fast"}, {&y.BetaSlow, "rope.scaling.yarn_beta_slow"}} {
		if v, ok := md.Float(arch + "." + b.key); ok {
			if !(v > 0) || v > 1e4 {
				return fmt.Errorf("%w: metadata %q = %v", ErrInvalid, arch+"."+b.key, v)
			}
			*b.dst = float32(v)
		}
	}
	y.corrDims(c.RopeDim, c.RopeBase)
	c.RopeScale = float32(1 / f)
	c.Yarn = y
	return nil
}

// corrDims sets the ramp's bounds for rope over nRot values with base:
// ggml_rope_yarn_corr_dims in float32.
func (y *Yarn) corrDims(nRot int, base float32) {
	dim := func(beta float32) float32 {
		return float32(nRot) * float32(math.Log(float64(float32(y.CtxOrig)/(beta*2*math.Pi)))) / (2 * float32(math.Log(float64(base))))
	}
	y.low = max(0, float32(math.Floor(float64(dim(y.BetaFast)))))
	y.high = min(float32(nRot-1), float32(math.Ceil(float64(dim(y.BetaSlow)))))
}

// ropeTableYarn fills cos and sin (RopeDim/2 each) for position pos, as
// ggml's rope_yarn does: theta_interp = freqScale * theta_extrap, blended
// by the ramp, and both scaled by attn * (1 + 0.1 ln(1/freqScale)).
func ropeTableYarn(cfg *Config, cos, sin []float32, pos float32) {
	y := cfg.Yarn
	fs := cfg.RopeScale
	mscale := float32(1)
	if !y.pure {
		mscale = cfg.RopeAttnFactor * (1 + 0.1*float32(math.Log(float64(1/fs))))
	}
	thetaScale := float32(math.Pow(float64(cfg.RopeBase), -2.0/float64(cfg.RopeDim)))
	theta := pos
	for i := range cfg.RopeDim / 2 {
		r := (float32(i) - y.low) / max(0.001, y.high-y.low)
		mix := 1 - min(1, max(0, r)) // ext_factor 1
		interp := fs * theta
		t := interp*(1-mix) + theta*mix
		cos[i] = float32(math.Cos(float64(t))) * mscale
		sin[i] = float32(math.Sin(float64(t))) * mscale
		theta *= thetaScale
	}
}
