package embedding

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// nomicSpec describes a tiny random nomic-bert model.
type nomicSpec struct {
	d, heads, layers, ff, vocab, ctx int
	eps, ropeBase                    float64
	nRot                             int // rope.dimension_count; 0: absent (whole heads)
	pooling                          Pooling
	typ                              gguf.TensorType // F32 or F16 matrices
	qkvBias                          bool
}

// nomicRef is a float64 nomic-bert, written from the architecture as
// llama.cpp's llm_build_bert runs it for LLM_ARCH_NOMIC_BERT: token +
// token-type-0 embeddings, layer norm; per layer a fused QKV projection,
// NeoX rope (all head dimensions, rope.freq_base) on Q and K, softmax
// attention scaled by 1/sqrt(head_dim) within the sequence, output
// projection, residual + layer norm, then up/gate projections combined as
// silu(gate)*up, down projection, residual + layer norm; finally pooling.
type nomicRef struct {
	spec                     nomicSpec
	tok, typ                 [][]float64 // [vocab][d], [2][d]
	embNorm, embNormB        []float64
	layers                   []nomicRefLayer
	ropeBase                 float64
	tensors                  []gguf.WriteTensor
	rng                      *rand.Rand
	scaleMatrix, scaleVector float64
}

type nomicRefLayer struct {
	qkv, o, up, gate, down [][]float64 // [rows][cols]
	qkvB                   []float64
	n1, n1b, n2, n2b       []float64
}

// matrix makes a random rows×cols tensor stored as spec.typ and returns the
// values the file holds.
func (r *nomicRef) matrix(name string, rows, cols int, typ gguf.TensorType) [][]float64 {
	m := make([][]float64, rows)
	var data []byte
	for i := range m {
		m[i] = make([]float64, cols)
		for j := range m[i] {
			v := float32(r.rng.NormFloat64() * r.scaleMatrix)
			switch typ {
			case gguf.TypeF16:
				h := kernels.F32ToF16(v)
				data = binary.LittleEndian.AppendUint16(data, h)
				v = kernels.F16ToF32(h)
			default:
				data = binary.LittleEndian.AppendUint32(data, math.Float32bits(v))
			}
			m[i][j] = float64(v)
		}
	}
	r.tensors = append(r.tensors, gguf.WriteTensor{Name: name, Dims: []uint64{uint64(cols), uint64(rows)}, Type: typ, Data: data})
	return m
}

// vector makes a random F32 vector around mean.
func (r *nomicRef) vector(name string, n int, mean float64) []float64 {
	v := make([]float64, n)
	var data []byte
	for i := range v {
		f := float32(mean + r.rng.NormFloat64()*r.scaleVector)
		data = binary.LittleEndian.AppendUint32(data, math.Float32bits(f))
		v[i] = float64(f)
	}
	r.tensors = append(r.tensors, gguf.WriteTensor{Name: name, Dims: []uint64{uint64(n)}, Type: gguf.TypeF32, Data: data})
	return v
}

func newNomicRef(spec nomicSpec, seed uint64) *nomicRef {
	r := &nomicRef{spec: spec, ropeBase: spec.ropeBase, rng: rand.New(rand.NewPCG(seed, 7)), scaleMatrix: 0.25, scaleVector: 0.1}
	d := spec.d
	r.tok = r.matrix("token_embd.weight", spec.vocab, d, gguf.TypeF32)
	r.typ = r.matrix("token_types.weight", 2, d, gguf.TypeF32)
	r.embNorm = r.vector("token_embd_norm.weight", d, 1)
	r.embNormB = r.vector("token_embd_norm.bias", d, 0)
	r.layers = make([]nomicRefLayer, spec.layers)
	for i := range r.layers {
		l := &r.layers[i]
		p := fmt.Sprintf("blk.%d.", i)
		l.qkv = r.matrix(p+"attn_qkv.weight", 3*d, d, spec.typ)
		if spec.qkvBias {
			l.qkvB = r.vector(p+"attn_qkv.bias", 3*d, 0)
		}
		l.o = r.matrix(p+"attn_output.weight", d, d, spec.typ)
		l.n1 = r.vector(p+"attn_output_norm.weight", d, 1)
		l.n1b = r.vector(p+"attn_output_norm.bias", d, 0)
		l.up = r.matrix(p+"ffn_up.weight", spec.ff, d, spec.typ)
		l.gate = r.matrix(p+"ffn_gate.weight", spec.ff, d, spec.typ)
		l.down = r.matrix(p+"ffn_down.weight", d, spec.ff, spec.typ)
		l.n2 = r.vector(p+"layer_output_norm.weight", d, 1)
		l.n2b = r.vector(p+"layer_output_norm.bias", d, 0)
	}
	return r
}

