package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/finetune"
	"github.com/gaianet-go/gaianet/node"
	"github.com/gaianet-go/gaianet/upstream"
)

func finetuneCommand() *command {
	return &command{name: "finetune", summary: "make a model your own: training data, LoRA adapters, merging",
		help: "LoRA adapters (llama.cpp's GGUF adapter format) change a model cheaply: a node\n" +
			"applies them at run time (gaianet_go.lora in config.json, --lora on generate\n" +
			"and bench, per request with the \"lora\" field). 'finetune merge' bakes them\n" +
			"into a standalone GGUF model.",
		children: []*command{finetuneDataCommand(), finetuneTrainCommand(), finetuneMergeCommand()}}
}

type dataFlags struct {
	base, out, heldoutOut, kb, upstream, upstreamKey, upstreamModel *string
	heldout                                                         *float64
	pairs, maxTokens                                                *int
	chats                                                           *stringList
	system                                                          systemFlags
	noRAG                                                           *bool
}

// systemFlags choose the system message put first in the examples that
// have none: the one the node will put there when it serves them.
type systemFlags struct {
	text *string
	none *bool
}

func systemVars(fs *flag.FlagSet) systemFlags {
	return systemFlags{
		text: fs.String("system-prompt", "", "system message for examples without one (default: system_prompt of BASE/config.json, which the node puts before every chat)"),
		none: fs.Bool("no-system-prompt", false, "leave examples without a system message as they are"),
	}
}

// resolve returns the system message for examples without one and where
// it comes from: --system-prompt, else the system_prompt the node of base
// serves with (config.json). text is "" with --no-system-prompt, when base
// has no config.json, or when its system_prompt is empty; from then says
// why.
func (s systemFlags) resolve(base string) (text, from string, err error) {
	switch {
	case *s.none && *s.text != "":
		return "", "", usagef("--system-prompt and --no-system-prompt exclude each other")
	case *s.none:
		return "", "--no-system-prompt", nil
	case *s.text != "":
		return *s.text, "--system-prompt", nil
	}
	path := filepath.Join(base, configFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Sprintf("no node config at %s (--base, or --system-prompt TEXT, gives one)", path), nil
	}
	cfg, err := loadConfig(base)
	if err != nil {
		return "", "", err
	}
	if cfg.SystemPrompt == "" {
		return "", fmt.Sprintf("the system_prompt of %s is empty", path), nil
	}
	return cfg.SystemPrompt, "the system_prompt of " + path, nil
}

// addSystem gives the examples of each set that have no system message
// the one chosen by s, and says once on w what it did (verb: what happens
// to them), whatever it chose. Examples with a system message of their
// own are never changed.
func (s systemFlags) addSystem(w io.Writer, base, verb string, sets ...*[]finetune.Example) error {
	text, from, err := s.resolve(base)
	if err != nil {
		return err
	}
	without, total := 0, 0
	for _, set := range sets {
		for _, e := range *set {
			if len(e.Messages) == 0 || e.Messages[0].Role != "system" {
				without++
			}
		}
		total += len(*set)
		*set, _ = finetune.AddSystem(*set, text)
	}
	switch {
	case without == 0:
	case text == "":
		fmt.Fprintf(w, "%d of %d examples have no system message: %s them as they are (%s)\n", without, total, verb, from)
	default:
		fmt.Fprintf(w, "%d of %d examples have no system message: %s them with %s, %q, as the node will serve them (--no-system-prompt: as they are)\n",
			without, total, verb, from, shorten(text, 60))
	}
	return nil
}

// shorten cuts s to about n characters for a message.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "..."
	}
	return s
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

