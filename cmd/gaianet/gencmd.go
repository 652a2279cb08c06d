package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/node"
	"github.com/gaianet-go/gaianet/sample"
	"github.com/gaianet-go/gaianet/tokenizer"
)

type generateFlags struct {
	model, prompt, system, template *string
	chat                            *bool
	maxTokens, threads, ctx, topK   *int
	temp, topP, minP, repeat        *float64
	seed                            *uint64
	stop                            *string
	verbose                         *bool
	lora                            *loraFlag
}

// loraFlag is a repeatable --lora FILE[:SCALE].
type loraFlag []engine.LoRAFile

func (l *loraFlag) String() string { return fmt.Sprint([]engine.LoRAFile(*l)) }

func (l *loraFlag) Set(s string) error {
	lf, err := engine.ParseLoRA(s)
	if err != nil {
		return err
	}
	*l = append(*l, lf)
	return nil
}

// loraVar registers --lora on fs.
func loraVar(fs *flag.FlagSet) *loraFlag {
	l := &loraFlag{}
	fs.Var(l, "lora", "LoRA adapter (llama.cpp GGUF adapter) to apply, FILE or FILE:SCALE (scale 1 by default); repeat for several")
	return l
}

func generateCommand() *command {
	return &command{name: "generate", summary: "generate text from a GGUF model in the terminal",
		usage: "--model FILE [--lora FILE[:SCALE]]... [--prompt TEXT | --chat] [sampling flags]",
		help: "Runs a GGUF chat model directly, streaming tokens to the terminal.\n" +
			"With --prompt, the text is completed as it is (a prompt from standard input\n" +
			"if TEXT is '-'). With --chat, you talk to the model turn by turn through its\n" +
			"chat template (the GGUF's own, or --template NAME); an empty line ends.\n" +
			"--lora applies LoRA adapters in llama.cpp's GGUF adapter format (made by\n" +
			"llama.cpp's convert_lora_to_gguf.py or `gaianet finetune train`), each at\n" +
			"its scale.",
		flags: func(fs *flag.FlagSet) any {
			return &generateFlags{
				model:     fs.String("model", "", "GGUF model file (required)"),
				prompt:    fs.String("prompt", "", "text to complete ('-' reads standard input)"),
				chat:      fs.Bool("chat", false, "interactive chat through the chat template"),
				system:    fs.String("system", "", "system prompt for --chat"),
				template:  fs.String("template", "", "built-in chat template for --chat: "+strings.Join(chattemplate.Names(), ", ")),
				maxTokens: fs.Int("max-tokens", 256, "most tokens to generate per answer"),
				threads:   fs.Int("threads", 0, "threads (default: all CPUs)"),
				ctx:       fs.Int("ctx-size", 0, "context size (default: the model's, at most 4096)"),
				temp:      fs.Float64("temp", 0.8, "temperature; 0 is greedy"),
				topK:      fs.Int("top-k", 40, "top-k (0 disables)"),
				topP:      fs.Float64("top-p", 0.95, "top-p"),
				minP:      fs.Float64("min-p", 0.05, "min-p"),
				repeat:    fs.Float64("repeat-penalty", 1.0, "repetition penalty (1 disables)"),
				seed:      fs.Uint64("seed", 0, "random seed (0: a new one each run)"),
				stop:      fs.String("stop", "", "comma-separated stop strings"),
				verbose:   fs.Bool("verbose", false, "print timing after each answer"),
				lora:      loraVar(fs),
			}
		},
		run: runGenerate}
}

