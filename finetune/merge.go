package finetune

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
)

// Adapter is a LoRA adapter file and the scale to merge it with.
type Adapter struct {
	Path  string
	Scale float32
}

// MergeOptions configure Merge.
type MergeOptions struct {
	// Type is the type of the merged matrices: "" keeps each adapted
	// matrix's own type (requantizing it); "f16" or "f32" write every
	// matrix of the model in that type.
	Type string
	// Progress, when set, is called after each tensor with the tensors
	// done and the total.
	Progress func(done, total int)
}

// Merge writes to out a copy of the GGUF model base with the adapters
// added to its weights, W + Σ scale·(alpha/rank)·B·A, computed in float32
// and requantized as opts says. Tensors no adapter touches are copied
// unchanged (or converted, for an F16/F32 output). The file is written
// to a temporary name and renamed, so out is never left half-written.
func Merge(ctx context.Context, base string, adapters []Adapter, out string, opts MergeOptions) error {
	if len(adapters) == 0 {
		return fmt.Errorf("finetune: merge: no adapters")
	}
	var to gguf.TensorType // with convert: every matrix's type
	convertAll := true
	switch opts.Type {
	case "":
		convertAll = false
	case "f16":
		to = gguf.TypeF16
	case "f32":
		to = gguf.TypeF32
	default:
		return fmt.Errorf("finetune: merge: output type %q: want \"\" (the base's types), f16 or f32", opts.Type)
	}
	bf, err := gguf.Open(base)
	if err != nil {
		return fmt.Errorf("finetune: %w", err)
	}
	defer bf.Close()
	m, err := model.Load(bf.Metadata, bf)
	if err != nil {
		return fmt.Errorf("finetune: %s: %w", base, err)
	}
	uses := make([]model.LoRAUse, len(adapters))
	for i, a := range adapters {
		l, err := LoadAdapter(a.Path, m)
		if err != nil {
			return err
		}
		uses[i] = model.LoRAUse{Adapter: l, Scale: a.Scale}
	}
	// The adapted projections of each tensor name: one, or several at
	// their row offsets in a fused matrix (phi3's attn_qkv and ffn_up).
	type part struct {
		l, row int
		p      model.Projection
	}
	type target struct {
		parts []part
		pairs bool
	}
	targets := map[string]*target{}
	for l := range m.Layers {
		for p := range model.NumProjections {
			w := m.Layers[l].Weight(p)
			tg := targets[w.Name]
			if tg == nil {
				tg = &target{}
				targets[w.Name] = tg
			}
			row := 0
			if len(tg.parts) > 0 { // the next rows of a fused matrix
				last := tg.parts[len(tg.parts)-1]
				row = last.row + m.Layers[last.l].Weight(last.p).Rows
			}
			tg.parts = append(tg.parts, part{l: l, row: row, p: p})
			for _, u := range uses {
				tg.pairs = tg.pairs || u.Adapter.Pair(l, p) != nil
			}
		}
	}
	md := gguf.NewMetadata(bf.Metadata.KVs()...)
	if convertAll {
		md.Set("general.file_type", uint32(map[gguf.TensorType]int{gguf.TypeF32: 0, gguf.TypeF16: 1}[to])) // LLAMA_FTYPE_ALL_F32, MOSTLY_F16
	}
	ts := make([]gguf.WriteTensor, len(bf.Tensors))
	for i := range bf.Tensors {
		if err := ctx.Err(); err != nil {
			return err
		}
		ti := &bf.Tensors[i]
		wt := gguf.WriteTensor{Name: ti.Name, Dims: ti.Dims, Type: ti.Type, Data: bf.TensorData(ti)}
		tg := targets[ti.Name]
		adapted := tg != nil && tg.pairs
		convert := convertAll && len(ti.Dims) >= 2 && ti.Dim(1) > 1 && ti.Type != to
		if adapted || convert {
			typ := ti.Type
			if convertAll {
				typ = to
			}
			rows := int(ti.Elements()) / ti.Dim(0)
			w := make([]float32, int(ti.Elements()))
			if err := kernels.Dequantize(ti.Type, wt.Data, w); err != nil {
				return fmt.Errorf("finetune: %s: %w", ti.Name, err)
			}
			if adapted {
				for _, pt := range tg.parts {
					for _, u := range uses {
						if p := u.Adapter.Pair(pt.l, pt.p); p != nil {
							addDelta(w[pt.row*p.In:], p, u.Scale)
						}
					}
				}
			}
			if !kernels.Quantizable(typ) {
				return fmt.Errorf("finetune: %s: cannot write type %v; merge with F16 output", ti.Name, typ)
			}
			data := make([]byte, typ.RowSize(ti.Dim(0))*rows)
			if err := kernels.Quantize(typ, w, data); err != nil {
				return fmt.Errorf("finetune: %s: %w", ti.Name, err)
			}
			wt.Type, wt.Data = typ, data
		}
		ts[i] = wt
		if opts.Progress != nil {
			opts.Progress(i+1, len(bf.Tensors))
		}
	}
	return writeFile(out, func(w io.Writer) error { return gguf.Write(w, md, ts) })
}

// addDelta adds scale·pair.Scale·B·A to w (Out rows of In).
func addDelta(w []float32, p *model.LoRAPair, scale float32) {
	a, b := p.A(), p.B()
	s := scale * p.Scale
	for o := range p.Out {
		row := w[o*p.In : (o+1)*p.In]
		for k := range p.Rank {
			kernels.AxpyF32(s*b[o*p.Rank+k], a[k*p.In:(k+1)*p.In], row)
		}
	}
}

// LoadAdapter reads the LoRA adapter file at path for m.
func LoadAdapter(path string, m *model.Model) (*model.LoRA, error) {
	f, err := gguf.Open(path)
	if err != nil {
		return nil, fmt.Errorf("finetune: %w", err)
	}
	defer f.Close()
	names := make([]string, len(f.Tensors))
	for i := range f.Tensors {
		names[i] = f.Tensors[i].Name
	}
	a, err := model.LoadLoRA(f.Metadata, f, names, m)
	if err != nil {
		return nil, fmt.Errorf("finetune: adapter %s: %w", path, err)
	}
	return a, nil
}

// writeFile writes path through a temporary file in the same directory,
// renamed into place once complete, so that path is never half-written.
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("finetune: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<16)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("finetune: %s: %w", path, err)
	}
	return nil
}
