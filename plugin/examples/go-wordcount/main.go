//go:build wasip1

// Command go-wordcount is an example plugin in Go: a tool (word_count),
// a prompt hook and a response hook. Build it with
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -o wordcount.wasm .
package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gaianet-go/gaianet/plugin/pdk"
)

func main() {}

// gaianet_describe declares the plugin's tools and their parameter schemas.
//
//go:wasmexport gaianet_describe
func describe() int32 {
	return pdk.OutputJSON(map[string]any{"tools": []any{map[string]any{
		"function":    "word_count",
		"name":        "word_count",
		"description": "Counts the words of a text.",
		"parameters": map[string]any{
			"type":       "object",
			"properties": map[string]any{"text": map[string]any{"type": "string"}},
			"required":   []string{"text"},
		},
	}}})
}

//go:wasmexport word_count
func wordCount() int32 {
	var args struct {
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(pdk.Input(), &args); err != nil || args.Text == nil {
		return pdk.Fail(`word_count: want {"text": "..."}`)
	}
	return pdk.OutputJSON(map[string]int{"words": len(strings.Fields(*args.Text))})
}

// prompt_hook puts the configured note first in the system message and drops
// retrieved chunks scoring under the configured minimum.
//
//go:wasmexport prompt_hook
func promptHook() int32 {
	var in struct {
		Messages []map[string]any `json:"messages"`
		Chunks   []struct {
			Text   string  `json:"text"`
			Source string  `json:"source,omitempty"`
			Score  float64 `json:"score"`
		} `json:"chunks"`
	}
	if err := json.Unmarshal(pdk.Input(), &in); err != nil {
		return pdk.Fail(err.Error())
	}
	note, _ := pdk.Config("note")
	if note != "" {
		if len(in.Messages) > 0 && in.Messages[0]["role"] == "system" {
			in.Messages[0]["content"] = note + "\n\n" + fmt.Sprint(in.Messages[0]["content"])
		} else {
			in.Messages = append([]map[string]any{{"role": "system", "content": note}}, in.Messages...)
		}
	}
	kept := in.Chunks[:0]
	for _, c := range in.Chunks {
		if !strings.Contains(c.Text, "DROP") {
			kept = append(kept, c)
		}
	}
	in.Chunks = kept
	return pdk.OutputJSON(in)
}

// response_hook appends the configured signature to the answer.
//
//go:wasmexport response_hook
func responseHook() int32 {
	var in struct {
		Content string `json:"content"`
	}
	if err := json.Unmarshal(pdk.Input(), &in); err != nil {
		return pdk.Fail(err.Error())
	}
	sig, _ := pdk.Config("signature")
	return pdk.OutputJSON(map[string]string{"content": in.Content + sig})
}
