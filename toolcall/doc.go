// Package toolcall owns the tool-calling formats of chat model families:
// which format a chat template speaks (Detect), how tool definitions and
// earlier calls are written into a prompt whose template cannot render
// them (SystemPrompt, CallText, ResultText), what text starts a call
// (Format.Prefix, Format.Triggers), the JSON Schema a call must satisfy so
// that it can be grammar-constrained (CallSchema), and the streaming
// parser that turns generated text into content and OpenAI-shaped tool
// calls (Parser).
//
// Families:
//
//   - Hermes: Hermes 2/3, Qwen 2.5 and Qwen3, ChatML presets, and the
//     generic fallback for templates without tool support:
//     <tool_call>{"name": ..., "arguments": {...}}</tool_call>, repeated
//     for parallel calls. Hermes 2 Pro puts "arguments" before "name";
//     CallSchema allows either order here, and the parser reads either
//     order in every family.
//   - Groq: Llama-3-Groq-Tool-Use, the same tags with an "id" key.
//   - Llama3: Llama 3.1-3.3 JSON tool calls, {"name": ..., "parameters":
//     {...}} at the start of the reply or after <|python_tag|>.
//   - Mistral: [TOOL_CALLS][{"name": ..., "arguments": {...}}, ...].
//   - MistralArgs: the newer Mistral form (Mistral Small 3.2, Magistral,
//     Devstral; templates that write [ARGS]): [TOOL_CALLS]name[ARGS]{...}
//     for each call. Its call is not one JSON value, so it has no
//     CallSchema: the node constrains the name, then that tool's
//     parameters.
//   - Llama4: Llama 4. Its official template (the one Hugging Face
//     transformers writes) asks for and renders JSON calls,
//     {"name": ..., "parameters": {...}} one after another, after
//     <|python_start|>content<|python_end|>; Meta's prompt format documents
//     a Python list of calls, [f(a=1), g(b="x")], keyword arguments with
//     literal values. The parser reads both (the markers are dropped; a
//     list's calls are given out as each closes, their literals as JSON);
//     a grammar constrains the JSON form, which CallSchema describes.
//   - Harmony: gpt-oss, whose replies are channel messages (analysis is
//     reasoning, final the answer) and whose calls are commentary
//     messages addressed to functions.NAME; HarmonyParser reads them.
//
// The package is text in, text out: it knows nothing of tokens or of the
// grammar engine, which the node puts together with it.
//
// It imports nothing from this module.
package toolcall
