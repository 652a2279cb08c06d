package model

import (
	"fmt"
	"math"
)

// YaRN is rope scaling by YaRN (DeepSeek V2): frequencies are interpolated
// by FreqScale except for the fastest ones, which a ramp between the
// correction dimensions keeps extrapolated, and cos and sin are scaled by
// Mscale. The fields are those llama.cpp derives from the GGUF metadata
// and its context defaults (llama_context's yarn_* parameters).
type YaRN struct {
	FreqScale  float32 // 1/rope.scaling.factor
	ExtFactor  float32 // rope.scaling.yarn_ext_factor, 1 by default
	BetaFast   float32 // 32 by default
	BetaSlow   float32 // 1 by default
	OrigCtx    int     // rope.scaling.original_context_length
	AttnFactor float32 // llama.cpp's yarn_attn_factor (before the kernel's own mscale)
	// Mscale multiplies cos and sin: AttnFactor times the kernel's
	// 1+0.1*ln(1/FreqScale) when ExtFactor is not 0.
	Mscale float32
	// corr are the start and end correction dimensions of the ramp.
	corr [2]float32
}

// yarnMscale is llama.cpp's get_mscale: 0.1*m*ln(s)+1 for a scale s > 1.
func yarnMscale(s, m float32) float32 {
	if s <= 1 {
		return 1
	}
	return 0.1*m*float32(math.Log(float64(s))) + 1
}

// readYaRN reads YaRN's parameters under prefix key(...). logMul is the
// mscale_all_dim the architecture read (0 when it has none); deepseek2
// passes it because llama.cpp then uses it as mscale too.
func readYaRN(md Metadata, key func(string) string, c *Config, logMul float32, mscaleIsLogMul bool) error {
	f, ok := md.Float(key("rope.scaling.factor"))
	if !ok || f == 0 {
		f = 1
	}
	if !(f > 0) || f > 1e4 {
		return fmt.Errorf("%w: YaRN factor %v", ErrInvalid, f)
	}
	y := &YaRN{FreqScale: float32(1 / f), ExtFactor: 1, BetaFast: 32, BetaSlow: 1, OrigCtx: c.CtxTrain}
	for _, p := range []struct {
		dst  *float32
		name string
	}{{&y.ExtFactor, "rope.scaling.yarn_ext_factor"}, {&y.BetaFast, "rope.scaling.yarn_beta_fast"}, {&y.BetaSlow, "rope.scaling.yarn_beta_slow"}} {
		if v, ok := md.Float(key(p.name)); ok {
			if !(v >= 0) || v > 1e4 {
				return fmt.Errorf("%w: metadata %q = %v", ErrInvalid, key(p.name), v)
			}
			*p.dst = float32(v)
		}
	}
	if c.RopeCtxOrig > 0 {
		y.OrigCtx = c.RopeCtxOrig
	}
	// llama_context: the attention factor, then the kernel's own mscale
	// cancelled, then rope.scaling.attn_factor.
	y.AttnFactor = 1
	if y.ExtFactor != 0 {
		factor := 1 / y.FreqScale
		if logMul != 0 {
			m := float32(1)
			if mscaleIsLogMul && logMul != 1 {
				m = logMul
			}
			y.AttnFactor = yarnMscale(factor, m) / yarnMscale(factor, logMul)
		} else {
			y.AttnFactor = yarnMscale(factor, 1)
		}
		y.AttnFactor *= 1 / (1 + 0.1*float32(math.Log(float64(factor))))
	}
	if v, ok := md.Float(key("rope.scaling.attn_factor")); ok && v != 0 {
		y.AttnFactor *= float32(v) // checked by readConfig
	}
	c.RopeAttnFactor = 1 // folded into Mscale
	y.Mscale = y.AttnFactor
	if y.ExtFactor != 0 {
		y.Mscale *= 1 + 0.1*float32(math.Log(float64(1/y.FreqScale)))
	}
	// ggml_rope_yarn_corr_dims.
	corr := func(beta float32) float32 {
		return float32(c.RopeDim) * float32(math.Log(float64(float32(y.OrigCtx)/(beta*2*math.Pi)))) / (2 * float32(math.Log(float64(c.RopeBase))))
	}
	y.corr[0] = max(0, float32(math.Floor(float64(corr(y.BetaFast)))))
	y.corr[1] = min(float32(c.RopeDim-1), float32(math.Ceil(float64(corr(y.BetaSlow)))))
	c.YaRN = y
	return nil
}

// ropeTableYaRN fills cos and sin for position pos as ggml's rope_yarn
// does: theta per frequency in float32 as a running product, mixed between
// interpolated and extrapolated by the ramp, times Mscale.
func ropeTableYaRN(cfg *Config, factors, cos, sin []float32, pos float32) {
	y := cfg.YaRN
	thetaScale := float32(math.Pow(float64(cfg.RopeBase), -2.0/float64(cfg.RopeDim)))
	theta := pos
	lo, hi := y.corr[0], y.corr[1]
	for i := range cos {
		extrap := theta
		if factors != nil {
			extrap /= factors[i]
		}
		interp := y.FreqScale * extrap
		t := interp
		if y.ExtFactor != 0 {
			r := (float32(i) - lo) / max(0.001, hi-lo)
			mix := (1 - min(1, max(0, r))) * y.ExtFactor
			t = interp*(1-mix) + extrap*mix
		}
		cos[i] = float32(math.Cos(float64(t))) * y.Mscale
		sin[i] = float32(math.Sin(float64(t))) * y.Mscale
		theta *= thetaScale
	}
}
