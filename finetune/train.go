package finetune

import (
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// TrainOptions configure Train. Zero values take the defaults shown.
type TrainOptions struct {
	Rank        int     // 16
	Alpha       float32 // equal to Rank (scale 1)
	LR          float64 // peak learning rate, 2e-4
	Epochs      int     // 1
	Accum       int     // examples per optimizer step (gradient accumulation), 1
	Warmup      int     // warm-up steps of the cosine schedule, 5% of the steps
	WeightDecay float64 // AdamW's decoupled weight decay, 0
	MaxLen      int     // tokens per example (longer ones are cut), 512
	Threads     int     // 2
	Seed        uint64  // shuffling and A's initialization, 1
	// Template names a built-in chat template to render examples with;
	// "" uses the model's own (tokenizer.chat_template).
	Template string
	// Checkpoint is the checkpoint file, written every CheckpointEvery
	// steps (default 20) and at the end; "" means OUT.ckpt. A run whose
	// checkpoint exists and was made with the same model, data and options
	// resumes from it.
	Checkpoint      string
	CheckpointEvery int
	// EvalEvery is how often, in steps, the held-out loss is measured
	// (default: 10 times per run); it is always measured at the end.
	EvalEvery int
	// Progress, when set, is called after every optimizer step.
	Progress func(Progress)
}

// Progress is the state of a training run after a step.
type Progress struct {
	Step, Steps  int
	Loss         float64 // mean masked loss of the step's examples
	EvalLoss     float64 // latest held-out loss (NaN until measured)
	LR           float64
	TokensPerSec float64 // tokens (prompt and answer) per second, this run
}

// TrainResult reports a finished run.
type TrainResult struct {
	Steps             int
	InitialEval       float64 // held-out loss of the base model (NaN without held-out data)
	FinalEval         float64
	TrainTokens       int // tokens processed by this process (resumed steps excluded)
	Seconds           float64
	Resumed           int // steps taken from the checkpoint
	Curve             string
	Adapter           string
	TrainLoss         []float64 // per step
	EvalSteps         []int
	EvalLosses        []float64
	ExamplesTrain     int
	ExamplesHeldout   int
	SkippedNoTarget   int // examples without assistant tokens after cutting
	TokensPerExample  float64
	ForwardBackwardMs float64 // mean time of one example's forward and backward pass
}

func (o *TrainOptions) fill() {
	if o.Rank <= 0 {
		o.Rank = 16
	}
	if o.Alpha == 0 {
		o.Alpha = float32(o.Rank)
	}
	if o.LR <= 0 {
		o.LR = 2e-4
	}
	if o.Epochs <= 0 {
		o.Epochs = 1
	}
	if o.Accum <= 0 {
		o.Accum = 1
	}
	if o.MaxLen <= 0 {
		o.MaxLen = 512
	}
	if o.Threads <= 0 {
		o.Threads = 2
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.CheckpointEvery <= 0 {
		o.CheckpointEvery = 20
	}
}

// sample is a tokenized example: mask[i] says token i is a target.
type sample struct {
	tokens []int32
	mask   []bool
}

// tokenizeExamples renders each example through the chat template: the
// conversation up to its last assistant turn is the prompt (not trained),
// that turn is the target, as the node will prompt the model.
func tokenizeExamples(exs []Example, tmpl *chattemplate.Template, tok *tokenizer.Tokenizer, maxLen int) ([]sample, int, error) {
	bos, eos := tok.Text(tok.BOS()), tok.Text(tok.EOS())
	var out []sample
	skipped := 0
	for n, ex := range exs {
		last := -1
		for i, m := range ex.Messages {
			if m.Role == "assistant" {
				last = i
			}
		}
		if last < 0 {
			return nil, 0, fmt.Errorf("%w: example %d has no assistant turn", ErrData, n+1)
		}
		msgs := make([]chattemplate.Message, last+1)
		for i, m := range ex.Messages[:last+1] {
			msgs[i] = chattemplate.Message{Role: m.Role, Content: m.Content}
		}
		opt := chattemplate.Options{BOSToken: bos, EOSToken: eos, AddGenerationPrompt: true}
		prompt, err := tmpl.Render(msgs[:last], opt)
		if err != nil {
			return nil, 0, fmt.Errorf("finetune: example %d: %w", n+1, err)
		}
		opt.AddGenerationPrompt = false
		full, err := tmpl.Render(msgs, opt)
		if err != nil {
			return nil, 0, fmt.Errorf("finetune: example %d: %w", n+1, err)
		}
		if !strings.HasPrefix(full, prompt) {
			return nil, 0, fmt.Errorf("finetune: the chat template renders a reply that does not continue its prompt (example %d)", n+1)
		}
		answer := full[len(prompt):]
		endEOS := eos != "" && strings.HasSuffix(strings.TrimRight(answer, " \n"), eos)
		if endEOS {
			answer = strings.TrimSuffix(strings.TrimRight(answer, " \n"), eos)
		}
		if bos != "" && strings.HasPrefix(prompt, bos) && tok.AddBOS() {
			prompt = prompt[len(bos):]
		}
		toks := tok.Encode(prompt, true, true)
		np := len(toks)
		toks = tok.AppendEncodeContinuation(toks, answer)
		if endEOS || !strings.Contains(answer, eos) {
			toks = append(toks, tok.EOS())
		}
		if len(toks) > maxLen {
			toks = toks[:maxLen]
		}
		s := sample{tokens: toks, mask: make([]bool, len(toks))}
		for i := np; i < len(toks); i++ {
			s.mask[i] = true
		}
		if np >= len(toks) {
			skipped++
			continue
		}
		out = append(out, s)
	}
	return out, skipped, nil
}

// checkpoint is the saved state of a run (encoding/gob).
type checkpoint struct {
	Key        string
	Step       int
	Params     [][]float32 // per pair: a, b, ma, va, mb, vb
	TrainLoss  []float64
	EvalSteps  []int
	EvalLosses []float64
	Initial    float64
}

// Train trains a LoRA adapter on the model at base (frozen, in its stored
// type) with the training examples, measuring the held-out loss, and
// writes the adapter in llama.cpp's GGUF adapter format to out and the
// loss curves as an SVG picture to out's name with .loss.svg.
func Train(ctx context.Context, base string, train, heldout []Example, out string, opts TrainOptions) (*TrainResult, error) {
	opts.fill()
	if len(train) == 0 {
		return nil, fmt.Errorf("finetune: no training examples")
	}
	bf, err := gguf.Open(base)
	if err != nil {
		return nil, fmt.Errorf("finetune: %w", err)
	}
	defer bf.Close()
	m, err := model.Load(bf.Metadata, bf)
	if err != nil {
		return nil, fmt.Errorf("finetune: %s: %w", base, err)
	}
	tok, err := tokenizer.FromGGUF(bf.Metadata)
	if err != nil {
		return nil, fmt.Errorf("finetune: %s: %w", base, err)
	}
	tmpl, err := loadTemplate(bf.Metadata, opts.Template)
	if err != nil {
		return nil, err
	}
	trainS, skipped, err := tokenizeExamples(train, tmpl, tok, opts.MaxLen)
	if err != nil {
		return nil, err
	}
	evalS, _, err := tokenizeExamples(heldout, tmpl, tok, opts.MaxLen)
	if err != nil {
		return nil, err
	}
	if len(trainS) == 0 {
		return nil, fmt.Errorf("finetune: no training example has assistant tokens within %d tokens", opts.MaxLen)
	}
	nt, err := newNet(m, opts.Rank, opts.Alpha, opts.Threads, opts.Seed)
	if err != nil {
		return nil, err
	}
	perEpoch := (len(trainS) + opts.Accum - 1) / opts.Accum
	steps := perEpoch * opts.Epochs
	if opts.Warmup <= 0 {
		opts.Warmup = max(1, steps/20)
	}
	if opts.EvalEvery <= 0 {
		opts.EvalEvery = max(1, steps/10)
	}
	ckPath := opts.Checkpoint
	if ckPath == "" {
		ckPath = out + ".ckpt"
	}
	key := runKey(bf, trainS, evalS, opts)
	res := &TrainResult{Steps: steps, Adapter: out, Curve: strings.TrimSuffix(out, ".gguf") + ".loss.svg",
		ExamplesTrain: len(trainS), ExamplesHeldout: len(evalS), SkippedNoTarget: skipped}
	ck, err := loadCheckpoint(ckPath, key, nt)
	if err != nil {
		return nil, err
	}
	evalLoss := func() float64 {
		if len(evalS) == 0 {
			return math.NaN()
		}
		var sum float64
		var n int
		for _, s := range evalS {
			l, _, k := lossGrad(nt.forward(s.tokens), s.mask, nt.cfg.Vocab)
			sum += l * float64(k)
			n += k
		}
		return sum / float64(max(n, 1))
	}
	if ck == nil {
		ck = &checkpoint{Key: key, Initial: evalLoss()}
	}
	res.Resumed = ck.Step
	res.InitialEval = ck.Initial
	lastEval := math.NaN()
	if len(ck.EvalLosses) > 0 {
		lastEval = ck.EvalLosses[len(ck.EvalLosses)-1]
	}
	start := time.Now()
	var fbTime time.Duration
	var fbCount int
	for step := ck.Step; step < steps; step++ {
		if err := ctx.Err(); err != nil {
			if serr := saveCheckpoint(ckPath, ck, nt); serr != nil {
				return nil, errors.Join(err, serr)
			}
			return nil, err
		}
		epoch, k := step/perEpoch, step%perEpoch
		order := rand.New(rand.NewPCG(opts.Seed, uint64(epoch))).Perm(len(trainS))
		var lossSum float64
		var batch int
		for _, idx := range order[k*opts.Accum : min((k+1)*opts.Accum, len(order))] {
			s := trainS[idx]
			t0 := time.Now()
			f := nt.forward(s.tokens)
			l, dl, _ := lossGrad(f, s.mask, nt.cfg.Vocab)
			nt.backward(f, dl)
			fbTime += time.Since(t0)
			fbCount++
			lossSum += l
			batch++
			res.TrainTokens += len(s.tokens)
		}
		lr := cosineLR(step, steps, opts.Warmup, opts.LR)
		nt.adamw(step+1, lr, opts.WeightDecay, 1/float32(batch))
		ck.Step = step + 1
		ck.TrainLoss = append(ck.TrainLoss, lossSum/float64(batch))
		if ck.Step%opts.EvalEvery == 0 || ck.Step == steps {
			lastEval = evalLoss()
			ck.EvalSteps = append(ck.EvalSteps, ck.Step)
			ck.EvalLosses = append(ck.EvalLosses, lastEval)
		}
		if ck.Step%opts.CheckpointEvery == 0 || ck.Step == steps {
			if err := saveCheckpoint(ckPath, ck, nt); err != nil {
				return nil, err
			}
		}
		if opts.Progress != nil {
			opts.Progress(Progress{Step: ck.Step, Steps: steps, Loss: ck.TrainLoss[len(ck.TrainLoss)-1], EvalLoss: lastEval,
				LR: lr, TokensPerSec: float64(res.TrainTokens) / time.Since(start).Seconds()})
		}
	}
	res.Seconds = time.Since(start).Seconds()
	if fbCount > 0 {
		res.ForwardBackwardMs = float64(fbTime.Milliseconds()) / float64(fbCount)
	}
	res.FinalEval = lastEval
	res.TrainLoss, res.EvalSteps, res.EvalLosses = ck.TrainLoss, ck.EvalSteps, ck.EvalLosses
	var toks int
	for _, s := range trainS {
		toks += len(s.tokens)
	}
	res.TokensPerExample = float64(toks) / float64(len(trainS))
	if err := writeAdapter(out, bf.Metadata, nt, opts.Alpha); err != nil {
		return nil, err
	}
	if err := writeFile(res.Curve, func(w io.Writer) error { return lossSVG(w, ck) }); err != nil {
		return nil, err
	}
	return res, nil
}

func loadTemplate(md gguf.Metadata, name string) (*chattemplate.Template, error) {
	if name != "" {
		t, ok := chattemplate.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("finetune: template %q is not one of: %s", name, strings.Join(chattemplate.Names(), ", "))
		}
		return t, nil
	}
	src, ok := md.String("tokenizer.chat_template")
	if !ok {
		return nil, fmt.Errorf("finetune: the model has no chat template: name a built-in one (%s)", strings.Join(chattemplate.Names(), ", "))
	}
	t, err := chattemplate.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("finetune: the model's chat template: %w", err)
	}
	return t, nil
}

