package model

import (
	"fmt"
	"math"

	"github.com/gaianet-go/gaianet/kernels"
)

// MoE variants beyond Mixtral's (moe.go), as llama.cpp's build_moe_ffn
// runs them for deepseek2 and llama4:
//
//   - gating by softmax or sigmoid of the router logits, with an optional
//     selection bias (exp_probs_b, DeepSeek V3) that changes which experts
//     are chosen but not their weights;
//   - group-limited routing (expert_group_count, expert_group_used_count):
//     the experts are split into groups, each group scored by the sum of
//     its two best selection scores, and only the best groups' experts
//     may be chosen;
//   - the chosen weights optionally renormalized (expert_weights_norm) and
//     scaled (expert_weights_scale, DeepSeek's routed_scaling_factor);
//   - Llama 4's routing: the top experts by raw logit, weighted by the
//     sigmoid of their logit, the weight multiplying the expert's input
//     rather than its output;
//   - shared experts: a dense SwiGLU block beside the routed experts whose
//     output is added to theirs (ffn_{gate,up,down}_shexp);
//   - MoE only on some layers: the first LeadDense layers are dense
//     (deepseek2), or only every EveryN-th layer is MoE (llama4).

// MoEConfig holds the routing variant of a MoE model other than Mixtral's.
type MoEConfig struct {
	Sigmoid     bool    // probabilities are sigmoid(logits), not softmax
	NormWeights bool    // renormalize the chosen weights to sum to 1
	Scale       float32 // multiplies the chosen weights; 0 means none
	// Groups and GroupsUsed are the expert groups and how many of them a
	// token may choose from (0: no group limit).
	Groups, GroupsUsed int
	// ByLogit selects by raw logits and weights the expert's input
	// (Llama 4).
	ByLogit bool
	// LeadDense layers come first without experts; when EveryN > 0 only
	// layers l with (l+1)%EveryN == 0 have experts.
	LeadDense, EveryN int
	// SharedFFN is the hidden length of the shared experts together (0:
	// none).
	SharedFFN int
}

// isMoELayer reports whether layer l has routed experts.
func (c *Config) isMoELayer(l int) bool {
	if c.Experts == 0 {
		return false
	}
	if m := c.MoE; m != nil {
		if l < m.LeadDense {
			return false
		}
		if m.EveryN > 0 && (l+1)%m.EveryN != 0 {
			return false
		}
	}
	return true
}

// checkGroups validates the group-limited routing sizes as llama.cpp's
// loader does.
func (m *MoEConfig) checkGroups(experts int) error {
	if m.Groups <= 1 {
		m.Groups, m.GroupsUsed = 0, 0
		return nil
	}
	if m.Groups >= experts || experts%m.Groups != 0 || m.GroupsUsed < 1 || m.GroupsUsed >= m.Groups {
		return fmt.Errorf("%w: %d experts in %d groups, %d used", ErrInvalid, experts, m.Groups, m.GroupsUsed)
	}
	return nil
}

// sharedScratch is the State's memory for the variants: selection scores
// and group scores per entry, and the shared experts' output.
type sharedScratch struct {
	selScore []float32 // Experts: one entry's selection scores
	group    []float32 // Groups: one entry's group scores
	gsel     []int32   // GroupsUsed
	shOut    []float32 // maxBatch x Dim
}

func newSharedScratch(c *Config, maxBatch int) sharedScratch {
	m := c.MoE
	return sharedScratch{
		selScore: make([]float32, c.Experts),
		group:    make([]float32, m.Groups),
		gsel:     make([]int32, m.GroupsUsed),
		shOut:    make([]float32, maxBatch*c.Dim),
	}
}

// topK writes the indices of the len(sel) largest values of v into sel,
// best first, the lowest index first on ties (a stable descending sort's
// order, as llama.cpp's argsort picks).
func topK(v []float32, sel []int32) {
	for r := range sel {
		best := -1
		for x, s := range v {
			if taken(sel[:r], x) {
				continue
			}
			if best < 0 || s > v[best] {
				best = x
			}
		}
		sel[r] = int32(best)
	}
}