func runGenerate(ctx context.Context, env *cmdEnv, args []string) error {
	f := env.flags.(*generateFlags)
	if *f.model == "" {
		return usagef("generate needs --model FILE")
	}
	if (*f.prompt == "") == !*f.chat {
		return usagef("generate needs exactly one of --prompt TEXT and --chat")
	}
	eng, err := engine.Load(*f.model, engine.Options{Threads: *f.threads, CtxSize: *f.ctx, LoRA: *f.lora})
	if err != nil {
		return err
	}
	defer eng.Close()
	tok, err := tokenizer.FromGGUF(eng.Metadata())
	if err != nil {
		return err
	}
	seed := *f.seed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	params := sample.Params{Temperature: float32(*f.temp), TopK: *f.topK, TopP: float32(*f.topP), MinP: float32(*f.minP),
		RepeatPenalty: float32(*f.repeat), RepeatLastN: 64, Seed: seed}
	var stops []string
	if *f.stop != "" {
		stops = strings.Split(*f.stop, ",")
	}
	gen := func(prompt []int32) (string, error) {
		var out strings.Builder
		start := time.Now()
		var first time.Duration
		res, err := eng.Generate(ctx, engine.Request{Prompt: prompt, MaxTokens: *f.maxTokens, Sampler: sample.New(params), Stop: stops},
			func(t engine.Token) error {
				if first == 0 {
					first = time.Since(start)
				}
				out.WriteString(t.Text)
				_, err := io.WriteString(env.stdout, t.Text)
				return err
			})
		fmt.Fprintln(env.stdout)
		if *f.verbose && err == nil {
			dec := time.Since(start) - first
			fmt.Fprintf(env.stderr, "[%d prompt tokens, %d generated, first token %s, %.1f tok/s, %s]\n", res.PromptTokens,
				res.GeneratedTokens, first.Round(time.Millisecond), float64(max(res.GeneratedTokens-1, 0))/dec.Seconds(), res.FinishReason)
		}
		return out.String(), err
	}
	if !*f.chat {
		text := *f.prompt
		if text == "-" {
			b, err := io.ReadAll(os.Stdin)
			if err != nil {
				return err
			}
			text = string(b)
		}
		_, err := gen(tok.Encode(text, true, true))
		return err
	}

	tmpl, err := pickTemplate(*f.template, eng)
	if err != nil {
		return err
	}
	if *f.template != "" {
		if info, ok := chattemplate.Info(*f.template); ok {
			stops = append(stops, info.Stop...)
		}
	}
	var msgs []chattemplate.Message
	if *f.system != "" {
		msgs = append(msgs, chattemplate.Message{Role: "system", Content: *f.system})
	}
	in := bufio.NewScanner(os.Stdin)
	bos := tok.Text(tok.BOS())
	for {
		fmt.Fprint(env.stderr, "> ")
		if !in.Scan() || strings.TrimSpace(in.Text()) == "" {
			return in.Err()
		}
		msgs = append(msgs, chattemplate.Message{Role: "user", Content: in.Text()})
		text, err := tmpl.Render(msgs, chattemplate.Options{AddGenerationPrompt: true, BOSToken: bos, EOSToken: tok.Text(tok.EOS())})
		if err != nil {
			return err
		}
		if tok.AddBOS() {
			text = strings.TrimPrefix(text, bos)
		}
		reply, err := gen(tok.Encode(text, true, true))
		if err != nil {
			return err
		}
		msgs = append(msgs, chattemplate.Message{Role: "assistant", Content: reply})
	}
}

func pickTemplate(name string, eng *engine.Engine) (*chattemplate.Template, error) {
	if name != "" {
		t, ok := chattemplate.Lookup(name)
		if !ok {
			return nil, usagef("unknown template %q; built-in: %s", name, strings.Join(chattemplate.Names(), ", "))
		}
		return t, nil
	}
	src, ok := eng.Metadata().String("tokenizer.chat_template")
	if !ok {
		return nil, errors.New("the model has no chat template; choose one with --template")
	}
	return chattemplate.Parse(src)
}

type benchFlags struct {
	model, schema                          *string
	threads, prompt, gen, parallel, rounds *int
	jsonOut, noFF, variant                 *bool
	lora                                   *loraFlag
}

// benchSchema runs bench --json-schema: constrained against free decoding.
func benchSchema(ctx context.Context, env *cmdEnv, f *benchFlags, threads int) error {
	raw, err := os.ReadFile(*f.schema)
	if err != nil {
		return err
	}
	schema := raw
	var file struct {
		Schema json.RawMessage `json:"schema"`
		Tests  json.RawMessage `json:"tests"`
	}
	if json.Unmarshal(raw, &file) == nil && len(file.Schema) > 0 && len(file.Tests) > 0 {
		schema = file.Schema // a MaskBench corpus file
	}
	fmt.Fprintf(env.stderr, "measuring %d tokens x %d sequences, %d rounds, free and under %s...\n", *f.gen, *f.parallel, *f.rounds, *f.schema)
	r, err := node.BenchJSONSchema(ctx, *f.model, schema, threads, *f.gen, *f.parallel, *f.rounds, !*f.noFF)
	if err != nil {
		return err
	}
	wall, cpu := r.Cost()
	if *f.jsonOut {
		return json.NewEncoder(env.stdout).Encode(map[string]any{
			"model": *f.model, "schema": *f.schema, "threads": threads, "gen": *f.gen, "parallel": r.Parallel,
			"free_tok_s": r.Free.TokensPerSec, "constrained_tok_s": r.Constrained.TokensPerSec,
			"free_tok_cpu_s": r.Free.TokensPerCPUSec, "constrained_tok_cpu_s": r.Constrained.TokensPerCPUSec,
			"cost_pct": wall, "cost_cpu_pct": cpu, "requests": r.Constrained.Lengths,
			"constraint_us_per_token": r.ConstraintUs, "constraint_share": r.ConstraintShare,
		})
	}
	fmt.Fprintf(env.stdout, "model: %s, %d threads, %d sequences\n", *f.model, threads, r.Parallel)
	fmt.Fprintf(env.stdout, "%-14s %12s %14s\n", "decode", "tokens/s", "tokens/CPU-s")
	fmt.Fprintf(env.stdout, "%-14s %12.2f %14.2f\n", "free", r.Free.TokensPerSec, r.Free.TokensPerCPUSec)
	fmt.Fprintf(env.stdout, "%-14s %12.2f %14.2f\n", "json-schema", r.Constrained.TokensPerSec, r.Constrained.TokensPerCPUSec)
	reqs := 0
	for _, ls := range r.Constrained.Lengths {
		reqs += len(ls)
	}
	fmt.Fprintf(env.stdout, "cost: %.1f%% wall, %.1f%% CPU (%d requests of %.1f tokens on average, in each run)\n",
		wall, cpu, reqs, float64(r.Constrained.Tokens)/float64(max(reqs, 1)))
	fmt.Fprintf(env.stdout, "constraint work on the scheduler: %.1f µs per token, %.2f%% of the constrained wall time\n",
		r.ConstraintUs, 100*r.ConstraintShare)
	return nil
}

