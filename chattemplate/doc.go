// Package chattemplate renders chat prompts for language models.
//
// It owns two things:
//
//   - A Jinja2 interpreter for the chat templates stored in GGUF files
//     (tokenizer.chat_template), written to render byte for byte what
//     Hugging Face transformers renders: jinja2 with trim_blocks and
//     lstrip_blocks, the immutable sandbox, raise_exception, strftime_now,
//     the {% generation %} tag and a tojson that is json.dumps with
//     ensure_ascii=False. It covers the Jinja2 subset real chat templates
//     use (if/for/set/macro, loop controls, namespace, filters, tests,
//     Python str/dict/list methods); other tags (include, call, filter
//     blocks, recursive loops) are syntax errors rather than guesses.
//     Rendering is bounded: output and string sizes, evaluation steps,
//     macro depth and nesting are limited, so a hostile template returns
//     an error wrapping ErrLimit instead of hanging or crashing.
//   - A registry of built-in templates (Lookup, Names, Info, Source) under
//     LlamaEdge's prompt-template names, for models whose GGUF has none.
//     They render what each family's official template renders; how they
//     differ from LlamaEdge's text, and why, is listed and tested in
//     testdata/external (README.md there).
//
// Parse a template once and render it from many goroutines:
//
//	t, err := chattemplate.Parse(src)
//	prompt, err := t.Render(msgs, chattemplate.Options{AddGenerationPrompt: true, BOSToken: "<s>"})
//
// # Why an interpreter of our own
//
// Two Go Jinja libraries were evaluated against the conformance renderings.
// github.com/nikolalohinski/gonja/v2 rendered 19 of 28 (it cannot parse
// the Gemma 3 template). github.com/ardanlabs/jinja v1.8.0 rendered all 28,
// but has no way to bound work: a recursive macro kills the whole process
// with a fatal stack overflow, and a loop over range(10**8) or a
// gigabyte string cannot be stopped. Templates come from model files, so
// that was disqualifying.
//
// # Exactness
//
// Besides the conformance cases, testdata/reference.json and
// testdata/random.jsonl hold outputs of Python jinja2 set up as Hugging
// Face does, for hand-written and random templates (regenerate them with
// the scripts beside them). Known differences, all outside what chat
// templates do: integers beyond int64 become floats; Jinja2's constant
// folding (slicing a literal that is not a sequence yields Undefined at
// compile time); printing lazy objects (generators, dict views, Markup
// lists), whose Python reprs differ; keys() / values() / items() return
// lists rather than views.
//
// # Tool-call arguments
//
// An assistant message's tool_calls[].function.arguments reach a template as
// llama.cpp gives them: as the JSON text OpenAI sends, unless the template
// renders them only as objects (Llama 3.1's tojson, templates that iterate
// arguments.items()), which a probe rendering decides once per template as
// minja's requires_object_arguments does; RenderJSON and RenderMaps bring
// arguments given either way to that form (testdata/external/README.md).
//
// RunConformance checks the interpreter against a conformance folder.
//
// It imports nothing from this module.
package chattemplate
