package chattemplate

import (
	"strings"
	"testing"
)

// The built-ins' renderings are checked against LlamaEdge and the official
// Jinja templates in external_test.go.

func TestBuiltinRegistry(t *testing.T) {
	want := []string{"chatml", "deepseek-chat-25", "exaone-chat", "gemma-3", "gemma-instruct", "llama-2-chat", "llama-3-chat", "llama-4-chat", "mistral-instruct", "phi-3-chat", "qwen3-no-think"}
	got := Names()
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	for _, n := range got {
		info, ok := Info(n)
		if !ok || info.Name != n || len(info.Stop) == 0 || info.Description == "" {
			t.Errorf("Info(%q) = %+v, %v", n, info, ok)
		}
		if src, ok := Source(n); !ok || src == "" {
			t.Errorf("Source(%q) empty", n)
		}
	}
	if _, ok := Lookup("no-such-template"); ok {
		t.Error("Lookup of an unknown name succeeded")
	}
	if _, ok := Info("no-such-template"); ok {
		t.Error("Info of an unknown name succeeded")
	}
}
