package chattemplate

import (
	"embed"
	"fmt"
	"sort"
)

// Builtin describes a built-in template, for models whose GGUF file has
// no tokenizer.chat_template.
type Builtin struct {
	// Name is LlamaEdge's prompt-template name, e.g. "llama-3-chat".
	Name string
	// Description says which models the format is for.
	Description string
	// Stop lists the end-of-turn texts generation should stop at.
	Stop []string
	// file names builtin/<file>.jinja when the format is another
	// name's (LlamaEdge has two names for one format); "" is Name.
	file string
}

// builtinTable is the registry: adding a template is one entry here plus
// builtin/<Name>.jinja.
var builtinTable = []Builtin{
	{Name: "llama-2-chat", Description: "Llama 2 chat ([INST] with <<SYS>> system block)", Stop: []string{"</s>"}},
	{Name: "llama-3-chat", Description: "Llama 3 / 3.1 / 3.2 instruct (header ids, <|eot_id|>)", Stop: []string{"<|eot_id|>"}},
	{Name: "chatml", Description: "ChatML (<|im_start|> / <|im_end|>): Qwen2, Yi, Hermes and others", Stop: []string{"<|im_end|>"}},
	{Name: "mistral-instruct", Description: "Mistral / Mixtral Instruct ([INST] ... [/INST])", Stop: []string{"</s>"}},
	{Name: "qwen3-no-think", Description: "Qwen3 with thinking off (ChatML, tools, empty <think> block)", Stop: []string{"<|im_end|>"}},
	{Name: "gemma-3", Description: "Gemma 2 / 3 instruct (<start_of_turn>, model role)", Stop: []string{"<end_of_turn>"}},
	{Name: "gemma-instruct", Description: "Gemma 1.1, CodeGemma and Gemma 2 instruct: gemma-3's format (<start_of_turn>, model role, system text opening the first user turn)", Stop: []string{"<end_of_turn>"}, file: "gemma-3"},
	{Name: "phi-3-chat", Description: "Phi-3 instruct (<|user|>, <|end|>)", Stop: []string{"<|end|>"}},
	{Name: "llama-4-chat", Description: "Llama 4 instruct (<|header_start|>role<|header_end|>, <|eot|>)", Stop: []string{"<|eot|>"}},
	{Name: "deepseek-chat-25", Description: "DeepSeek V2.5 (<｜User｜>, <｜Assistant｜>, <｜end▁of▁sentence｜>)", Stop: []string{"<｜end▁of▁sentence｜>"}},
	{Name: "exaone-chat", Description: "EXAONE 3.5 instruct ([|user|], [|assistant|], [|endofturn|])", Stop: []string{"[|endofturn|]"}},
}

//go:embed builtin/*.jinja
var builtinFS embed.FS

type builtinEntry struct {
	info   Builtin
	source string
	tmpl   *Template
}

// builtins is built once at package initialisation and only read after.
var builtins = loadBuiltins()

func loadBuiltins() map[string]*builtinEntry {
	m := make(map[string]*builtinEntry, len(builtinTable))
	for _, b := range builtinTable {
		if _, dup := m[b.Name]; dup {
			panic("chattemplate: duplicate built-in template " + b.Name)
		}
		file := b.file
		if file == "" {
			file = b.Name
		}
		src, err := builtinFS.ReadFile("builtin/" + file + ".jinja")
		if err != nil {
			panic(fmt.Sprintf("chattemplate: built-in template %s: %v", b.Name, err))
		}
		t, err := Parse(string(src))
		if err != nil {
			panic(fmt.Sprintf("chattemplate: built-in template %s: %v", b.Name, err))
		}
		m[b.Name] = &builtinEntry{info: b, source: string(src), tmpl: t}
	}
	return m
}

// Lookup returns the built-in template with LlamaEdge's name (see Names).
// The template is shared and safe for concurrent use.
func Lookup(name string) (*Template, bool) {
	e, ok := builtins[name]
	if !ok {
		return nil, false
	}
	return e.tmpl, true
}

// Info describes the built-in template with the given name.
func Info(name string) (Builtin, bool) {
	e, ok := builtins[name]
	if !ok {
		return Builtin{}, false
	}
	b := e.info
	b.Stop = append([]string(nil), b.Stop...)
	return b, true
}

// Source returns the Jinja source of a built-in template.
func Source(name string) (string, bool) {
	e, ok := builtins[name]
	if !ok {
		return "", false
	}
	return e.source, true
}

// Names lists the built-in template names, sorted. The caller owns the slice.
func Names() []string {
	out := make([]string, 0, len(builtins))
	for n := range builtins {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