func finetuneDataCommand() *command {
	return &command{name: "data", summary: "build a chat training set from chat histories and the knowledge base",
		usage: "--out TRAIN.jsonl [--chats FILE]... [--kb [COLLECTION]] [--heldout 0.1] [--pairs 3] [--upstream URL] [--system-prompt TEXT|--no-system-prompt] [--no-rag]",
		help: "Writes a training set in the usual chat JSONL ({\"messages\": [...]} a line) and\n" +
			"a held-out split beside it (TRAIN.heldout.jsonl), deduplicated (case,\n" +
			"punctuation and spacing ignored); an example's side is fixed by a hash of\n" +
			"its content, so reruns and added data keep the split stable.\n\n" +
			"--chats FILE reads chat histories: JSONL of {\"messages\": [...]} objects or\n" +
			"bare message arrays, or a CSV with a prompt and a response column\n" +
			"(prompt/question/input/user, response/answer/completion/output/assistant).\n\n" +
			"--kb reads every chunk of a knowledge-base collection (default: the\n" +
			"config's) from the running node (or, when none runs, from the node opened\n" +
			"in this process with its config's models) and asks a chat model to write --pairs\n" +
			"question/answer pairs from each, constrained to JSON; pairs whose answer\n" +
			"is not grounded in the chunk (most of its words absent from it) are\n" +
			"dropped. The model is the node's own, or --upstream (an OpenAI-compatible\n" +
			"base URL such as https://api.example.com/v1, with --upstream-key and\n" +
			"--upstream-model). Each chunk's answer is journaled (TRAIN.qa-journal.jsonl)\n" +
			"as it arrives: an interrupted run, rerun with the same flags, resumes\n" +
			"where it stopped.\n\n" +
			"Examples are written as the node of --base will prompt its model with them,\n" +
			"so that an adapter trained on them answers there as it learned: an example\n" +
			"without a system message gets the node's system_prompt (config.json) first\n" +
			"(--system-prompt TEXT gives another, --no-system-prompt none), and, when the\n" +
			"node retrieves knowledge (an embedding model), each example carries what the\n" +
			"node retrieves for its prompt, placed by rag_prompt and rag_policy as the node\n" +
			"places it (--no-rag: none; the node is asked, running or opened in this\n" +
			"process). Prompt sets and plugin hooks are not applied.",
		flags: func(fs *flag.FlagSet) any {
			f := &dataFlags{
				base:          baseFlag(fs),
				out:           fs.String("out", "", "training set to write (required)"),
				heldoutOut:    fs.String("heldout-out", "", "held-out set to write (default: OUT with .heldout.jsonl)"),
				heldout:       fs.Float64("heldout", 0.1, "share of examples held out for evaluation"),
				kb:            fs.String("kb", "", "knowledge-base collection to write QA pairs from ('default': the config's)"),
				pairs:         fs.Int("pairs", 3, "question/answer pairs asked per chunk"),
				maxTokens:     fs.Int("max-tokens", 1024, "longest reply of the QA writer, in tokens"),
				upstream:      fs.String("upstream", "", "OpenAI-compatible base URL of the QA writer (default: the running node)"),
				upstreamKey:   fs.String("upstream-key", "", "bearer key for --upstream"),
				upstreamModel: fs.String("upstream-model", "", "model name for --upstream"),
				chats:         &stringList{},
				system:        systemVars(fs),
				noRAG:         fs.Bool("no-rag", false, "leave out the knowledge the node retrieves for each prompt"),
			}
			fs.Var(f.chats, "chats", "chat-history file (.jsonl or .csv); repeat for several")
			return f
		},
		run: runFinetuneData}
}