// routeVariant picks the experts of n entries from the router logits in
// s.router under cfg.MoE and groups the choices by expert, as route does.
func (st *State) routeVariant(n int, bias []float32) {
	cfg := &st.m.Config
	mc := cfg.MoE
	s, v := &st.moe, &st.shared
	e, k := cfg.Experts, cfg.ExpertsUsed
	for i := range n {
		logits := s.router[i*e : (i+1)*e]
		sel, w := s.sel[i*k:(i+1)*k], s.w[i*k:(i+1)*k]
		score := v.selScore
		if mc.ByLogit {
			copy(score, logits)
			topK(score, sel)
			for r, x := range sel {
				w[r] = sigmoid(logits[x])
			}
		} else {
			// probs overwrite the logits; the selection score adds the bias.
			if mc.Sigmoid {
				for x, l := range logits {
					logits[x] = sigmoid(l)
				}
			} else {
				kernels.SoftmaxVec(logits)
			}
			copy(score, logits)
			if bias != nil {
				kernels.Add(score, score, bias)
			}
			if mc.Groups > 1 {
				maskGroups(score, mc.Groups, v.group, v.gsel)
			}
			topK(score, sel)
			for r, x := range sel {
				w[r] = logits[x]
			}
		}
		if mc.NormWeights {
			var sum float32
			for _, x := range w {
				sum += x
			}
			sum = max(sum, 6.103515625e-5)
			for r := range w {
				w[r] /= sum
			}
		}
		if mc.Scale != 0 {
			for r := range w {
				w[r] *= mc.Scale
			}
		}
	}
	s.groupByExpert(cfg, n)
}

// maskGroups keeps the scores of the best len(gsel) groups of experts (a
// group's score is the sum of its two best) and sets the others to -Inf.
func maskGroups(score []float32, groups int, gscore []float32, gsel []int32) {
	per := len(score) / groups
	for g := range groups {
		var top [2]int32
		topK(score[g*per:(g+1)*per], top[:min(2, per)])
		gscore[g] = score[g*per+int(top[0])]
		if per > 1 {
			gscore[g] += score[g*per+int(top[1])]
		}
	}
	topK(gscore, gsel)
	for g := range groups {
		if !taken(gsel, g) {
			for x := g * per; x < (g+1)*per; x++ {
				score[x] = float32(math.Inf(-1))
			}
		}
	}
}

func sigmoid(x float32) float32 { return float32(1 / (1 + math.Exp(-float64(x)))) }

// moeVariant writes the output of layer y's routed experts (routed by
// cfg.MoE) plus its shared experts for the n normalized rows of st.xb
// back into st.xb.
func (st *State) moeVariant(y *Layer, n int) error {
	cfg := &st.m.Config
	s, v := &st.moe, &st.shared
	d := cfg.Dim
	// Shared experts first: they read the same input, which the routed
	// experts' sum overwrites.
	if y.ShGate.Data != nil {
		sf := cfg.MoE.SharedFFN
		st.linear2(st.xb[:n*d], n, &y.ShGate, st.gate[:n*sf], &y.ShUp, st.up[:n*sf])
		kernels.SwiGLU(st.gate[:n*sf], st.gate[:n*sf], st.up[:n*sf])
		if err := st.linear(&y.ShDown, st.gate[:n*sf], n, v.shOut[:n*d]); err != nil {
			return err
		}
	}
	if err := st.linear(&y.Router, st.xb[:n*d], n, s.router[:n*cfg.Experts]); err != nil {
		return err
	}
	st.routeVariant(n, y.ExpProbsB)
	if err := st.runExperts(y, n, cfg.MoE.ByLogit); err != nil {
		return err
	}
	if y.ShGate.Data != nil {
		kernels.Add(st.xb[:n*d], st.xb[:n*d], v.shOut[:n*d])
	}
	return nil
}

