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
//     for parallel calls.
//   - Groq: Llama-3-Groq-Tool-Use, the same tags with an "id" key.
//   - Llama3: Llama 3.1-3.3 JSON tool calls, {"name": ..., "parameters":
//     {...}} at the start of the reply or after <|python_tag|>.
//   - Mistral: [TOOL_CALLS][{"name": ..., "arguments": {...}}, ...].
//   - MistralArgs: the newer Mistral form (Mistral Small 3.2, Magistral,
//     Devstral; templates that write [ARGS]): [TOOL_CALLS]name[ARGS]{...}
//     for each call. Its call is not one JSON value, so it has no
//     CallSchema: the node constrains the name, then that tool's
//     parameters.
//   - Harmony: gpt-oss, whose replies are channel messages (analysis is
//     reasoning, final the answer) and whose calls are commentary
//     messages addressed to functions.NAME; HarmonyParser reads them.
//
// The package is text in, text out: it knows nothing of tokens or of the
// grammar engine, which the node puts together with it.
//
// It imports nothing from this module.
package toolcall