func runFinetuneData(ctx context.Context, env *cmdEnv, args []string) error {
	f := env.flags.(*dataFlags)
	if *f.out == "" || (len(*f.chats) == 0 && *f.kb == "") {
		return usagef("finetune data needs --out and at least one of --chats FILE and --kb COLLECTION")
	}
	if *f.heldout < 0 || *f.heldout >= 1 {
		return usagef("--heldout must be in [0, 1)")
	}
	heldPath := *f.heldoutOut
	if heldPath == "" {
		heldPath = strings.TrimSuffix(*f.out, ".jsonl") + ".heldout.jsonl"
	}
	var all []finetune.Example
	for _, c := range *f.chats {
		exs, err := finetune.ReadChats(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stderr, "%s: %d conversations\n", c, len(exs))
		all = append(all, exs...)
	}
	// The node: to read the knowledge base from, and to retrieve for each
	// prompt what it would put in it.
	var cfg *config.Config
	if fileExists(filepath.Join(*f.base, configFile)) {
		c, err := loadConfig(*f.base)
		if err != nil {
			return err
		}
		cfg = c
	} else if *f.kb != "" {
		_, err := loadConfig(*f.base)
		return err
	}
	retrieves := cfg != nil && cfg.QdrantLimit > 0 && (cfg.Embedding != "" || cfg.Ext.EmbeddingUpstream != "")
	var nc *nodeClient
	if *f.kb != "" || (retrieves && !*f.noRAG) {
		c, stop, err := dataNode(ctx, env, *f.base, cfg)
		if err != nil {
			return err
		}
		defer stop()
		nc = c
	}
	if *f.kb != "" {
		exs, err := kbExamples(ctx, env, f, cfg, nc)
		if err != nil {
			return err
		}
		all = append(all, exs...)
	}
	// As the node serves a prompt: its system prompt first, then the knowledge.
	if err := f.system.addSystem(env.stderr, *f.base, "writing", &all); err != nil {
		return err
	}
	switch {
	case *f.noRAG:
	case cfg == nil:
		fmt.Fprintf(env.stderr, "no node config at %s: examples carry no retrieved knowledge\n", *f.base)
	case !retrieves:
		fmt.Fprintf(env.stderr, "the node of %s retrieves no knowledge (no embedding model, or qdrant_limit 0): examples carry none\n", *f.base)
	default:
		if err := withRetrieved(ctx, env.stderr, nc, cfg, all); err != nil {
			return err
		}
	}
	n := len(all)
	all = finetune.Dedup(all)
	train, held := finetune.Split(all, *f.heldout)
	if err := finetune.WriteJSONL(*f.out, train); err != nil {
		return err
	}
	if err := finetune.WriteJSONL(heldPath, held); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%d examples (%d duplicates dropped): %d in %s, %d held out in %s\n",
		len(all), n-len(all), len(train), *f.out, len(held), heldPath)
	return nil
}

// dataNode returns a client of the node running from base, or of the
// node opened in this process when none runs; stop closes what it opened.
func dataNode(ctx context.Context, env *cmdEnv, base string, cfg *config.Config) (*nodeClient, func(), error) {
	nc, err := runningNode(ctx, base, cfg)
	if err != nil {
		return nil, nil, err
	}
	if nc != nil {
		return nc, func() {}, nil
	}
	fmt.Fprintf(env.stderr, "no node is running from %s: opening it in this process (its models and knowledge base)\n", base)
	return inProcessNode(ctx, base, cfg)
}

// withRetrieved puts in each example what the node retrieves for its
// prompt (/v1/retrieve, the node's own search), placed as the node places
// it when it serves the prompt, and says once on w what it did.
func withRetrieved(ctx context.Context, w io.Writer, nc *nodeClient, cfg *config.Config, exs []finetune.Example) error {
	with := 0
	for i, e := range exs {
		prompt, _, ok := e.ServedPrompt()
		if !ok {
			continue
		}
		chunks, err := nc.retrieve(ctx, prompt)
		if err != nil {
			return err
		}
		if len(chunks) > 0 {
			with++
		}
		exs[i] = finetune.InsertContext(e, chunks, cfg.RAGPrompt, cfg.RAGPolicy)
	}
	fmt.Fprintf(w, "%d of %d examples carry the knowledge the node retrieves for their prompt, placed by rag_policy %q, as the node will serve them (--no-rag: none)\n",
		with, len(exs), cfg.RAGPolicy)
	return nil
}

