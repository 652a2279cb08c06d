// Package reasoning separates a reasoning model's thinking from its answer
// in streamed text, as llama-server's --reasoning-format deepseek does:
// text inside <think>...</think> (EXAONE Deep: <thought>...</thought>) is
// reasoning, the rest is the answer. It also tells whether a rendered
// prompt opened a thinking block itself (DeepSeek-R1 distills and QwQ
// templates end the generation prompt with "<think>\n"), in which case
// the reply starts inside it.
//
// It owns only text: which tags open and close a thinking block, and how a
// stream of pieces splits into reasoning and answer; the node decides what
// to do with each part.
//
// It imports nothing from this module.
package reasoning
