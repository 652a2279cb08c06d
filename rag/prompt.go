package rag

import (
	"strings"

	"github.com/gaianet-go/gaianet/chattemplate"
)

// InsertContext places retrieved chunk texts in a chat as a node serves
// them: prompt (config.json's rag_prompt) and a line break, then the
// chunks separated by blank lines. With lastUser that text comes, with a
// blank line after it, before the last user message; otherwise (or when
// no message is the user's) it follows the system message after a blank
// line, or is a system message of its own. msgs is not changed; no chunks
// return msgs as they are.
func InsertContext(msgs []chattemplate.Message, prompt string, chunks []string, lastUser bool) []chattemplate.Message {
	if len(chunks) == 0 {
		return msgs
	}
	var b strings.Builder
	if prompt != "" {
		b.WriteString(prompt)
		b.WriteString("\n")
	}
	b.WriteString(strings.Join(chunks, "\n\n"))
	text := b.String()
	out := append([]chattemplate.Message(nil), msgs...)
	if lastUser {
		for i := len(out) - 1; i >= 0; i-- {
			if out[i].Role == "user" {
				out[i].Content = text + "\n\n" + out[i].Content
				return out
			}
		}
	}
	if len(out) > 0 && out[0].Role == "system" {
		out[0].Content = strings.TrimRight(out[0].Content, "\n") + "\n\n" + text
		return out
	}
	return append([]chattemplate.Message{{Role: "system", Content: text}}, out...)
}