// retrieve returns the texts of the chunks the node retrieves for a chat
// prompt, best first; none when the node has no knowledge base yet.
func (c *nodeClient) retrieve(ctx context.Context, prompt []finetune.Message) ([]string, error) {
	body, _ := json.Marshal(map[string]any{"messages": prompt})
	var res struct {
		Points []struct {
			Source string `json:"source"`
		} `json:"points"`
	}
	if err := c.do(ctx, "POST", "/v1/retrieve", bytes.NewReader(body), "application/json", &res); err != nil {
		return nil, fmt.Errorf("retrieving for an example's prompt: %w", err)
	}
	out := make([]string, len(res.Points))
	for i, p := range res.Points {
		out[i] = p.Source
	}
	return out, nil
}

// kbExamples writes QA pairs from every chunk of the collection, read
// through nc.
func kbExamples(ctx context.Context, env *cmdEnv, f *dataFlags, cfg *config.Config, nc *nodeClient) ([]finetune.Example, error) {
	coll := *f.kb
	if coll == "default" {
		coll = cfg.EmbeddingCollectionName
	}
	chunks, err := nc.chunks(ctx, coll)
	if err != nil {
		return nil, err
	}
	writer, key := nc.url+"/v1", nc.key
	if *f.upstream != "" {
		writer, key = *f.upstream, *f.upstreamKey
	}
	up, err := upstream.New(writer, key)
	if err != nil {
		return nil, err
	}
	defer up.Close()
	up.SetModel(*f.upstreamModel)
	chat := finetune.OpenAIChat(up, *f.maxTokens)
	bar := newProgressBar(env.stderr, "writing QA pairs", "chunks")
	journal := strings.TrimSuffix(*f.out, ".jsonl") + ".qa-journal.jsonl"
	exs, st, err := finetune.GenerateQA(ctx, chunks, chat, journal, finetune.QAOptions{Pairs: *f.pairs,
		Progress: func(done, total int) { bar.update(int64(done), int64(total)) }})
	bar.finish()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(env.stderr, "%s: %d chunks (%d from the journal), %d pairs kept, %d ungrounded dropped, %d malformed replies, %d failed calls (rerun to retry them)\n",
		coll, len(chunks), st.Resumed, st.Kept, st.Ungrounded, st.Malformed, st.Failures)
	return exs, nil
}

type mergeFlags struct {
	model, out, typ *string
	lora            *loraFlag
}

func finetuneMergeCommand() *command {
	return &command{name: "merge", summary: "write a model with LoRA adapters merged into its weights",
		usage: "--model BASE.gguf --lora FILE[:SCALE]... --out MERGED.gguf [--type f16|f32]",
		help: "Adds each adapter, times its scale (1 by default) and alpha/rank, to the\n" +
			"weights it adapts, in float32, and writes a GGUF model that llama.cpp and\n" +
			"gaianet load like any other. By default each changed matrix is requantized\n" +
			"to its own type in the base model (unchanged ones are copied as they are);\n" +
			"--type f16 or f32 writes every matrix in that type instead, losing nothing\n" +
			"to requantization.",
		flags: func(fs *flag.FlagSet) any {
			return &mergeFlags{
				model: fs.String("model", "", "base GGUF model (required)"),
				out:   fs.String("out", "", "merged GGUF file to write (required)"),
				typ:   fs.String("type", "", "matrix type of the output: f16 or f32 (default: the base's)"),
				lora:  loraVar(fs),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*mergeFlags)
			if *f.model == "" || *f.out == "" || len(*f.lora) == 0 {
				return usagef("finetune merge needs --model, --out and at least one --lora")
			}
			var ads []finetune.Adapter
			for _, l := range *f.lora {
				ads = append(ads, finetune.Adapter{Path: l.Path, Scale: l.Scale})
			}
			bar := newProgressBar(env.stderr, "merging", "tensors")
			err := finetune.Merge(ctx, *f.model, ads, *f.out, finetune.MergeOptions{Type: *f.typ,
				Progress: func(done, total int) { bar.update(int64(done), int64(total)) }})
			bar.finish()
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "wrote %s\n", *f.out)
			return nil
		}}
}