// runExperts runs the experts chosen for n entries (st.moe after routing)
// on the normalized rows of st.xb, each expert's matrices read once for
// all the entries that chose it, and writes their weighted sum, added in
// rank order as llama.cpp adds them, back into st.xb. byInput multiplies
// each expert's input by its weight instead of its output (Llama 4).
func (st *State) runExperts(y *Layer, n int, byInput bool) error {
	cfg := &st.m.Config
	s := &st.moe
	d, ef, k := cfg.Dim, cfg.ExpertFFN, cfg.ExpertsUsed
	for x := range cfg.Experts {
		rows := s.rows[s.start[x]:s.start[x+1]]
		cnt := len(rows)
		if cnt == 0 {
			continue
		}
		for j, r := range rows {
			i := int(r) / k
			dst := s.x[j*d : (j+1)*d]
			copy(dst, st.xb[i*d:(i+1)*d])
			if byInput {
				kernels.Scale(dst, s.w[r])
			}
		}
		gate, up, down := y.ExpGate.view(x*ef, ef), y.ExpUp.view(x*ef, ef), y.ExpDown.view(x*d, d)
		st.linear2(s.x[:cnt*d], cnt, &gate, st.gate[:cnt*ef], &up, st.up[:cnt*ef])
		if cfg.OAIMoE {
			addRows(st.gate, cnt, ef, y.ExpGateB[x*ef:(x+1)*ef])
			addRows(st.up, cnt, ef, y.ExpUpB[x*ef:(x+1)*ef])
			swigluOAI(st.gate[:cnt*ef], st.up[:cnt*ef])
		} else {
			kernels.SwiGLU(st.gate[:cnt*ef], st.gate[:cnt*ef], st.up[:cnt*ef])
		}
		if err := st.linear(&down, st.gate[:cnt*ef], cnt, s.y[:cnt*d]); err != nil {
			return err
		}
		if cfg.OAIMoE {
			addRows(s.y, cnt, d, y.ExpDownB[x*d:(x+1)*d])
		}
		for j, r := range rows {
			copy(s.out[int(r)*d:(int(r)+1)*d], s.y[j*d:(j+1)*d])
		}
	}
	for i := range n {
		dst := st.xb[i*d : (i+1)*d]
		for r := range k {
			o := s.out[(i*k+r)*d : (i*k+r+1)*d]
			if !byInput {
				kernels.Scale(o, s.w[i*k+r])
			}
			if r == 0 {
				copy(dst, o)
			} else {
				kernels.Add(dst, dst, o)
			}
		}
	}
	return nil
}

// loadMoEVariant binds layer p's feed-forward: dense, or routed experts
// (with the optional selection bias) and shared experts.
func loadMoEVariant(l *loader, c *Config, p string, i int, y *Layer, has func(string) bool) {
	d := c.Dim
	if !c.isMoELayer(i) {
		y.Gate = l.matrix(p+"ffn_gate.weight", c.FFN, d)
		y.Up = l.matrix(p+"ffn_up.weight", c.FFN, d)
		y.Down = l.matrix(p+"ffn_down.weight", d, c.FFN)
		return
	}
	e, ef := c.Experts, c.ExpertFFN
	y.Router = l.matrix(p+"ffn_gate_inp.weight", e, d)
	if has(p + "exp_probs_b.bias") {
		y.ExpProbsB = l.vector(p+"exp_probs_b.bias", e)
	}
	y.ExpGate = l.experts(p+"ffn_gate_exps.weight", ef, d, e)
	y.ExpUp = l.experts(p+"ffn_up_exps.weight", ef, d, e)
	y.ExpDown = l.experts(p+"ffn_down_exps.weight", d, ef, e)
	if sf := c.MoE.SharedFFN; sf > 0 {
		y.ShGate = l.matrix(p+"ffn_gate_shexp.weight", sf, d)
		y.ShUp = l.matrix(p+"ffn_up_shexp.weight", sf, d)
		y.ShDown = l.matrix(p+"ffn_down_shexp.weight", d, sf)
	}
}