func (r *nomicRef) metadata() gguf.Metadata {
	s := r.spec
	vocab := make([]string, s.vocab)
	for i := range vocab {
		vocab[i] = "t" + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	md := gguf.NewMetadata(
		gguf.KV{Key: "general.architecture", Value: "nomic-bert"},
		gguf.KV{Key: "general.name", Value: "tiny nomic"},
		gguf.KV{Key: "nomic-bert.context_length", Value: uint32(s.ctx)},
		gguf.KV{Key: "nomic-bert.embedding_length", Value: uint32(s.d)},
		gguf.KV{Key: "nomic-bert.feed_forward_length", Value: uint32(s.ff)},
		gguf.KV{Key: "nomic-bert.attention.head_count", Value: uint32(s.heads)},
		gguf.KV{Key: "nomic-bert.block_count", Value: uint32(s.layers)},
		gguf.KV{Key: "nomic-bert.attention.layer_norm_epsilon", Value: float32(s.eps)},
		gguf.KV{Key: "nomic-bert.attention.causal", Value: false},
		gguf.KV{Key: "nomic-bert.pooling_type", Value: uint32(s.pooling)},
		gguf.KV{Key: "nomic-bert.rope.freq_base", Value: float32(s.ropeBase)},
		gguf.KV{Key: "tokenizer.ggml.model", Value: "bert"},
		gguf.KV{Key: "tokenizer.ggml.tokens", Value: gguf.NewArray(vocab)},
	)
	if s.nRot > 0 {
		md.Set("nomic-bert.rope.dimension_count", uint32(s.nRot))
	}
	return md
}

func layerNorm64(x, w, b []float64, eps float64) {
	var mean, v float64
	for _, a := range x {
		mean += a
	}
	mean /= float64(len(x))
	for _, a := range x {
		v += (a - mean) * (a - mean)
	}
	v /= float64(len(x))
	inv := 1 / math.Sqrt(v+eps)
	for i := range x {
		x[i] = (x[i]-mean)*inv*w[i] + b[i]
	}
}

func matVec64(m [][]float64, x []float64) []float64 {
	out := make([]float64, len(m))
	for i, row := range m {
		for j, w := range row {
			out[i] += w * x[j]
		}
	}
	return out
}

// ropeNeox64 rotates the first nRot dimensions of each head of x by
// position p, pairing dimension i with i+nRot/2.
func ropeNeox64(x []float64, heads, nRot int, p int, base float64) {
	hd := len(x) / heads
	for h := range heads {
		v := x[h*hd : (h+1)*hd]
		for i := range nRot / 2 {
			theta := float64(p) * math.Pow(base, -2*float64(i)/float64(nRot))
			c, s := math.Cos(theta), math.Sin(theta)
			a, b := v[i], v[i+nRot/2]
			v[i], v[i+nRot/2] = a*c-b*s, a*s+b*c
		}
	}
}

// embed returns the pooled (not normalized) embedding of one sequence.
func (r *nomicRef) embed(ids []int32) []float64 {
	s := r.spec
	d, L, hd := s.d, len(ids), s.d/s.heads
	nRot := hd
	if s.nRot > 0 {
		nRot = s.nRot
	}
	x := make([][]float64, L)
	for t, id := range ids {
		x[t] = make([]float64, d)
		for i := range d {
			x[t][i] = r.tok[id][i] + r.typ[0][i]
		}
		layerNorm64(x[t], r.embNorm, r.embNormB, s.eps)
	}
	for _, l := range r.layers {
		q, k, v := make([][]float64, L), make([][]float64, L), make([][]float64, L)
		for t := range L {
			qkv := matVec64(l.qkv, x[t])
			if l.qkvB != nil {
				for i := range qkv {
					qkv[i] += l.qkvB[i]
				}
			}
			q[t], k[t], v[t] = qkv[:d], qkv[d:2*d], qkv[2*d:]
			ropeNeox64(q[t], s.heads, nRot, t, r.ropeBase)
			ropeNeox64(k[t], s.heads, nRot, t, r.ropeBase)
		}
		for t := range L {
			attn := make([]float64, d)
			for h := range s.heads {
				sc := make([]float64, L)
				mx := math.Inf(-1)
				for j := range L {
					for c := range hd {
						sc[j] += q[t][h*hd+c] * k[j][h*hd+c]
					}
					sc[j] /= math.Sqrt(float64(hd))
					mx = math.Max(mx, sc[j])
				}
				var sum float64
				for j := range sc {
					sc[j] = math.Exp(sc[j] - mx)
					sum += sc[j]
				}
				for j := range L {
					for c := range hd {
						attn[h*hd+c] += sc[j] / sum * v[j][h*hd+c]
					}
				}
			}
			o := matVec64(l.o, attn)
			for i := range d {
				x[t][i] += o[i]
			}
			layerNorm64(x[t], l.n1, l.n1b, s.eps)
			up, gate := matVec64(l.up, x[t]), matVec64(l.gate, x[t])
			for i, g := range gate {
				up[i] *= g / (1 + math.Exp(-g))
			}
			down := matVec64(l.down, up)
			for i := range d {
				x[t][i] += down[i]
			}
			layerNorm64(x[t], l.n2, l.n2b, s.eps)
		}
	}
	out := make([]float64, d)
	switch s.pooling {
	case PoolCLS:
		copy(out, x[0])
	case PoolLast:
		copy(out, x[L-1])
	default:
		for t := range L {
			for i := range d {
				out[i] += x[t][i] / float64(L)
			}
		}
	}
	return out
}

// TestNomicBERT runs tiny random nomic-bert models written with the GGUF
// writer and compares the encoder with the float64 reference above, one
// text at a time and all texts in one batch.
func TestNomicBERT(t *testing.T) {
	base := nomicSpec{d: 64, heads: 4, layers: 2, ff: 96, vocab: 60, ctx: 48, eps: 1e-5, ropeBase: 1000, pooling: PoolMean, typ: gguf.TypeF32}
	f16 := base
	f16.typ = gguf.TypeF16
	cls := base
	cls.pooling, cls.ropeBase, cls.eps, cls.qkvBias = PoolCLS, 10000, 1e-12, true
	last := base
	last.pooling, last.heads = PoolLast, 2
	partial := base
	partial.nRot = 8 // of 16
	for _, tt := range []struct {
		name string
		spec nomicSpec
		min  float64
	}{
		{"f32-mean", base, 0.99999},
		{"f16-mean", f16, 0.9999},
		{"f32-cls-bias", cls, 0.99999},
		{"f32-last-2heads", last, 0.99999},
		{"f32-partial-rope", partial, 0.99999},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ref := newNomicRef(tt.spec, 42)
			path := filepath.Join(t.TempDir(), "nomic.gguf")
			if err := gguf.WriteFile(path, ref.metadata(), ref.tensors); err != nil {
				t.Fatal(err)
			}
			m, err := Load(path, nil, Options{Raw: true, Threads: 2})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			s := tt.spec
			if m.Architecture() != "nomic-bert" || m.Dim() != s.d || m.MaxTokens() != s.ctx || m.Pooling() != s.pooling ||
				m.h.nHead != s.heads || m.h.nLayer != s.layers || m.h.nFF != s.ff ||
				m.h.eps != float32(s.eps) || m.h.ropeBase != float32(s.ropeBase) || m.h.nRot != cmp.Or(s.nRot, s.d/s.heads) {
				t.Fatalf("hparams %+v do not match the metadata %+v", m.h, s)
			}
			rng := rand.New(rand.NewPCG(3, 4))
			var seqs [][]int32
			for _, n := range []int{1, 2, 7, 19, s.ctx} {
				seq := make([]int32, n)
				for i := range seq {
					seq[i] = int32(rng.IntN(s.vocab))
				}
				seqs = append(seqs, seq)
			}
			batched, err := m.EmbedTokens(context.Background(), seqs)
			if err != nil {
				t.Fatal(err)
			}
			worst := 1.0
			for i, seq := range seqs {
				want := ref.embed(seq)
				one, err := m.EmbedTokens(context.Background(), [][]int32{seq})
				if err != nil {
					t.Fatal(err)
				}
				for _, got := range [][]float32{one[0], batched[i]} {
					c := cosine(got, want)
					worst = min(worst, c)
					if c < tt.min {
						t.Errorf("%d tokens: cosine %.7f < %v", len(seq), c, tt.min)
					}
				}
			}
			// The comparison must be able to fail: the same model with
			// the other rope base is measurably different.
			ref.ropeBase = 1000 + 10000 - s.ropeBase
			if c := cosine(batched[3], ref.embed(seqs[3])); c > tt.min {
				t.Errorf("rope base does not matter: cosine %.7f with the wrong base", c)
			}
			t.Logf("worst cosine %.7f", worst)
		})
	}
}

// TestNomicBERTBadRope rejects rope dimension counts that do not fit the
// heads.
func TestNomicBERTBadRope(t *testing.T) {
	for _, nRot := range []int{5, 18} {
		spec := nomicSpec{d: 32, heads: 2, layers: 1, ff: 48, vocab: 40, ctx: 16, eps: 1e-5, ropeBase: 1000, nRot: nRot, pooling: PoolMean, typ: gguf.TypeF32}
		ref := newNomicRef(spec, 1)
		path := filepath.Join(t.TempDir(), "nomic.gguf")
		if err := gguf.WriteFile(path, ref.metadata(), ref.tensors); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(path, nil, Options{}); err == nil || !strings.Contains(err.Error(), "rope.dimension_count") {
			t.Errorf("rope.dimension_count %d: error %v", nRot, err)
		}
	}
}
