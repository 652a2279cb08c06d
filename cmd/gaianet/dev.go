package main

import (
	"context"
	"fmt"

	"github.com/gaianet-go/gaianet/conformance"
)

func devCommand() *command {
	return &command{name: "dev", summary: "developer tools: conformance against llama.cpp", children: []*command{{
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
