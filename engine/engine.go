package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/tokenizer"
)

// Errors callers can test with errors.Is.
var (
	// ErrClosed is returned by calls on a closed Engine.
	ErrClosed = errors.New("engine: closed")
	// ErrContextFull is returned when a sequence needs more positions than a
	// slot holds and context shift is disabled (or the prompt alone is too
	// long).
	ErrContextFull = errors.New("engine: context full")
	// ErrBusy is returned by Eval while Generate requests are being served.
	ErrBusy = errors.New("engine: busy serving requests")
	// ErrRequest marks an invalid request (empty prompt, token out of range).
	ErrRequest = errors.New("engine: invalid request")
	// ErrConstraint marks a generation its Constraint could not continue:
	// no token allowed, or the constraint refused a token.
	ErrConstraint = errors.New("engine: output constraint failed")
)

// Options configure an Engine. The zero value is usable: every field has a
// default filled in by Load.
type Options struct {
	// Threads is the number of goroutines a forward pass uses; 0 means
	// runtime.GOMAXPROCS(0).
	Threads int `json:"threads"`
	// CtxSize is the number of positions of each slot; 0 means the model's
	// training context, at most 4096.
	CtxSize int `json:"ctx_size"`
	// Parallel is the number of sequence slots: how many requests are
	// served at once. 0 means 1.
	Parallel int `json:"parallel"`
	// BatchSize is the most tokens one forward step evaluates (prompt
	// chunks plus one token per decoding request); 0 means 512.
	BatchSize int `json:"batch_size"`
	// KVType is the KV cache element type: "f16" (the default), "q8_0"
	// (half the memory, as llama.cpp's --cache-type-k/v q8_0) or "f32".
	KVType string `json:"kv_type"`
	// ContextShift, when a sequence fills its slot, drops the older half of
	// the positions after Request.Keep and continues, as llama.cpp does;
	// when false, generation stops with ErrContextFull.
	ContextShift bool `json:"context_shift"`
	// BatchVariant lets every forward step use the fastest kernels for its
	// batch size, so that a request's logits (and, at near-ties, its
	// tokens) depend on what else is served with it. By default (false)
	// the engine is batch-invariant: a request gives bit for bit the same
	// logits and tokens alone or batched, in any slot, with or without a
	// cached prefix (see kernels.Pool.SetBatchInvariant for the cost), so
	// that another node can replay it and compare.
	BatchVariant bool `json:"batch_variant"`
	// LoRA lists adapters loaded with the model and their default scales
	// (see LoRAFile, Engine.SetLoRAScales and Request.LoRA).
	LoRA []LoRAFile `json:"lora"`
}

func (o *Options) fill(m *model.Model) error {
	if o.Threads <= 0 {
		o.Threads = runtime.GOMAXPROCS(0)
	}
	if o.CtxSize <= 0 {
		o.CtxSize = min(m.Config.CtxTrain, 4096)
	}
	if o.Parallel <= 0 {
		o.Parallel = 1
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 512
	}
	if o.KVType == "" {
		o.KVType = "f16"
	}
	return o.Validate()
}

// Validate reports whether the options are usable.
func (o *Options) Validate() error {
	switch {
	case o.Threads < 0 || o.Threads > 1024:
		return fmt.Errorf("engine: threads %d out of range", o.Threads)
	case o.CtxSize < 0 || o.CtxSize > 1<<20:
		return fmt.Errorf("engine: ctx_size %d out of range", o.CtxSize)
	case o.Parallel < 0 || o.Parallel > 256:
		return fmt.Errorf("engine: parallel %d out of range", o.Parallel)
	case o.BatchSize < 0 || o.BatchSize > 1<<16:
		return fmt.Errorf("engine: batch_size %d out of range", o.BatchSize)
	case o.KVType != "" && kvTypes[o.KVType] == 0 && o.KVType != "f32":
		return fmt.Errorf("engine: kv_type %q: %w", o.KVType, model.ErrUnsupported)
	}
	return nil
}

// kvTypes maps Options.KVType to the cache's element type.
var kvTypes = map[string]gguf.TensorType{"f32": gguf.TypeF32, "f16": gguf.TypeF16, "q8_0": gguf.TypeQ8_0}

// Batch is one low-level forward step for Eval; see model.Batch.
type Batch = model.Batch

// Engine serves one model. Its methods are safe for concurrent use.
type Engine struct {
	file  *gguf.File
	model *model.Model
	opts  Options
	tok   *tokenizer.Tokenizer // nil for a model without tokenizer metadata
	vocab vocab

	// mu guards the forward state, the cache and the slots: the scheduler
	// holds it for each step, Eval for its pass.
	mu    sync.Mutex
	st    *model.State
	cache *model.Cache
	slots []*slot
	// lora are the loaded adapters, loraScales their default scales
	// (guarded by mu).
	lora       []*model.LoRA
	loraScales []float32

	reqs   chan *request
	wake   chan struct{}
	quit   chan struct{}
	exited chan struct{}
	once   sync.Once
}