// runKey identifies a run: the model file, the tokenized data and every
// option that changes the result.
func runKey(bf *gguf.File, train, eval []sample, o TrainOptions) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d|%d|%v|%v|%d|%d|%d|%v|%d|%d|%s|", bf.Size(), len(bf.Tensors), o.Rank, o.Alpha, o.Epochs, o.Accum, o.Warmup, o.LR, o.MaxLen, o.Seed, o.Template)
	fmt.Fprintf(h, "%v|", o.WeightDecay)
	for _, set := range [][]sample{train, eval} {
		for _, s := range set {
			fmt.Fprint(h, s.tokens, s.mask, ";")
		}
		h.Write([]byte{'#'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// cosineLR is the learning rate at step (0-based): linear warm-up to peak,
// then a cosine decay to a tenth of it.
func cosineLR(step, steps, warmup int, peak float64) float64 {
	if step < warmup {
		return peak * float64(step+1) / float64(warmup)
	}
	p := float64(step-warmup) / float64(max(steps-warmup, 1))
	return peak * (0.1 + 0.9*0.5*(1+math.Cos(math.Pi*p)))
}

// adamw applies one AdamW step (step is 1-based) with the accumulated
// gradients times gscale, then clears them.
func (nt *net) adamw(step int, lr, wd float64, gscale float32) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	c1 := 1 - math.Pow(b1, float64(step))
	c2 := 1 - math.Pow(b2, float64(step))
	upd := func(w, g, m, v []float32) {
		for i := range w {
			gi := float64(g[i] * gscale)
			mi := b1*float64(m[i]) + (1-b1)*gi
			vi := b2*float64(v[i]) + (1-b2)*gi*gi
			m[i], v[i] = float32(mi), float32(vi)
			w[i] -= float32(lr * ((mi/c1)/(math.Sqrt(vi/c2)+eps) + wd*float64(w[i])))
			g[i] = 0
		}
	}
	for _, lps := range nt.lora {
		for _, p := range lps {
			if p == nil {
				continue
			}
			upd(p.a, p.ga, p.ma, p.va)
			upd(p.b, p.gb, p.mb, p.vb)
		}
	}
}

func (nt *net) params() [][]float32 {
	var out [][]float32
	for _, lps := range nt.lora {
		for _, p := range lps {
			if p != nil {
				out = append(out, p.a, p.b, p.ma, p.va, p.mb, p.vb)
			}
		}
	}
	return out
}

func saveCheckpoint(path string, ck *checkpoint, nt *net) error {
	ck.Params = nt.params()
	return writeFile(path, func(w io.Writer) error { return gob.NewEncoder(w).Encode(ck) })
}

// loadCheckpoint restores a run from path when it exists and matches key.
func loadCheckpoint(path, key string, nt *net) (*checkpoint, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("finetune: %w", err)
	}
	defer f.Close()
	var ck checkpoint
	if err := gob.NewDecoder(f).Decode(&ck); err != nil {
		return nil, fmt.Errorf("finetune: checkpoint %s is damaged (delete it to start over): %w", path, err)
	}
	if ck.Key != key {
		return nil, fmt.Errorf("finetune: checkpoint %s belongs to another run (model, data or options differ): delete it to start over", path)
	}
	dst := nt.params()
	if len(ck.Params) != len(dst) {
		return nil, fmt.Errorf("finetune: checkpoint %s is damaged: %d tensors, want %d", path, len(ck.Params), len(dst))
	}
	for i := range dst {
		if len(ck.Params[i]) != len(dst[i]) {
			return nil, fmt.Errorf("finetune: checkpoint %s is damaged: tensor %d has %d values, want %d", path, i, len(ck.Params[i]), len(dst[i]))
		}
		copy(dst[i], ck.Params[i])
	}
	ck.Params = nil
	return &ck, nil
}

// writeAdapter writes the trained pairs as a llama.cpp GGUF LoRA adapter
// (F32 tensors).
func writeAdapter(path string, base gguf.Metadata, nt *net, alpha float32) error {
	arch := nt.cfg.Arch
	md := gguf.NewMetadata()
	md.Set("general.architecture", arch)
	md.Set("general.type", "adapter")
	md.Set("adapter.type", "lora")
	md.Set("adapter.lora.alpha", alpha)
	md.Set("general.name", "gaianet finetune")
	var ts []gguf.WriteTensor
	f32 := func(v []float32) []byte {
		b := make([]byte, 4*len(v))
		if err := kernels.Quantize(gguf.TypeF32, v, b); err != nil {
			panic(err)
		}
		return b
	}
	for l, lps := range nt.lora {
		y := &nt.m.Layers[l]
		for _, g := range fusedGroups(y) {
			// One pair for the fused matrix (llama.cpp adapts the stored
			// tensor): A stacks the parts' A, B is block-diagonal, and
			// B is multiplied by the part count because the fused pair's
			// rank (and so alpha/rank) is that many times larger.
			lp := fusePairs(lps, g)
			ts = append(ts,
				gguf.WriteTensor{Name: y.Weight(g[0]).Name + ".lora_a", Dims: []uint64{uint64(lp.in), uint64(lp.rank)}, Type: gguf.TypeF32, Data: f32(lp.a)},
				gguf.WriteTensor{Name: y.Weight(g[0]).Name + ".lora_b", Dims: []uint64{uint64(lp.rank), uint64(lp.out)}, Type: gguf.TypeF32, Data: f32(lp.b)})
		}
		for p, lp := range lps {
			if lp == nil || inFused(y, model.Projection(p)) {
				continue
			}
			name := fmt.Sprintf("blk.%d.%s.weight", l, model.Projection(p))
			ts = append(ts,
				gguf.WriteTensor{Name: name + ".lora_a", Dims: []uint64{uint64(lp.in), uint64(lp.rank)}, Type: gguf.TypeF32, Data: f32(lp.a)},
				gguf.WriteTensor{Name: name + ".lora_b", Dims: []uint64{uint64(lp.rank), uint64(lp.out)}, Type: gguf.TypeF32, Data: f32(lp.b)})
		}
	}
	return writeFile(path, func(w io.Writer) error { return gguf.Write(w, md, ts) })
}

// fusedGroups returns the projections of y stored in one matrix each (q, k
// and v in attn_qkv, gate and up in ffn_up: phi3), in row order.
func fusedGroups(y *model.Layer) [][]model.Projection {
	var out [][]model.Projection
	for _, g := range [][]model.Projection{{model.ProjQ, model.ProjK, model.ProjV}, {model.ProjGate, model.ProjUp}} {
		if y.Weight(g[0]).Data != nil && y.Weight(g[0]).Name == y.Weight(g[1]).Name {
			out = append(out, g)
		}
	}
	return out
}

func inFused(y *model.Layer, p model.Projection) bool {
	for _, g := range fusedGroups(y) {
		if slices.Contains(g, p) {
			return true
		}
	}
	return false
}

// fusePairs returns one pair equal, at its own alpha/rank, to the pairs of
// group g applied to their rows of a fused matrix.
func fusePairs(lps [model.NumProjections]*loraParam, g []model.Projection) *loraParam {
	r, in := lps[g[0]].rank, lps[g[0]].in
	out := 0
	for _, p := range g {
		out += lps[p].out
	}
	rank := r * len(g)
	f := &loraParam{rank: rank, in: in, out: out, a: make([]float32, rank*in), b: make([]float32, out*rank)}
	row := 0
	for i, p := range g {
		lp := lps[p]
		copy(f.a[i*r*in:], lp.a)
		for o := range lp.out {
			for k := range r {
				f.b[(row+o)*rank+i*r+k] = lp.b[o*r+k] * float32(len(g))
			}
		}
		row += lp.out
	}
	return f
}

// lossSVG draws the training loss per step and the held-out loss.
func lossSVG(w io.Writer, ck *checkpoint) error {
	const wd, ht, pad = 640, 360, 48
	hi, lo := math.Inf(-1), math.Inf(1)
	for _, v := range append(append([]float64{ck.Initial}, ck.TrainLoss...), ck.EvalLosses...) {
		if !math.IsNaN(v) {
			hi, lo = max(hi, v), min(lo, v)
		}
	}
	if !(hi > lo) {
		hi, lo = lo+1, lo-1
	}
	n := max(len(ck.TrainLoss), 1)
	x := func(step float64) float64 { return pad + step/float64(n)*(wd-2*pad) }
	y := func(v float64) float64 { return ht - pad - (v-lo)/(hi-lo)*(ht-2*pad) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", wd, ht)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>`+"\n",
		pad, ht-pad, wd-pad, ht-pad, pad, pad, pad, ht-pad)
	fmt.Fprintf(&b, `<text x="%d" y="%d">%.3f</text><text x="%d" y="%d">%.3f</text><text x="%d" y="%d">step %d</text>`+"\n",
		4, pad+4, hi, 4, ht-pad, lo, wd-pad-40, ht-pad+20, n)
	b.WriteString(`<polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="`)
	for i, v := range ck.TrainLoss {
		fmt.Fprintf(&b, "%.1f,%.1f ", x(float64(i+1)), y(v))
	}
	b.WriteString("\"/>\n")
	if !math.IsNaN(ck.Initial) {
		b.WriteString(`<polyline fill="none" stroke="#d62728" stroke-width="2" points="`)
		fmt.Fprintf(&b, "%.1f,%.1f ", x(0), y(ck.Initial))
		for i, s := range ck.EvalSteps {
			fmt.Fprintf(&b, "%.1f,%.1f ", x(float64(s)), y(ck.EvalLosses[i]))
		}
		b.WriteString("\"/>\n")
	}
	fmt.Fprintf(&b, `<text x="%d" y="20" fill="#1f77b4">training loss</text><text x="%d" y="20" fill="#d62728">held-out loss</text>`+"\n</svg>\n", pad, pad+120)
	_, err := io.WriteString(w, b.String())
	return err
}
