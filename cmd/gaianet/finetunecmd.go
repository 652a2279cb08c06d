package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/gaianet-go/gaianet/finetune"
)

func finetuneCommand() *command {
	return &command{name: "finetune", summary: "make a model your own: merge LoRA adapters",
		help: "LoRA adapters (llama.cpp's GGUF adapter format) change a model cheaply: a node\n" +
			"applies them at run time (gaianet_go.lora in config.json, --lora on generate\n" +
			"and bench, per request with the \"lora\" field). 'finetune merge' bakes them\n" +
			"into a standalone GGUF model.",
		children: []*command{finetuneMergeCommand()}}
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
