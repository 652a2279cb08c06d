package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

func presetFiles(t *testing.T) []string {
	root := sharedtest.Path(t, "gaianet-configs")
	files, err := filepath.Glob(filepath.Join(root, "*", "config.json"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join(root, "_default-0.4.27.json"))
	if len(files) < 50 {
		t.Fatalf("found only %d preset configs under %s", len(files), root)
	}
	return files
}

// stringMap reads a config file as GaiaNet's scripts see it: a flat object
// of strings, in file order.
func stringMap(t *testing.T, data []byte) (map[string]string, []string) {
	t.Helper()
	c, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string)
	for k, v := range m {
		s, ok := v.(string)
		if !ok {
			continue
		}
		out[k] = s
	}
	return out, c.order
}

func TestPresetsLoadValidateRoundTrip(t *testing.T) {
	for _, path := range presetFiles(t) {
		name := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			orig, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c, err := Load(path)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			if c.Chat == "" || c.ChatCtxSize <= 0 || c.LlamaEdgePort != 8080 {
				t.Fatalf("fields not decoded: chat=%q ctx=%d port=%d", c.Chat, c.ChatCtxSize, c.LlamaEdgePort)
			}
			out := filepath.Join(t.TempDir(), FileName)
			if err := c.Save(out); err != nil {
				t.Fatalf("Save: %v", err)
			}
			again, err := Load(out)
			if err != nil {
				t.Fatalf("reload: %v", err)
			}
			if !c.Equal(again) {
				t.Fatalf("round trip changed the config:\n got %+v\nwant %+v", again, c)
			}
			saved, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			// GaiaNet's scripts read every value as a string: each original
			// key keeps its exact text, and the original order leads.
			origVals, origOrder := stringMap(t, orig)
			var savedAny map[string]any
			if err := json.Unmarshal(saved, &savedAny); err != nil {
				t.Fatal(err)
			}
			for k, v := range savedAny {
				if _, ok := v.(string); !ok {
					t.Errorf("saved %q as %T, GaiaNet writes strings", k, v)
				}
			}
			for k, want := range origVals {
				if got := savedAny[k]; got != want {
					t.Errorf("key %q: saved %q, original %q", k, got, want)
				}
			}
			_, savedOrder := stringMap(t, saved)
			if len(savedOrder) < len(origOrder) || !reflect.DeepEqual(savedOrder[:len(origOrder)], origOrder) {
				t.Errorf("key order changed:\n got %v\nwant prefix %v", savedOrder, origOrder)
			}
			// One key per line, as GaiaNet's awk-based parsing needs.
			for _, line := range strings.Split(string(saved), "\n") {
				if strings.Count(line, `": `) > 1 {
					t.Errorf("two keys on one line: %s", line)
				}
			}
			// A user's own field, added to the preset, survives an edit.
			withExtra := append([]byte("{\"zz_user_field\": {\"k\": [1, \"two\"]},"), bytes.TrimSpace(orig)[1:]...)
			edited := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(edited, withExtra, 0o644); err != nil {
				t.Fatal(err)
			}
			ce, err := Load(edited)
			if err != nil {
				t.Fatal(err)
			}
			ce.SystemPrompt = "edited"
			if err := ce.Save(edited); err != nil {
				t.Fatal(err)
			}
			ce2, err := Load(edited)
			if err != nil {
				t.Fatal(err)
			}
			if string(ce2.Extra["zz_user_field"]) != `{"k":[1,"two"]}` || ce2.SystemPrompt != "edited" || !ce.Equal(ce2) {
				t.Fatalf("user field or edit lost: %v", ce2.Extra)
			}

			// Files already in GaiaNet's default style come back byte for byte.
			if bytes.HasPrefix(orig, []byte("{\n    \"")) && len(origVals) == len(savedAny) {
				if !bytes.Equal(body(saved), body(orig)) {
					t.Errorf("4-space file not reproduced exactly:\n%s", saved)
				}
			}
		})
	}
}

// body strips the closing brace and surrounding white space, which some
// presets write oddly ("  }\n  \n").
func body(b []byte) []byte {
	b = bytes.TrimSpace(b)
	b = bytes.TrimSuffix(b, []byte("}"))
	return bytes.TrimSpace(b)
}

