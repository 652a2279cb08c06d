package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"sort"

	"github.com/gaianet-go/gaianet/conformance"
	"github.com/gaianet-go/gaianet/grammar"
	"github.com/gaianet-go/gaianet/grammar/maskbench"
	"github.com/gaianet-go/gaianet/tokenizer"
)

func devCommand() *command {
	return &command{name: "dev", summary: "developer tools: conformance against llama.cpp, constrained decoding benchmark", children: []*command{jsonschemaCommand(), {
		name:    "conformance",
		summary: "check tokenizers, templates and the engine against llama.cpp",
		usage:   "DIR",
		help: "Reads DIR/manifest.json, runs every suite it lists (tokenizer, logits,\n" +
			"embeddings) and, when DIR/templates/renderings.jsonl exists, the chat\n" +
			"template renderings. Prints one line per suite, then 'N passed, M failed'.\n" +
			"Exits non-zero if any suite failed.",
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			if len(args) != 1 {
				return usagef("dev conformance takes one folder")
			}
			results, err := conformance.Run(ctx, args[0])
			if err != nil {
				return err
			}
			failed := 0
			for _, r := range results {
				status := "PASS"
				if !r.Passed {
					status = "FAIL"
					failed++
				}
				fmt.Fprintf(env.stdout, "%s %-28s %s\n", status, r.Suite.Name, r.Summary)
				if !r.Passed && r.Detail != "" {
					fmt.Fprintf(env.stdout, "     %s\n", r.Detail)
				}
			}
			fmt.Fprintf(env.stdout, "%d passed, %d failed\n", len(results)-failed, failed)
			if failed > 0 {
				return fmt.Errorf("%d conformance suites failed", failed)
			}
			return nil
		},
	}}}
}

type jsonschemaFlags struct {
	vocab       string
	json        bool
	cpuTime     bool
	failures    bool
	schemaOrder bool
}

func jsonschemaCommand() *command {
	return &command{
		name:    "jsonschema",
		summary: "benchmark constrained decoding on a JSON Schema corpus",
		usage:   "--vocab FILE.gguf [--json] [--cpu-time] [--schema-order] [--failures] DIR",
		help: "Runs the MaskBench benchmark (../shared/jsonschema/README.md) over every\n" +
			"*.json file in DIR. For each schema: compile it (or count the keyword it\n" +
			"refuses), feed every valid instance (compact JSON, keys in file order,\n" +
			"tokenized with the GGUF's vocabulary) token by token through the token\n" +
			"mask and check it is accepted at the end, and check every invalid one is\n" +
			"refused. Prints schemas passing, refusals by keyword, validation errors\n" +
			"(valid instances refused) and invalidation errors (invalid ones accepted),\n" +
			"mask time per token (mean, p50, p99 in µs, one thread) and compile time.\n" +
			"The last line is 'N passed, M failed'; with --json it is one JSON object.\n" +
			"Exits non-zero if any invalid instance was accepted.",
		flags: func(fs *flag.FlagSet) any {
			f := &jsonschemaFlags{}
			fs.StringVar(&f.vocab, "vocab", "", "GGUF file whose tokenizer to use (required)")
			fs.BoolVar(&f.json, "json", false, "print the figures as one JSON object on the last line")
			fs.BoolVar(&f.cpuTime, "cpu-time", false, "time masks with the thread's CPU clock (robust on a loaded machine)")
			fs.BoolVar(&f.failures, "failures", false, "list each failing schema with the reason, and the schemas with the slowest masks")
			fs.BoolVar(&f.schemaOrder, "schema-order", false, "make object properties come in schema order (default: any order, as the node generates)")
			return f
		},
		run: runJSONSchemaBench,
	}
}

func runJSONSchemaBench(ctx context.Context, env *cmdEnv, args []string) error {
	f := env.flags.(*jsonschemaFlags)
	if len(args) != 1 {
		return usagef("dev jsonschema takes one folder")
	}
	if f.vocab == "" {
		return usagef("dev jsonschema needs --vocab FILE.gguf")
	}
	tok, err := tokenizer.Load(f.vocab)
	if err != nil {
		return err
	}
	bar := newProgressBar(env.stderr, "schemas", "schemas")
	r, err := maskbench.Run(ctx, args[0], tok, maskbench.Options{
		CPUTime:  f.cpuTime,
		Schema:   grammar.SchemaOptions{SchemaOrder: f.schemaOrder},
		Progress: func(done, total int) { bar.update(int64(done), int64(total)) },
	})
	bar.finish()
	if err != nil {
		return err
	}
	w := env.stdout
	if f.failures {
		for _, fl := range r.Failures {
			fmt.Fprintf(w, "FAIL %s: %s\n", fl.File, fl.Reason)
		}
		for _, sl := range r.Slowest {
			fmt.Fprintf(w, "SLOW %s: slowest mask %.0f µs\n", sl.File, sl.MaskUs)
		}
	}
	if f.json {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, string(b))
	} else {
		pct := func(a, b int) float64 {
			if b == 0 {
				return 0
			}
			return 100 * float64(a) / float64(b)
		}
		fmt.Fprintf(w, "schemas:              %d, passing %d (%.1f%%)\n", r.Schemas, r.Passed, pct(r.Passed, r.Schemas))
		var kws []string
		for k := range r.Refusals {
			kws = append(kws, k)
		}
		sort.Slice(kws, func(i, j int) bool {
			return r.Refusals[kws[i]] > r.Refusals[kws[j]] || r.Refusals[kws[i]] == r.Refusals[kws[j]] && kws[i] < kws[j]
		})
		fmt.Fprintf(w, "compile refusals:    ")
		for _, k := range kws {
			fmt.Fprintf(w, " %s %d", k, r.Refusals[k])
		}
		fmt.Fprintf(w, "\ncompile errors:       %d\n", r.CompileErrors)
		fmt.Fprintf(w, "valid instances:      %d, validation errors %d (%.2f%%)\n", r.ValidInstances, r.ValidationErrors, pct(r.ValidationErrors, r.ValidInstances))
		fmt.Fprintf(w, "invalid instances:    %d, invalidation errors %d\n", r.InvalidInstances, r.InvalidationErrors)
		clock := "wall clock"
		if f.cpuTime {
			clock = "thread CPU clock"
		}
		fmt.Fprintf(w, "mask µs per token:    mean %.1f, p50 %.1f, p99 %.1f, max %.0f (%d tokens, one thread, %s)\n", r.MaskUsMean, r.MaskUsP50, r.MaskUsP99, r.MaskUsMax, r.Tokens, clock)
		fmt.Fprintf(w, "compile µs:           p50 %.0f, mean %.0f\n", r.CompileUsP50, r.CompileUsMean)
		fmt.Fprintf(w, "%d passed, %d failed\n", r.Passed, r.Failed)
	}
	if r.InvalidationErrors > 0 {
		return fmt.Errorf("%d invalid instances were accepted", r.InvalidationErrors)
	}
	return nil
}
