package modeltest

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// Spec describes a tiny model. Zero fields take small defaults.
type Spec struct {
	Arch    string // "llama" (default), "qwen2", "qwen3"
	Dim     int    // 64
	Layers  int    // 2
	Heads   int    // 4
	KVHeads int    // 2
	HeadDim int    // Dim/Heads; set to test qwen3's independent key_length
	FFN     int    // 96
	Vocab   int    // 64
	Type    gguf.TensorType
	Tied    bool // omit output.weight
	Seed    uint64
	// Edit, when set, may change the metadata and tensors before writing.
	Edit func(md *gguf.Metadata, ts []gguf.WriteTensor) []gguf.WriteTensor
}

func (s *Spec) fill() {
	if s.Arch == "" {
		s.Arch = "llama"
	}
	if s.Dim == 0 {
		s.Dim = 64
	}
	if s.Layers == 0 {
		s.Layers = 2
	}
	if s.Heads == 0 {
		s.Heads = 4
	}
	if s.KVHeads == 0 {
		s.KVHeads = 2
	}
	if s.HeadDim == 0 {
		s.HeadDim = s.Dim / s.Heads
	}
	if s.FFN == 0 {
		s.FFN = 96
	}
	if s.Vocab == 0 {
		s.Vocab = 64
	}
}

// Write builds the model described by s and writes it to path.
func Write(path string, s Spec) error {
	s.fill()
	r := rand.New(rand.NewPCG(s.Seed, 7))
	a := s.Arch
	md := gguf.NewMetadata(
		gguf.KV{Key: "general.architecture", Value: a},
		gguf.KV{Key: "general.name", Value: "modeltest"},
		gguf.KV{Key: a + ".embedding_length", Value: uint32(s.Dim)},
		gguf.KV{Key: a + ".block_count", Value: uint32(s.Layers)},
		gguf.KV{Key: a + ".attention.head_count", Value: uint32(s.Heads)},
		gguf.KV{Key: a + ".attention.head_count_kv", Value: uint32(s.KVHeads)},
		gguf.KV{Key: a + ".feed_forward_length", Value: uint32(s.FFN)},
		gguf.KV{Key: a + ".context_length", Value: uint32(256)},
		gguf.KV{Key: a + ".attention.layer_norm_rms_epsilon", Value: float32(1e-5)},
		gguf.KV{Key: a + ".rope.freq_base", Value: float32(10000)},
		gguf.KV{Key: "tokenizer.ggml.eos_token_id", Value: uint32(2)},
	)
	if s.HeadDim != s.Dim/s.Heads {
		md.Set(a+".attention.key_length", uint32(s.HeadDim))
		md.Set(a+".attention.value_length", uint32(s.HeadDim))
	}
	var ts []gguf.WriteTensor
	var err error
	mat := func(name string, rows, cols int, typ gguf.TensorType) {
		if err != nil {
			return
		}
		v := make([]float32, rows*cols)
		for i := range v {
			v[i] = (r.Float32()*2 - 1) * 0.5 / float32(math.Sqrt(float64(cols)))
		}
		if name == "token_embd.weight" {
			for i := range v {
				v[i] *= 8
			}
		}
		b := make([]byte, typ.RowSize(cols)*rows)
		if e := kernels.Quantize(typ, v, b); e != nil {
			err = fmt.Errorf("modeltest: %s: %w", name, e)
			return
		}
		ts = append(ts, gguf.WriteTensor{Name: name, Dims: []uint64{uint64(cols), uint64(rows)}, Type: typ, Data: b})
	}
	vec := func(name string, n int, base, spread float32) {
		b := make([]byte, 4*n)
		for i := range n {
			binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(base+(r.Float32()*2-1)*spread))
		}
		ts = append(ts, gguf.WriteTensor{Name: name, Dims: []uint64{uint64(n)}, Type: gguf.TypeF32, Data: b})
	}
	typ := s.Type
	q, kv := s.Heads*s.HeadDim, s.KVHeads*s.HeadDim
	mat("token_embd.weight", s.Vocab, s.Dim, typ)
	vec("output_norm.weight", s.Dim, 1, 0.1)
	if !s.Tied {
		mat("output.weight", s.Vocab, s.Dim, typ)
	}
	for l := range s.Layers {
		p := fmt.Sprintf("blk.%d.", l)
		vec(p+"attn_norm.weight", s.Dim, 1, 0.1)
		mat(p+"attn_q.weight", q, s.Dim, typ)
		mat(p+"attn_k.weight", kv, s.Dim, typ)
		mat(p+"attn_v.weight", kv, s.Dim, typ)
		mat(p+"attn_output.weight", s.Dim, q, typ)
		if a == "qwen2" {
			vec(p+"attn_q.bias", q, 0, 0.5)
			vec(p+"attn_k.bias", kv, 0, 0.5)
			vec(p+"attn_v.bias", kv, 0, 0.5)
		}
		if a == "qwen3" {
			vec(p+"attn_q_norm.weight", s.HeadDim, 1, 0.2)
			vec(p+"attn_k_norm.weight", s.HeadDim, 1, 0.2)
		}
		vec(p+"ffn_norm.weight", s.Dim, 1, 0.1)
		mat(p+"ffn_gate.weight", s.FFN, s.Dim, typ)
		mat(p+"ffn_up.weight", s.FFN, s.Dim, typ)
		mat(p+"ffn_down.weight", s.Dim, s.FFN, typ)
	}
	if err != nil {
		return err
	}
	if s.Edit != nil {
		ts = s.Edit(&md, ts)
	}
	return gguf.WriteFile(path, md, ts)
}

// Remove returns ts without the tensor called name.
func Remove(ts []gguf.WriteTensor, name string) []gguf.WriteTensor {
	out := ts[:0:0]
	for _, t := range ts {
		if t.Name != name {
			out = append(out, t)
		}
	}
	return out
}

// Convert copies the GGUF at in to out, re-encoding each tensor whose type
// to(name, type) changes through float32 (kernels.Dequantize, Quantize)
// and copying the others byte for byte, then applies edit, if not nil, to
// the metadata and tensors before writing.
func Convert(in, out string, to func(name string, t gguf.TensorType) gguf.TensorType,
	edit func(*gguf.Metadata, []gguf.WriteTensor) []gguf.WriteTensor) error {
	f, err := gguf.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var ts []gguf.WriteTensor
	for i := range f.Tensors {
		ti := &f.Tensors[i]
		data, typ := f.TensorData(ti), to(ti.Name, ti.Type)
		if typ != ti.Type {
			v := make([]float32, ti.Elements())
			if err := kernels.Dequantize(ti.Type, data, v); err != nil {
				return fmt.Errorf("modeltest: %s: %w", ti.Name, err)
			}
			data = make([]byte, typ.RowSize(len(v)))
			if err := kernels.Quantize(typ, v, data); err != nil {
				return fmt.Errorf("modeltest: %s: %w", ti.Name, err)
			}
		}
		ts = append(ts, gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: typ, Data: data})
	}
	md := f.Metadata
	if edit != nil {
		ts = edit(&md, ts)
	}
	return gguf.WriteFile(out, md, ts)
}