func TestDefaultMatchesGaiaNetDefault(t *testing.T) {
	path := filepath.Join(sharedtest.Path(t, "gaianet-configs"), "_default", "config.json")
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := Default().Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimRight(enc, "\n"), bytes.TrimRight(orig, "\n")) {
		t.Fatalf("Default() encodes differently from GaiaNet's default:\n%s\nwant\n%s", enc, orig)
	}
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	d.ApplyDefaults()
	if !loaded.Equal(d) {
		t.Fatalf("Load(default) = %+v\nwant %+v", loaded, d)
	}
}

// tolerantJSON returns testdata/tolerant.json, a config with unknown and
// oddly typed fields.
func tolerantJSON(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "tolerant.json"))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// tolerant returns testdata/tolerant.json decoded.
func tolerant(t *testing.T) *Config {
	t.Helper()
	c, err := Decode(tolerantJSON(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestUnknownFieldsSurviveRoundTrip(t *testing.T) {
	src := tolerantJSON(t)
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, src, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	// Edit like `gaianet config --chat-ctx-size 4096` would.
	c.ChatCtxSize = 4096
	if err := c.Save(p); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("Save changed the file mode to %v", st.Mode().Perm())
	}
	got, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if got.ChatCtxSize != 4096 {
		t.Errorf("edit lost: chat_ctx_size = %d", got.ChatCtxSize)
	}
	wantExtra := map[string]string{
		"custom_field": `{"nested":[1,2.50,"x"],"on":true}`,
		"another":      `null`,
	}
	if len(got.Extra) != len(wantExtra) {
		t.Errorf("Extra = %v", got.Extra)
	}
	for k, v := range wantExtra {
		if string(got.Extra[k]) != v {
			t.Errorf("Extra[%q] = %s, want %s", k, got.Extra[k], v)
		}
	}
	if string(got.Ext.Extra["future_option"]) != `[true]` {
		t.Errorf("unknown extension lost: %v", got.Ext.Extra)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestTolerantDecoding(t *testing.T) {
	c := tolerant(t)
	checks := []struct {
		name      string
		got, want any
	}{
		{"llamaedge_port number", c.LlamaEdgePort, 8081},
		{"llamaedge_chat_port string", c.LlamaEdgeChatPort, 9070},
		{"llamaedge_embedding_port float", c.LlamaEdgeEmbeddingPort, 9071},
		{"chat_batch_size padded", c.ChatBatchSize, 64},
		{"qdrant_limit", c.QdrantLimit, 3},
		{"threshold explicit zero", c.QdrantScoreThreshold, 0.0},
		{"reverse_prompt", c.ReversePrompt, "<|im_end|>"},
		{"api_keys comma list", c.Ext.APIKeys, []string{"k1", "k2"}},
		{"cors_origins", c.Ext.CORSOrigins, []string{"*"}},
		{"parallel string", c.Ext.Parallel, 4},
		{"queue_size", c.Ext.QueueSize, 16},
		{"force_rag yes", c.Ext.ForceRAG, true},
		{"chat_upstream", c.Ext.ChatUpstream, "https://api.example.com/v1"},
		{"qdrant_url", c.Ext.QdrantURL, "https://qdrant.example:6334"},
		{"qdrant_api_key", c.Ext.QdrantAPIKey, "qk-1"},
		{"search_fusion", c.Ext.SearchFusion, "hybrid"},
	}
	for _, ck := range checks {
		if !reflect.DeepEqual(ck.got, ck.want) {
			t.Errorf("%s: got %#v, want %#v", ck.name, ck.got, ck.want)
		}
	}
	c.ApplyDefaults()
	if c.QdrantScoreThreshold != 0 {
		t.Errorf("ApplyDefaults replaced an explicit 0 threshold with %v", c.QdrantScoreThreshold)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	enc, err := c.Encode()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"reverse_prompt": "<|im_end|>"`, `"system_prompt": "You are terse & exact."`,
		`"llamaedge_port": "8081"`, `"qdrant_score_threshold": "0"`, `"parallel": 4`, `"api_keys": ["k1", "k2"]`} {
		if !bytes.Contains(enc, []byte(want)) {
			t.Errorf("encoded config lacks %s:\n%s", want, enc)
		}
	}
}

func TestDecodeScalars(t *testing.T) {
	tests := []struct {
		json    string
		check   func(c *Config) bool
		wantErr string
	}{
		{`{"chat_ctx_size": "16384"}`, func(c *Config) bool { return c.ChatCtxSize == 16384 }, ""},
		{`{"chat_ctx_size": 16384}`, func(c *Config) bool { return c.ChatCtxSize == 16384 }, ""},
		{`{"chat_ctx_size": 1.6384e4}`, func(c *Config) bool { return c.ChatCtxSize == 16384 }, ""},
		{`{"chat_ctx_size": ""}`, func(c *Config) bool { return c.ChatCtxSize == 0 }, ""},
		{`{"chat_ctx_size": null}`, func(c *Config) bool { return c.ChatCtxSize == 0 }, ""},
		{`{"qdrant_score_threshold": "0.25"}`, func(c *Config) bool { return c.QdrantScoreThreshold == 0.25 }, ""},
		{`{"chat": 5}`, func(c *Config) bool { return c.Chat == "5" }, ""},
		{`{"gaianet_go": {"force_rag": "TRUE"}}`, func(c *Config) bool { return c.Ext.ForceRAG }, ""},
		{`{"gaianet_go": {"force_rag": 0}}`, func(c *Config) bool { return !c.Ext.ForceRAG }, ""},
		{`{"gaianet_go": {"force_rag": "off"}}`, func(c *Config) bool { return !c.Ext.ForceRAG }, ""},
		{`{"chat": "a", "chat": "b"}`, func(c *Config) bool { return c.Chat == "b" && len(c.order) == 1 }, ""},
		{`{"chat_ctx_size": "lots"}`, nil, `field "chat_ctx_size": "lots" is not an integer`},
		{`{"chat_ctx_size": 1.5}`, nil, `is not an integer`},
		{`{"chat_ctx_size": true}`, nil, `want an integer`},
		{`{"chat_ctx_size": "99999999999"}`, nil, `out of range`},
		{`{"qdrant_score_threshold": "NaN"}`, nil, `not a finite number`},
		{`{"chat": {"url": "x"}}`, nil, `want a string, number or boolean`},
		{`{"gaianet_go": {"force_rag": "maybe"}}`, nil, `is not a boolean`},
		{`{"gaianet_go": "x"}`, nil, `want a JSON object`},
		{`[]`, nil, `want a JSON object`},
		{`{"chat": "a"} {}`, nil, `data after`},
		{`{"chat": "a"`, nil, `syntax`},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			c, err := Decode([]byte(tt.json))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "config: ") {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Fatalf("decoded %+v", c)
			}
		})
	}
	_, err := Decode([]byte(`{"llamaedge_port": "eighty"}`))
	if !errors.Is(err, ErrBadValue) {
		t.Errorf("errors.Is(%v, ErrBadValue) = false", err)
	}
}

func TestApplyDefaults(t *testing.T) {
	c, err := Decode([]byte(`{"chat": "m.gguf", "chat_ctx_size": "4096", "qdrant_score_threshold": ""}`))
	if err != nil {
		t.Fatal(err)
	}
	c.ApplyDefaults()
	d := Default()
	if c.ChatCtxSize != 4096 {
		t.Errorf("ApplyDefaults overwrote chat_ctx_size: %d", c.ChatCtxSize)
	}
	if c.LlamaEdgePort != d.LlamaEdgePort || c.Domain != d.Domain || c.QdrantLimit != d.QdrantLimit ||
		c.QdrantScoreThreshold != d.QdrantScoreThreshold || c.EmbeddingCollectionName != "default" ||
		c.RAGPolicy != RAGPolicySystemMessage || c.ChatBatchSize != d.ChatBatchSize {
		t.Errorf("defaults not applied: %+v", c)
	}
	if c.Embedding != "" || c.SystemPrompt != "" {
		t.Errorf("ApplyDefaults chose a model or prompt: %+v", c)
	}
	if c.ChatUbatch() != c.ChatBatchSize || c.EffectiveContextWindow() != 1 {
		t.Errorf("effective values: ubatch %d, window %d", c.ChatUbatch(), c.EffectiveContextWindow())
	}
	before := c.Clone()
	c.ApplyDefaults()
	if !reflect.DeepEqual(before, c) {
		t.Error("ApplyDefaults is not idempotent")
	}
}

func TestSaveErrors(t *testing.T) {
	c := Default()
	err := c.Save(filepath.Join(t.TempDir(), "missing", FileName))
	if err == nil || !strings.Contains(err.Error(), "config: write") {
		t.Fatalf("Save into a missing directory: %v", err)
	}
	c.Extra = map[string]json.RawMessage{"broken": json.RawMessage(`{`)}
	if _, err := c.Encode(); err == nil {
		t.Fatal("Encode accepted invalid raw JSON in Extra")
	}
	if _, err := Load(filepath.Join(t.TempDir(), "nope.json")); err == nil || !strings.HasPrefix(err.Error(), "config: ") {
		t.Fatalf("Load of a missing file: %v", err)
	}
}

func TestCloneIsDeep(t *testing.T) {
	c := tolerant(t)
	n := c.Clone()
	if !reflect.DeepEqual(c, n) {
		t.Fatal("clone differs")
	}
	n.Ext.APIKeys[0] = "changed"
	n.Extra["custom_field"][0] = '['
	n.order[0] = "changed"
	if c.Ext.APIKeys[0] == "changed" || c.Extra["custom_field"][0] == '[' || c.order[0] == "changed" {
		t.Fatal("Clone shares memory with the original")
	}
}

func TestJSONMarshalers(t *testing.T) {
	type wrapper struct {
		Node *Config `json:"node"`
	}
	in := wrapper{Node: Default()}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out wrapper
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if !in.Node.Equal(out.Node) {
		t.Fatalf("json round trip: %+v", out.Node)
	}
}

// TestSaveModes checks that config.json, which holds API keys, is written
// 0600 and that Save and Tighten take group and other bits off a file an
// older version wrote 0644 (issue 13, item 15).
func TestSaveModes(t *testing.T) {
	dir := t.TempDir()
	mode := func(p string) os.FileMode {
		t.Helper()
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	fresh := filepath.Join(dir, "fresh.json")
	if err := Default().Save(fresh); err != nil {
		t.Fatal(err)
	}
	if m := mode(fresh); m != 0o600 {
		t.Errorf("new config.json: %v, want 0600", m)
	}
	old := filepath.Join(dir, "old.json")
	if err := os.WriteFile(old, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Default().Save(old); err != nil {
		t.Fatal(err)
	}
	if m := mode(old); m != 0o600 {
		t.Errorf("saved over a 0644 file: %v, want 0600", m)
	}
	os.Chmod(old, 0o664)
	if err := Tighten(old, FileMode); err != nil {
		t.Fatal(err)
	}
	if m := mode(old); m != 0o600 {
		t.Errorf("tightened: %v, want 0600", m)
	}
	os.Chmod(old, 0o400)
	if err := Tighten(old, FileMode); err != nil || mode(old) != 0o400 {
		t.Errorf("Tighten loosened a 0400 file to %v (%v)", mode(old), err)
	}
	if err := Tighten(filepath.Join(dir, "missing.json"), FileMode); err != nil {
		t.Errorf("Tighten of a missing file: %v", err)
	}
}

func TestPluginsRoundTrip(t *testing.T) {
	in := []byte(`{"chat":"x","gaianet_go":{"plugins":[{"name":"wc","path":"wc.wasm","hooks":["prompt"]}]}}`)
	c, err := Decode(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(c.Ext.Plugins) != `[{"name":"wc","path":"wc.wasm","hooks":["prompt"]}]` {
		t.Fatalf("plugins: %s", c.Ext.Plugins)
	}
	out, err := c.Encode()
	if err != nil {
		t.Fatal(err)
	}
	c2, err := Decode(out)
	if err != nil || !c.Equal(c2) {
		t.Fatalf("round trip: %v\n%s", err, out)
	}
	if _, err := Decode([]byte(`{"gaianet_go":{"plugins":{"name":"wc"}}}`)); err == nil || !strings.Contains(err.Error(), "array") {
		t.Fatalf("plugins as an object: %v", err)
	}
}

func TestLoRAConfig(t *testing.T) {
	c, err := Decode([]byte(`{"chat":"m.gguf","embedding":"e.gguf","gaianet_go":{"lora":[{"path":"a.gguf"},{"path":"b.gguf","scale":0.5}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Ext.LoRA) != 2 || c.Ext.LoRA[0].ScaleOr1() != 1 || c.Ext.LoRA[1].ScaleOr1() != 0.5 {
		t.Fatalf("lora = %+v", c.Ext.LoRA)
	}
	if d := c.Clone(); !d.Equal(c) || &d.Ext.LoRA[0] == &c.Ext.LoRA[0] {
		t.Error("clone")
	}
	for _, bad := range []string{`[{"path":""}]`, `[{"path":"https://x/a.gguf"}]`, `[{"path":"a","scale":1000}]`} {
		c, err := Decode([]byte(`{"gaianet_go":{"lora":` + bad + `}}`))
		if err != nil {
			t.Fatal(err)
		}
		c.ApplyDefaults()
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "gaianet_go.lora[0]") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	if _, err := Decode([]byte(`{"gaianet_go":{"lora":[{"path":"a","scales":1}]}}`)); err == nil {
		t.Error("unknown field accepted")
	}
}