type trainFlags struct {
	base, model, data, heldout, out, template, checkpoint *string
	system                                                systemFlags
	rank, epochs, accum, maxLen, threads, warmup          *int
	alpha, lr, wd                                         *float64
	seed                                                  *uint64
}

func finetuneTrainCommand() *command {
	return &command{name: "train", summary: "train a LoRA adapter on the CPU",
		usage: "--model BASE.gguf --data TRAIN.jsonl --out ADAPTER.gguf [--heldout FILE] [--rank 16] [--epochs 1] [--lr 2e-4] [--system-prompt TEXT|--no-system-prompt]",
		help: "Trains a LoRA adapter (rank --rank, on the attention and FFN projections of\n" +
			"every block) in pure Go on the CPU. The base model stays frozen in its stored\n" +
			"type; the adapter is float32. Examples are chat JSONL (finetune data writes\n" +
			"them); each is rendered with the chat template (the model's, or --template)\n" +
			"and only its last assistant reply is learned. AdamW, gradient accumulation\n" +
			"(--accum examples per step), a cosine schedule with warm-up. The held-out\n" +
			"loss (--heldout, default TRAIN.heldout.jsonl when it exists) is measured\n" +
			"along the way. A checkpoint (ADAPTER.gguf.ckpt) is written every 20 steps\n" +
			"and when interrupted: rerunning the same command resumes from it.\n" +
			"An example without a system message trains with the one the node of --base\n" +
			"puts before every chat (system_prompt in config.json; --system-prompt TEXT\n" +
			"gives another, --no-system-prompt none), as the node will serve it: trained\n" +
			"without it, an adapter can reach a low held-out loss and still answer\n" +
			"garbage on the node. Examples with their own system message are kept as\n" +
			"they are. An example whose reply lies past --max-len tokens is skipped.\n" +
			"Writes ADAPTER.gguf (llama.cpp's GGUF adapter format: use it with --lora,\n" +
			"gaianet_go.lora or llama.cpp) and ADAPTER.loss.svg, the loss curves.\n\n" +
			"Trainable architectures: llama (Llama, Mistral, TinyLlama, SmolLM), qwen2,\n" +
			"qwen3, gemma, gemma2, gemma3, phi3, exaone, stablelm, and the mixtures of\n" +
			"experts of gpt-oss and Mixtral-style llama files (the adapter covers the\n" +
			"attention projections; the experts and router stay frozen, as the engine\n" +
			"applies adapters); others (deepseek2, llama4, ...) are refused by name.\n" +
			"LongRoPE models (phi3 128k) train with the short factors (contexts up to\n" +
			"the original training context).",
		flags: func(fs *flag.FlagSet) any {
			return &trainFlags{
				base:       baseFlag(fs),
				system:     systemVars(fs),
				model:      fs.String("model", "", "base GGUF model (required)"),
				data:       fs.String("data", "", "training examples, chat JSONL (required)"),
				heldout:    fs.String("heldout", "", "held-out examples (default: DATA's .heldout.jsonl when it exists)"),
				out:        fs.String("out", "", "adapter file to write (required)"),
				template:   fs.String("template", "", "built-in chat template (default: the model's own)"),
				checkpoint: fs.String("checkpoint", "", "checkpoint file (default: OUT.ckpt)"),
				rank:       fs.Int("rank", 16, "LoRA rank"),
				alpha:      fs.Float64("alpha", 0, "LoRA alpha (default: the rank, scale 1)"),
				epochs:     fs.Int("epochs", 1, "passes over the training examples"),
				accum:      fs.Int("accum", 1, "examples per optimizer step (gradient accumulation)"),
				lr:         fs.Float64("lr", 2e-4, "peak learning rate"),
				wd:         fs.Float64("weight-decay", 0, "AdamW weight decay"),
				warmup:     fs.Int("warmup", 0, "warm-up steps (default: 5% of the steps)"),
				maxLen:     fs.Int("max-len", 512, "tokens per example; longer ones are cut"),
				threads:    fs.Int("threads", 2, "threads"),
				seed:       fs.Uint64("seed", 1, "seed for shuffling and initialization"),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*trainFlags)
			if *f.model == "" || *f.data == "" || *f.out == "" {
				return usagef("finetune train needs --model, --data and --out")
			}
			train, err := finetune.ReadChats(*f.data)
			if err != nil {
				return err
			}
			heldPath := *f.heldout
			if heldPath == "" {
				if p := strings.TrimSuffix(*f.data, ".jsonl") + ".heldout.jsonl"; fileExists(p) {
					heldPath = p
				}
			}
			var held []finetune.Example
			if heldPath != "" {
				if held, err = finetune.ReadChats(heldPath); err != nil {
					return err
				}
			}
			if err := f.system.addSystem(env.stderr, *f.base, "training", &train, &held); err != nil {
				return err
			}
			bar := newProgressBar(env.stderr, "training", "steps")
			res, err := finetune.Train(ctx, *f.model, train, held, *f.out, finetune.TrainOptions{
				Rank: *f.rank, Alpha: float32(*f.alpha), LR: *f.lr, Epochs: *f.epochs, Accum: *f.accum, Warmup: *f.warmup,
				WeightDecay: *f.wd, MaxLen: *f.maxLen, Threads: *f.threads, Seed: *f.seed, Template: *f.template, Checkpoint: *f.checkpoint,
				Progress: func(p finetune.Progress) {
					eval := "no held-out set"
					if len(held) > 0 {
						eval = fmt.Sprintf("held-out %.3f", p.EvalLoss)
					}
					bar.label = fmt.Sprintf("training: loss %.3f, %s, %.1f tokens/s", p.Loss, eval, p.TokensPerSec)
					bar.update(int64(p.Step), int64(p.Steps))
				}})
			bar.finish()
			if err != nil {
				return err
			}
			if res.SkippedNoTarget > 0 {
				fmt.Fprintf(env.stderr, "%d training examples were skipped: their reply lies past --max-len %d tokens\n", res.SkippedNoTarget, *f.maxLen)
			}
			eval := "no held-out set"
			if len(held) > 0 {
				eval = fmt.Sprintf("held-out loss %.4f -> %.4f", res.InitialEval, res.FinalEval)
			}
			fmt.Fprintf(env.stdout, "wrote %s and %s: %d steps (%d resumed), %s; %d tokens in %.1f s, %.2f tokens/s, %.0f ms per example (forward and backward)\n",
				res.Adapter, res.Curve, res.Steps, res.Resumed, eval, res.TrainTokens, res.Seconds,
				float64(res.TrainTokens)/res.Seconds, res.ForwardBackwardMs)
			return nil
		}}
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// inProcessNode opens the node of base in this process, as 'gaianet start'
// would (its config's models and knowledge base), and serves its API on a
// loopback port of its own for the QA writer and the chunk reader; stop
// closes both.
func inProcessNode(ctx context.Context, base string, cfg *config.Config) (*nodeClient, func(), error) {
	opt := node.Options{Base: base}
	var err error
	if opt.Outbound, err = outboundPolicy(cfg); err != nil {
		return nil, nil, err
	}
	n, err := node.Open(ctx, cfg, opt)
	if err != nil {
		return nil, nil, fmt.Errorf("opening the node of %s in this process: %w", base, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		n.Close()
		return nil, nil, err
	}
	srv := &http.Server{Handler: n.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	c := &nodeClient{url: "http://" + ln.Addr().String(), client: &http.Client{}}
	if len(cfg.Ext.APIKeys) > 0 {
		c.key = cfg.Ext.APIKeys[0]
	}
	return c, func() {
		srv.Close()
		n.Close()
	}, nil
}
