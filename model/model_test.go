package model_test

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/model/modeltest"
)

func open(t *testing.T, s modeltest.Spec) (*model.Model, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.gguf")
	if err := modeltest.Write(path, s); err != nil {
		t.Fatal(err)
	}
	f, err := gguf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return model.Load(f.Metadata, f)
}

func TestLoadArchitectures(t *testing.T) {
	tests := []struct {
		spec  modeltest.Spec
		check func(*testing.T, *model.Model)
	}{
		{modeltest.Spec{Arch: "llama"}, func(t *testing.T, m *model.Model) {
			if m.Config.RopeOrder != model.RopeNormal || m.Config.TiedOutput || m.Layers[0].Bq != nil {
				t.Errorf("llama config %+v", m.Config)
			}
		}},
		{modeltest.Spec{Arch: "llama", Tied: true, Type: gguf.TypeQ8_0}, func(t *testing.T, m *model.Model) {
			if !m.Config.TiedOutput || &m.Output.Data[0] != &m.TokenEmbd.Data[0] {
				t.Errorf("tied output not bound to token_embd")
			}
		}},
		{modeltest.Spec{Arch: "qwen2"}, func(t *testing.T, m *model.Model) {
			if m.Config.RopeOrder != model.RopeNeox || len(m.Layers[1].Bk) != m.Config.KVDim() {
				t.Errorf("qwen2: order %v, bias %d", m.Config.RopeOrder, len(m.Layers[1].Bk))
			}
		}},
		{modeltest.Spec{Arch: "qwen3", HeadDim: 32}, func(t *testing.T, m *model.Model) {
			if m.Config.HeadDim != 32 || m.Config.QDim() != 128 || len(m.Layers[0].QNorm) != 32 {
				t.Errorf("qwen3 config %+v", m.Config)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.spec.Arch, func(t *testing.T) {
			m, err := open(t, tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			if m.Config.Vocab != 64 || m.Config.Layers != 2 || m.Config.Heads != 4 || m.Config.KVHeads != 2 {
				t.Fatalf("config %+v", m.Config)
			}
			tc.check(t, m)
		})
	}
}

func TestLoadBroken(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor
		is    error
		words []string // the error must mention each
	}{
		{"missing tensor", func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			return modeltest.Remove(ts, "blk.1.ffn_up.weight")
		}, model.ErrInvalid, []string{"blk.1.ffn_up.weight", "missing"}},
		{"wrong shape", func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			for i := range ts {
				if ts[i].Name == "blk.0.attn_k.weight" {
					ts[i].Dims = []uint64{32, 64} // 32x64 bytes reinterpreted: same size, wrong shape
				}
			}
			return ts
		}, model.ErrInvalid, []string{"blk.0.attn_k.weight", "[32 64]", "want [64 32]"}},
		{"wrong norm length", func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			for i := range ts {
				if ts[i].Name == "output_norm.weight" {
					ts[i].Dims = []uint64{32}
					ts[i].Data = ts[i].Data[:128]
				}
			}
			return ts
		}, model.ErrInvalid, []string{"output_norm.weight", "want [64]"}},
		{"unsupported arch", func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			md.Set("general.architecture", "mamba")
			return ts
		}, model.ErrUnsupported, []string{"mamba"}},
		{"unsupported type", func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			for i := range ts {
				if ts[i].Name == "blk.0.ffn_gate.weight" {
					ts[i].Type = gguf.TypeI16
					ts[i].Data = ts[i].Data[:len(ts[i].Data)/2]
				}
			}
			return ts
		}, model.ErrUnsupported, []string{"blk.0.ffn_gate.weight", "I16"}},
		{"missing hyperparameter", func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			*md = without(*md, "llama.block_count")
			return ts
		}, model.ErrInvalid, []string{"llama.block_count"}},
		{"heads not dividing", func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			md.Set("llama.attention.head_count_kv", uint32(3))
			return ts
		}, model.ErrInvalid, []string{"KV heads"}},
		{"rope scaling", func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor {
			md.Set("llama.rope.scaling.type", "dynamic")
			return ts
		}, model.ErrUnsupported, []string{"dynamic"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := open(t, modeltest.Spec{Edit: tc.edit})
			if err == nil {
				t.Fatal("Load succeeded")
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", err, tc.is)
			}
			for _, w := range tc.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func without(md gguf.Metadata, key string) gguf.Metadata {
	var kvs []gguf.KV
	for _, kv := range md.KVs() {
		if kv.Key != key {
			kvs = append(kvs, kv)
		}
	}
	return gguf.NewMetadata(kvs...)
}

// TestForwardMatchesNaive compares the engine's forward pass with a plain
// float64 transcription of each architecture, position by position.
func TestForwardMatchesNaive(t *testing.T) {
	for _, spec := range []modeltest.Spec{
		{Arch: "llama", Seed: 1},
		{Arch: "llama", Seed: 2, Tied: true, KVHeads: 1},
		{Arch: "qwen2", Seed: 3},
		{Arch: "qwen3", Seed: 4, HeadDim: 32},
	} {
		t.Run(spec.Arch, func(t *testing.T) {
			m, err := open(t, spec)
			if err != nil {
				t.Fatal(err)
			}
			toks := []int32{1, 5, 9, 33, 2, 63, 17}
			n := len(toks)
			st := model.NewState(m, 4, 16, 2) // chunks of 4 exercise chunking
			defer st.Close()
			c, err := model.NewCache(m, 1, 16, gguf.TypeF16)
			if err != nil {
				t.Fatal(err)
			}
			b := model.Batch{Tokens: toks, Pos: seq(n), Slot: make([]int32, n), Logits: trues(n)}
			got, err := m.Forward(context.Background(), st, c, b)
			if err != nil {
				t.Fatal(err)
			}
			want := naiveForward(t, m, toks)
			v := m.Config.Vocab
			for i := range n {
				if e := relErr(got[i*v:(i+1)*v], want[i]); e > 2e-3 {
					t.Errorf("position %d: relative error %.2g", i, e)
				}
			}
		})
	}
}

// TestBatchEqualsIncremental checks that one prompt evaluated at once, the
// same prompt token by token, and two sequences sharing one batch all give
// the same logits.
func TestBatchEqualsIncremental(t *testing.T) {
	m, err := open(t, modeltest.Spec{Arch: "qwen2", Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st := model.NewState(m, 16, 16, 2)
	defer st.Close()
	c, _ := model.NewCache(m, 2, 16, gguf.TypeF16)
	a := []int32{3, 1, 4, 1, 5, 9, 2, 6}
	bt := []int32{2, 7, 1, 8, 2, 8}
	v := m.Config.Vocab
	full, err := m.Forward(ctx, st, c, model.Batch{Tokens: a, Pos: seq(len(a)), Slot: make([]int32, len(a)), Logits: trues(len(a))})
	if err != nil {
		t.Fatal(err)
	}
	full = append([]float32(nil), full...)
	// Slot 1 runs b's first half, then a decode step of both sequences
	// together: slot 0 restarts a one token at a time in slot 0 alongside.
	for i := range a {
		batch := model.Batch{Tokens: []int32{a[i]}, Pos: []int32{int32(i)}, Slot: []int32{0}, Logits: []bool{true}}
		if i < len(bt) {
			batch.Tokens = append(batch.Tokens, bt[i])
			batch.Pos = append(batch.Pos, int32(i))
			batch.Slot = append(batch.Slot, 1)
			batch.Logits = append(batch.Logits, false)
		}
		got, err := m.Forward(ctx, st, c, batch)
		if err != nil {
			t.Fatal(err)
		}
		if e := relErr(got[:v], f64(full[i*v:(i+1)*v])); e > 1e-5 {
			t.Fatalf("step %d: incremental differs from batch by %.2g", i, e)
		}
	}
	// Slot 1 alone, fresh, must match what it computed while sharing.
	c2, _ := model.NewCache(m, 1, 16, gguf.TypeF16)
	alone, err := m.Forward(ctx, st, c2, model.Batch{Tokens: bt, Pos: seq(len(bt)), Slot: make([]int32, len(bt)), Logits: trues(len(bt))})
	if err != nil {
		t.Fatal(err)
	}
	alone = append([]float32(nil), alone...)
	next, err := m.Forward(ctx, st, c, model.Batch{Tokens: []int32{5}, Pos: []int32{int32(len(bt))}, Slot: []int32{1}, Logits: []bool{true}})
	if err != nil {
		t.Fatal(err)
	}
	next = append([]float32(nil), next...)
	nextAlone, _ := m.Forward(ctx, st, c2, model.Batch{Tokens: []int32{5}, Pos: []int32{int32(len(bt))}, Slot: []int32{0}, Logits: []bool{true}})
	if e := relErr(next, f64(nextAlone)); e > 1e-5 {
		t.Fatalf("shared-batch sequence differs from lone sequence by %.2g", e)
	}
	_ = alone
}

func TestForwardRejectsBadBatch(t *testing.T) {
	m, err := open(t, modeltest.Spec{})
	if err != nil {
		t.Fatal(err)
	}
	st := model.NewState(m, 4, 8, 1)
	defer st.Close()
	c, _ := model.NewCache(m, 1, 8, gguf.TypeF16)
	for name, b := range map[string]model.Batch{
		"token":  {Tokens: []int32{64}, Pos: []int32{0}, Slot: []int32{0}, Logits: []bool{true}},
		"pos":    {Tokens: []int32{1}, Pos: []int32{8}, Slot: []int32{0}, Logits: []bool{true}},
		"slot":   {Tokens: []int32{1}, Pos: []int32{0}, Slot: []int32{1}, Logits: []bool{true}},
		"length": {Tokens: []int32{1}, Pos: []int32{0}, Slot: []int32{0}},
	} {
		if _, err := m.Forward(context.Background(), st, c, b); !errors.Is(err, model.ErrBatch) {
			t.Errorf("%s: error %v, want ErrBatch", name, err)
		}
	}
}

func seq(n int) []int32 {
	p := make([]int32, n)
	for i := range p {
		p[i] = int32(i)
	}
	return p
}

func trues(n int) []bool {
	b := make([]bool, n)
	for i := range b {
		b[i] = true
	}
	return b
}

func f64(x []float32) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = float64(v)
	}
	return out
}

func relErr(got []float32, want []float64) float64 {
	var d, n float64
	for i, w := range want {
		e := float64(got[i]) - w
		d += e * e
		n += w * w
	}
	return math.Sqrt(d / n)
}

// naiveForward is an independent float64 transcription of the decoder:
// weights dequantized to float64, attention over all earlier positions.
func naiveForward(t *testing.T, m *model.Model, toks []int32) [][]float64 {
	cfg := m.Config
	deq := func(w model.Weight) [][]float64 {
		out := make([][]float64, w.Rows)
		row := make([]float32, w.Cols)
		for r := range out {
			if err := kernels.Dequantize(w.Type, w.Row(r), row); err != nil {
				t.Fatal(err)
			}
			out[r] = f64(row)
		}
		return out
	}
	matvec := func(w [][]float64, x []float64) []float64 {
		y := make([]float64, len(w))
		for r, row := range w {
			for c, v := range row {
				y[r] += v * x[c]
			}
		}
		return y
	}
	rms := func(x []float64, w []float32) []float64 {
		var s float64
		for _, v := range x {
			s += v * v
		}
		sc := 1 / math.Sqrt(s/float64(len(x))+float64(cfg.NormEps))
		y := make([]float64, len(x))
		for i, v := range x {
			y[i] = v * sc * float64(w[i])
		}
		return y
	}
	ropeHead := func(h []float64, pos int) {
		half := cfg.RopeDim / 2
		for i := range half {
			ang := float64(pos) * math.Pow(float64(cfg.RopeBase), -2*float64(i)/float64(cfg.RopeDim))
			c, s := math.Cos(ang), math.Sin(ang)
			a, b := 2*i, 2*i+1
			if cfg.RopeOrder == model.RopeNeox {
				a, b = i, i+half
			}
			x0, x1 := h[a], h[b]
			h[a], h[b] = x0*c-x1*s, x0*s+x1*c
		}
	}
	emb := deq(m.TokenEmbd)
	out := deq(m.Output)
	hd := cfg.HeadDim
	type layerW struct{ q, k, v, o, g, u, d [][]float64 }
	lw := make([]layerW, cfg.Layers)
	for l, y := range m.Layers {
		lw[l] = layerW{deq(y.Wq), deq(y.Wk), deq(y.Wv), deq(y.Wo), deq(y.Gate), deq(y.Up), deq(y.Down)}
	}
	xs := make([][]float64, len(toks))
	for i, tk := range toks {
		xs[i] = append([]float64(nil), emb[tk]...)
	}
	for l, y := range m.Layers {
		w := lw[l]
		qs := make([][]float64, len(toks))
		ks := make([][]float64, len(toks))
		vs := make([][]float64, len(toks))
		for i := range toks {
			h := rms(xs[i], y.AttnNorm)
			qs[i], ks[i], vs[i] = matvec(w.q, h), matvec(w.k, h), matvec(w.v, h)
			for j := range qs[i] {
				if y.Bq != nil {
					qs[i][j] += float64(y.Bq[j])
				}
			}
			for j := range ks[i] {
				if y.Bk != nil {
					ks[i][j] += float64(y.Bk[j])
					vs[i][j] += float64(y.Bv[j])
				}
			}
			for hh := range cfg.Heads {
				head := qs[i][hh*hd : (hh+1)*hd]
				if y.QNorm != nil {
					copy(head, rms(head, y.QNorm))
				}
				ropeHead(head, i)
			}
			for hh := range cfg.KVHeads {
				head := ks[i][hh*hd : (hh+1)*hd]
				if y.KNorm != nil {
					copy(head, rms(head, y.KNorm))
				}
				ropeHead(head, i)
			}
		}
		for i := range toks {
			att := make([]float64, cfg.QDim())
			for hh := range cfg.Heads {
				kvh := hh / (cfg.Heads / cfg.KVHeads)
				sc := make([]float64, i+1)
				mx := math.Inf(-1)
				for p := 0; p <= i; p++ {
					for j := range hd {
						sc[p] += qs[i][hh*hd+j] * ks[p][kvh*hd+j]
					}
					sc[p] /= math.Sqrt(float64(hd))
					mx = math.Max(mx, sc[p])
				}
				var sum float64
				for p := range sc {
					sc[p] = math.Exp(sc[p] - mx)
					sum += sc[p]
				}
				for p := range sc {
					for j := range hd {
						att[hh*hd+j] += sc[p] / sum * vs[p][kvh*hd+j]
					}
				}
			}
			o := matvec(w.o, att)
			for j := range o {
				xs[i][j] += o[j]
			}
			h := rms(xs[i], y.FFNNorm)
			g, u := matvec(w.g, h), matvec(w.u, h)
			for j := range g {
				g[j] = g[j] / (1 + math.Exp(-g[j])) * u[j]
			}
			d := matvec(w.d, g)
			for j := range d {
				xs[i][j] += d[j]
			}
		}
	}
	res := make([][]float64, len(toks))
	for i := range toks {
		res[i] = matvec(out, rms(xs[i], m.OutputNorm))
	}
	return res
}