// Load opens the GGUF model at path and starts serving it. The caller must
// Close the Engine.
func Load(path string, opts Options) (*Engine, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	f, err := gguf.Open(path)
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	e, err := newEngine(f, opts)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("engine: %s: %w", path, err)
	}
	return e, nil
}

func newEngine(f *gguf.File, opts Options) (*Engine, error) {
	m, err := model.Load(f.Metadata, f)
	if err != nil {
		return nil, err
	}
	if err := opts.fill(m); err != nil {
		return nil, err
	}
	var v vocab = newMetaVocab(f.Metadata)
	tok, err := tokenizer.FromGGUF(f.Metadata)
	switch {
	case err == nil:
		if tok.VocabSize() != m.Config.Vocab {
			return nil, fmt.Errorf("engine: tokenizer has %d tokens, model %d", tok.VocabSize(), m.Config.Vocab)
		}
		v = tok
	case errors.Is(err, tokenizer.ErrMissing):
		if _, has := f.Metadata.Get("tokenizer.ggml.model"); has {
			return nil, err
		}
		// No tokenizer at all: the engine runs token ids only.
	default:
		return nil, err
	}
	cache, err := model.NewCacheBatch(m, opts.Parallel, opts.CtxSize, opts.BatchSize, kvTypes[opts.KVType])
	if err != nil {
		return nil, err
	}
	adapters, err := loadLoRA(m, opts.LoRA)
	if err != nil {
		return nil, err
	}
	e := &Engine{
		file:   f,
		model:  m,
		opts:   opts,
		tok:    tok,
		vocab:  v,
		st:     model.NewState(m, opts.BatchSize, opts.CtxSize, opts.Threads),
		cache:  cache,
		lora:   adapters,
		reqs:   make(chan *request),
		wake:   make(chan struct{}, 1),
		quit:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	e.loraScales = make([]float32, len(adapters))
	for i, lf := range opts.LoRA {
		e.loraScales[i] = lf.Scale
	}
	e.slots = make([]*slot, opts.Parallel)
	for i := range e.slots {
		e.slots[i] = &slot{id: i, tokens: make([]int32, 0, opts.CtxSize)}
		e.bindLoRALocked(e.slots[i], nil)
	}
	e.st.Pool().SetBatchInvariant(!opts.BatchVariant)
	go e.run()
	return e, nil
}

// Close stops the scheduler (pending Generate calls return ErrClosed),
// releases the workers and unmaps the model. It is safe to call twice.
func (e *Engine) Close() error {
	var err error
	e.once.Do(func() {
		close(e.quit)
		<-e.exited
		e.mu.Lock()
		e.st.Close()
		e.mu.Unlock()
		err = e.file.Close()
	})
	return err
}

// Tokenizer returns the model's tokenizer, or nil when the file has no
// tokenizer metadata (then Token.Text is always empty).
func (e *Engine) Tokenizer() *tokenizer.Tokenizer { return e.tok }

// Model returns the loaded model (read-only).
func (e *Engine) Model() *model.Model { return e.model }

// Metadata returns the model file's metadata, for building a tokenizer or
// reading the chat template.
func (e *Engine) Metadata() gguf.Metadata { return e.file.Metadata }

// Options returns the options in effect, defaults filled in.
func (e *Engine) Options() Options { return e.opts }

// Eval runs one forward pass over b and returns the logits of the entries
// that asked for them, in order, Vocab values each. The slice is owned by
// the Engine and valid until the next Eval. Eval writes the cache slots b
// names and forgets the prompt prefixes cached there; it fails with ErrBusy
// while Generate requests are being served.
func (e *Engine) Eval(ctx context.Context, b Batch) ([]float32, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	select {
	case <-e.quit:
		return nil, ErrClosed
	default:
	}
	for _, s := range e.slots {
		if s.r != nil {
			return nil, ErrBusy
		}
	}
	for _, id := range b.Slot {
		if id >= 0 && int(id) < len(e.slots) {
			e.slots[id].tokens = e.slots[id].tokens[:0]
			e.bindLoRALocked(e.slots[id], nil)
		}
	}
	return e.model.Forward(ctx, e.st, e.cache, b)
}

// CopySlot makes slot dst hold the first n positions of slot src, for
// benchmarks and tests that fork a sequence. Like Eval it fails with
// ErrBusy while requests are served.
func (e *Engine) CopySlot(dst, src, n int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, s := range e.slots {
		if s.r != nil {
			return ErrBusy
		}
	}
	if dst < 0 || dst >= len(e.slots) || src < 0 || src >= len(e.slots) || n < 0 || n > e.opts.CtxSize {
		return fmt.Errorf("engine: copy slot %d to %d, %d positions: out of range", src, dst, n)
	}
	e.cache.Copy(dst, src, n)
	e.slots[dst].tokens = e.slots[dst].tokens[:0]
	return nil
}
