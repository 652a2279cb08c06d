package engine

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
)

// LoRAFile is a LoRA adapter (llama.cpp's GGUF adapter format) loaded with
// the model, and the scale it runs at by default.
type LoRAFile struct {
	Path  string  `json:"path"`
	Scale float32 `json:"scale"`
}

// LoRAInfo describes a loaded adapter: its index (the id of llama-server's
// /lora-adapters), file and current default scale.
type LoRAInfo struct {
	ID    int     `json:"id"`
	Path  string  `json:"path"`
	Scale float32 `json:"scale"`
}

// loadLoRA loads the adapters of opts for m.
func loadLoRA(m *model.Model, files []LoRAFile) ([]*model.LoRA, error) {
	out := make([]*model.LoRA, 0, len(files))
	for _, lf := range files {
		if err := checkScale(lf.Scale); err != nil {
			return nil, fmt.Errorf("lora %s: %w", lf.Path, err)
		}
		f, err := gguf.Open(lf.Path)
		if err != nil {
			return nil, fmt.Errorf("lora: %w", err)
		}
		names := make([]string, len(f.Tensors))
		for i := range f.Tensors {
			names[i] = f.Tensors[i].Name
		}
		a, err := model.LoadLoRA(f.Metadata, f, names, m)
		f.Close() // LoadLoRA copies what it keeps
		if err != nil {
			return nil, fmt.Errorf("lora %s: %w", lf.Path, err)
		}
		out = append(out, a)
	}
	return out, nil
}

func checkScale(s float32) error {
	if math.IsNaN(float64(s)) || math.IsInf(float64(s), 0) || s < -100 || s > 100 {
		return fmt.Errorf("%w: LoRA scale %v out of range [-100, 100]", ErrRequest, s)
	}
	return nil
}

// LoRA lists the loaded adapters with their default scales.
func (e *Engine) LoRA() []LoRAInfo {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]LoRAInfo, len(e.lora))
	for i := range e.lora {
		out[i] = LoRAInfo{ID: i, Path: e.opts.LoRA[i].Path, Scale: e.loraScales[i]}
	}
	return out
}

// SetLoRAScales sets the default scales of the loaded adapters, one per
// adapter in load order (0 disables one), for requests that do not choose
// their own (Request.LoRA). Running requests keep the scales they started
// with.
func (e *Engine) SetLoRAScales(scales []float32) error {
	if err := e.checkScales(scales); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	copy(e.loraScales, scales)
	return nil
}

func (e *Engine) checkScales(scales []float32) error {
	if len(scales) != len(e.lora) {
		return fmt.Errorf("%w: %d LoRA scales for %d loaded adapters", ErrRequest, len(scales), len(e.lora))
	}
	return ValidLoRAScales(scales)
}

// ValidLoRAScales reports whether every scale is usable: finite and in
// [-100, 100].
func ValidLoRAScales(scales []float32) error {
	for _, s := range scales {
		if err := checkScale(s); err != nil {
			return err
		}
	}
	return nil
}

// bindLoRALocked makes slot s run with scales (nil: the defaults), keeping
// them as the key of its cached tokens, and reports whether they differ
// from what its cache was computed with (then the caller drops the cache).
func (e *Engine) bindLoRALocked(s *slot, scales []float32) bool {
	if scales == nil {
		scales = e.loraScales
	}
	changed := !slices.Equal(s.loraScales, scales)
	s.loraScales = append(s.loraScales[:0], scales...)
	s.loraMix = s.loraMix[:0]
	for i, sc := range scales {
		if sc != 0 {
			s.loraMix = append(s.loraMix, model.LoRAUse{Adapter: e.lora[i], Scale: sc})
		}
	}
	e.st.SetLoRA(s.id, s.loraMix)
	return changed
}

// sameLoRA reports whether slot s's cached tokens were computed with the
// given scales (nil: the defaults).
func (e *Engine) sameLoRA(s *slot, scales []float32) bool {
	if scales == nil {
		scales = e.loraScales
	}
	return slices.Equal(s.loraScales, scales)
}

// ParseLoRA reads FILE[:SCALE] (the --lora flag): the scale defaults to 1.
// A colon followed by something that is not a number belongs to the path.
func ParseLoRA(s string) (LoRAFile, error) {
	lf := LoRAFile{Path: s, Scale: 1}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		if v, err := strconv.ParseFloat(s[i+1:], 32); err == nil {
			lf.Path, lf.Scale = s[:i], float32(v)
		}
	}
	if lf.Path == "" {
		return lf, fmt.Errorf("%w: LoRA %q: no file", ErrRequest, s)
	}
	if err := checkScale(lf.Scale); err != nil {
		return lf, fmt.Errorf("LoRA %q: %w", s, err)
	}
	return lf, nil
}
