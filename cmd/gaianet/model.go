package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/download"
	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
	"github.com/gaianet-go/gaianet/tokenizer"
)

func modelCommand() *command {
	return &command{name: "model", summary: "inspect GGUF model files", children: []*command{{
		name:    "info",
		summary: "describe a GGUF model file",
		usage:   "[--json] FILE.gguf",
		help: "Prints a GGUF file's architecture, parameter count, tensor types with counts,\n" +
			"context length, tokenizer kind, whether it carries a chat template, and\n" +
			"whether this engine runs it (as a chat or embedding model) or what it lacks.\n" +
			"The file is memory-mapped; nothing is loaded into memory.",
		flags: func(fs *flag.FlagSet) any {
			return fs.Bool("json", false, "print the description as JSON")
		},
		run: runModelInfo,
	}}}
}

// modelInfo is what "gaianet model info" reports.
type modelInfo struct {
	File          string         `json:"file"`
	Version       uint32         `json:"gguf_version"`
	Name          string         `json:"name,omitempty"`
	Architecture  string         `json:"architecture"`
	Parameters    uint64         `json:"parameters"`
	FileSize      int64          `json:"file_size"`
	TensorTypes   map[string]int `json:"tensor_types"`
	ContextLength int            `json:"context_length"`
	Tokenizer     string         `json:"tokenizer,omitempty"`
	PreTokenizer  string         `json:"pre_tokenizer,omitempty"`
	VocabSize     int            `json:"vocab_size"`
	ChatTemplate  bool           `json:"chat_template"`
	// TemplateError says why the file's chat template does not parse
	// (the node then needs a built-in prompt_template).
	TemplateError string `json:"chat_template_error,omitempty"`
	Metadata      int    `json:"metadata_entries"`
	Tensors       int    `json:"tensors"`
	// Runs says whether this engine runs the file ("chat", "embedding")
	// and, when it cannot, Needs says what is missing.
	Runs  string `json:"runs,omitempty"`
	Needs string `json:"needs,omitempty"`
}

func describeModel(path string) (*modelInfo, error) {
	f, err := gguf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	md := f.Metadata
	info := &modelInfo{File: path, Version: f.Version, Architecture: md.Architecture(),
		FileSize: f.Size(), TensorTypes: map[string]int{}, ContextLength: md.ContextLength(),
		Metadata: md.Len(), Tensors: len(f.Tensors)}
	info.Name, _ = md.String("general.name")
	info.Tokenizer, _ = md.String("tokenizer.ggml.model")
	info.PreTokenizer, _ = md.String("tokenizer.ggml.pre")
	toks, _ := md.Strings("tokenizer.ggml.tokens")
	info.VocabSize = len(toks)
	_, info.ChatTemplate = md.String("tokenizer.chat_template")
	for i := range f.Tensors {
		t := &f.Tensors[i]
		info.Parameters += t.Elements()
		info.TensorTypes[t.Type.String()]++
	}
	switch a := info.Architecture; {
	case a == "bert" || a == "nomic-bert":
		info.Runs = "embedding"
	case model.Supported(a):
		// Loading binds the weights without reading them: it finds
		// missing tensors and unsupported weight types.
		if _, err := model.Load(md, f); err != nil {
			info.Needs = err.Error()
		} else {
			info.Runs = "chat"
			if _, ok := md.Uint(a + ".pooling_type"); ok {
				info.Runs = "embedding"
			}
		}
	case model.Needs(a) != "":
		info.Needs = model.Needs(a)
	default:
		info.Needs = fmt.Sprintf("architecture %q is not implemented", a)
	}
	// The vocabulary must load too: an unimplemented pre-tokenizer or
	// tokenizer model stops the file as surely as its architecture.
	if _, err := tokenizer.FromGGUF(md); err != nil {
		info.Runs = ""
		if info.Needs != "" {
			info.Needs += "; "
		}
		info.Needs += err.Error()
	}
	if src, ok := md.String("tokenizer.chat_template"); ok {
		if _, err := chattemplate.Parse(src); err != nil {
			info.TemplateError = err.Error()
		}
	}
	return info, nil
}

func runModelInfo(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) != 1 {
		return usagef("model info takes one GGUF file")
	}
	info, err := describeModel(args[0])
	if err != nil {
		return err
	}
	if *env.flags.(*bool) {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(info)
	}
	w := env.stdout
	fmt.Fprintf(w, "file:           %s (%s, GGUF v%d)\n", info.File, download.FormatBytes(info.FileSize), info.Version)
	if info.Name != "" {
		fmt.Fprintf(w, "name:           %s\n", info.Name)
	}
	fmt.Fprintf(w, "architecture:   %s\n", info.Architecture)
	fmt.Fprintf(w, "parameters:     %s (%d)\n", humanCount(info.Parameters), info.Parameters)
	var types []string
	for t, n := range info.TensorTypes {
		types = append(types, fmt.Sprintf("%s×%d", t, n))
	}
	sort.Strings(types)
	fmt.Fprintf(w, "tensor types:   %s (%d tensors)\n", strings.Join(types, ", "), info.Tensors)
	fmt.Fprintf(w, "context length: %d\n", info.ContextLength)
	tok := info.Tokenizer
	if info.PreTokenizer != "" {
		tok += " (pre: " + info.PreTokenizer + ")"
	}
	fmt.Fprintf(w, "tokenizer:      %s, %d tokens\n", tok, info.VocabSize)
	if info.TemplateError != "" {
		fmt.Fprintf(w, "chat template:  yes, but it does not parse (%s); use a built-in prompt_template\n", info.TemplateError)
	} else {
		fmt.Fprintf(w, "chat template:  %s\n", yesNo(info.ChatTemplate))
	}
	if info.Runs != "" {
		fmt.Fprintf(w, "runs here:      yes, as a %s model\n", info.Runs)
	} else {
		fmt.Fprintf(w, "runs here:      no: %s\n", info.Needs)
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func humanCount(n uint64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.2fB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1fM", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1fK", float64(n)/1e3)
	}
	return fmt.Sprint(n)
}
