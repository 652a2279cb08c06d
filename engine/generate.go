package engine

import (
	"context"
	"fmt"

	"github.com/gaianet-go/gaianet/sample"
)

// Sampler picks the next token from one row of logits; package sample's
// *Sampler implements it. Sample may modify logits. Accept is called with
// every token the sequence takes, for repetition penalties. A Sampler is
// used by one request at a time.
type Sampler interface {
	Sample(logits []float32) int32
	Accept(id int32)
}

// LogprobSampler is a Sampler that also reports log-probabilities;
// package sample's *Sampler implements it.
type LogprobSampler interface {
	Sampler
	SampleLogprobs(logits []float32, lp *sample.Logprobs) int32
}

// Request is one generation.
type Request struct {
	// Prompt is the tokenized prompt, special tokens included; not empty.
	Prompt []int32
	// MaxTokens bounds the generated tokens; 0 means until an
	// end-of-generation token, a stop string or a full context.
	MaxTokens int
	// Sampler picks tokens; nil means greedy (arg-max).
	Sampler Sampler
	// Stop strings end generation; the matched text is not streamed.
	Stop []string
	// Keep is how many leading positions survive a context shift; values
	// below 1 mean 1 (the BOS token).
	Keep int
	// Logprobs asks for each token's log-probabilities in Token.Logprobs;
	// it needs a Sampler that implements LogprobSampler.
	Logprobs bool
	// Constraint, when set, restricts the generated tokens (structured
	// output, tool calls); see Constraint. Tokens a Forcer forces are
	// appended without sampling unless Logprobs is set.
	Constraint Constraint
	// SpecialText streams special tokens (other than end-of-generation
	// ones) as their text, e.g. "[TOOL_CALLS]" or "<|python_tag|>", for
	// callers that parse them; by default they stream as nothing.
	SpecialText bool
	// LoRA, when not nil, holds the scale of every loaded adapter for this
	// request (0 disables one), in load order, as llama-server's per-request
	// "lora" field; nil runs the engine's default scales.
	LoRA []float32
}

// Token is one streamed piece of output.
type Token struct {
	// ID is the generated token, or -1 for a final piece of text that was
	// held back while it could have started a stop string.
	ID int32
	// Text is the text safe to show now: it may be empty (an incomplete
	// UTF-8 character or a possible stop-string prefix is held back) and
	// may include text of earlier tokens.
	Text string
	// Logprobs holds the token's log-probability and the most likely
	// alternatives when the request asked for them; the Token owns it.
	Logprobs *sample.Logprobs
}

// Finish reasons reported in Result.
const (
	FinishStop   = "stop"   // end-of-generation token or stop string
	FinishLength = "length" // MaxTokens reached
)

// Result summarizes a finished generation.
type Result struct {
	FinishReason    string
	PromptTokens    int
	CachedTokens    int // prompt tokens whose KV was reused
	GeneratedTokens int
	StopString      string // the stop string that matched, if any
}

// outCap is the per-request event buffer; a step emits at most 3 events
// (a token, a flushed tail, the end), so the scheduler schedules a slot
// only when 3 are free and never blocks on a slow consumer.
const outCap = 16

type event struct {
	tok  Token
	done bool
	res  Result
	err  error
}

type request struct {
	ctx context.Context
	req Request
	out chan event
}

// Generate runs req and calls fn with every piece of output, from the
// calling goroutine, until the generation ends. It waits for a free slot
// when all are busy. When ctx is cancelled or fn returns an error,
// Generate returns that error and the request's slot is freed before the
// next forward step. Tokens streamed before an error stay streamed. When
// the context fills and shifting is disabled, Generate returns the Result
// so far (FinishReason "length") with an error wrapping ErrContextFull.
func (e *Engine) Generate(ctx context.Context, req Request, fn func(Token) error) (Result, error) {
	if len(req.Prompt) == 0 {
		return Result{}, fmt.Errorf("%w: empty prompt", ErrRequest)
	}
	vocab := e.model.Config.Vocab
	for _, t := range req.Prompt {
		if t < 0 || int(t) >= vocab {
			return Result{}, fmt.Errorf("%w: token %d out of range [0,%d)", ErrRequest, t, vocab)
		}
	}
	if len(req.Prompt) > e.opts.CtxSize {
		return Result{}, fmt.Errorf("%w: prompt of %d tokens exceeds the context of %d", ErrContextFull, len(req.Prompt), e.opts.CtxSize)
	}
	if _, ok := req.Sampler.(LogprobSampler); req.Logprobs && !ok {
		return Result{}, fmt.Errorf("%w: logprobs need a sampler that reports them", ErrRequest)
	}
	if req.MaxTokens < 0 {
		return Result{}, fmt.Errorf("%w: max tokens %d", ErrRequest, req.MaxTokens)
	}
	if req.LoRA != nil {
		if err := e.checkScales(req.LoRA); err != nil {
			return Result{}, err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	r := &request{ctx: ctx, req: req, out: make(chan event, outCap)}
	select {
	case e.reqs <- r:
	case <-ctx.Done():
		cancel()
		return Result{}, ctx.Err()
	case <-e.quit:
		cancel()
		return Result{}, ErrClosed
	}
	// Cancel before waking the scheduler, so that it sees a departed
	// consumer's request as cancelled and frees its slot.
	defer func() {
		cancel()
		e.wakeup()
	}()
	for {
		select {
		case ev := <-r.out:
			e.wakeup()
			if ev.done {
				return ev.res, ev.err
			}
			if err := fn(ev.tok); err != nil {
				return Result{}, err
			}
		case <-ctx.Done():
			return Result{}, ctx.Err()
		}
	}
}

// wakeup tells the scheduler that a consumer made progress or left.
func (e *Engine) wakeup() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}