func benchCommand() *command {
	return &command{name: "bench", summary: "measure prefill and decode speed of a GGUF model",
		usage: "--model FILE [--lora FILE[:SCALE]]... [--threads N] [--prompt 512] [--gen 128] [--parallel K] [--json-schema FILE] [--rounds 3] [--json]",
		help: "Measures, with random prompt tokens: prompt processing (prefill) of --prompt\n" +
			"tokens in one batch, decoding of --gen tokens for one sequence, and, with\n" +
			"--parallel K > 1, aggregate decoding of K sequences together. Prints a table,\n" +
			"or JSON with --json (fields prefill_tok_s, decode_tok_s, aggregate_tok_s).\n\n" +
			"With --json-schema FILE (a JSON Schema, or a file with a \"schema\" member as\n" +
			"in the MaskBench corpus) it instead measures generation through the scheduler,\n" +
			"--gen tokens for each of --parallel sequences, freely and constrained by the\n" +
			"schema, in --rounds alternating rounds, and prints both speeds and the cost of\n" +
			"constraining (wall clock and per CPU second); --no-fast-forward samples every\n" +
			"token under the mask, to isolate the cost of masking from the gain of\n" +
			"appending forced tokens.",
		flags: func(fs *flag.FlagSet) any {
			return &benchFlags{
				model:    fs.String("model", "", "GGUF model file (required)"),
				threads:  fs.Int("threads", 0, "threads (default: all CPUs)"),
				prompt:   fs.Int("prompt", 512, "prompt tokens"),
				gen:      fs.Int("gen", 128, "generated tokens"),
				parallel: fs.Int("parallel", 1, "sequences decoded together"),
				jsonOut:  fs.Bool("json", false, "print JSON"),
				schema:   fs.String("json-schema", "", "measure constrained decoding under this JSON Schema file"),
				rounds:   fs.Int("rounds", 3, "alternating free/constrained rounds (with --json-schema)"),
				noFF:     fs.Bool("no-fast-forward", false, "sample every token under the mask, appending no forced tokens (with --json-schema)"),
				variant:  fs.Bool("batch-variant", false, "measure the batch-variant kernels (config batch_variant: faster one-sequence decode, results depend on the batch)"),
				lora:     loraVar(fs),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*benchFlags)
			if *f.model == "" {
				return usagef("bench needs --model FILE")
			}
			threads := *f.threads
			if threads <= 0 {
				threads = runtimeCPUs()
			}
			if *f.schema != "" {
				if len(*f.lora) > 0 {
					return usagef("bench --json-schema does not take --lora")
				}
				return benchSchema(ctx, env, f, threads)
			}
			r, err := engine.Bench(ctx, *f.model, threads, *f.prompt, *f.gen, *f.parallel, *f.variant, *f.lora...)
			if err != nil {
				return err
			}
			if *f.jsonOut {
				return json.NewEncoder(env.stdout).Encode(map[string]any{
					"model": *f.model, "threads": threads, "prompt": *f.prompt, "gen": *f.gen, "parallel": r.Parallel,
					"prefill_tok_s": r.Prefill, "decode_tok_s": r.Decode, "aggregate_tok_s": r.Aggregate,
				})
			}
			fmt.Fprintf(env.stdout, "model: %s, %d threads\n", *f.model, threads)
			fmt.Fprintf(env.stdout, "%-24s %12s\n", "test", "tokens/s")
			fmt.Fprintf(env.stdout, "%-24s %12.2f\n", fmt.Sprintf("prefill %d", *f.prompt), r.Prefill)
			fmt.Fprintf(env.stdout, "%-24s %12.2f\n", fmt.Sprintf("decode %d", *f.gen), r.Decode)
			if r.Parallel > 1 {
				fmt.Fprintf(env.stdout, "%-24s %12.2f  (%.2fx one sequence)\n", fmt.Sprintf("decode %d x%d", *f.gen, r.Parallel), r.Aggregate, r.Aggregate/r.Decode)
			}
			return nil
		}}
}
