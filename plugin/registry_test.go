package plugin_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/wasmbuild"
	"github.com/gaianet-go/gaianet/plugin"
)

func TestRegistry(t *testing.T) {
	dir := t.TempDir()
	link := func(src, name string) {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	link(wasmbuild.Go(t, "plugin/examples/go-wordcount", false), "wc.wasm")
	link(wasmbuild.C(t, "plugin/examples/c-reverse/reverse.c"), "rev.wasm")
	ms, err := plugin.ParseManifests([]byte(`[
		{"name": "wc", "path": "wc.wasm", "hooks": ["prompt", "response"],
		 "config": {"note": "Be brief.", "signature": " -- wc"}},
		{"name": "rev", "path": "rev.wasm", "memory_pages": 8, "timeout": "1s"}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	h := newHost(t, nil)
	r, err := plugin.NewRegistry(context.Background(), h, ms, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close(context.Background())
	// The modules' SHA-256, sorted: what the node signs for royalties.
	var want []string
	for _, f := range []string{"wc.wasm", "rev.wasm"} {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		sum := sha256.Sum256(b)
		want = append(want, hex.EncodeToString(sum[:]))
	}
	slices.Sort(want)
	if got := r.SHA256s(); !slices.Equal(got, want) {
		t.Fatalf("SHA256s = %v, want %v", got, want)
	}

	tool, err := r.PluginTool("rev", "")
	if err != nil {
		t.Fatal(err)
	}
	if tool.Name() != "reverse_text" || !strings.Contains(string(tool.Parameters()), `"required":["text"]`) {
		t.Fatalf("tool %s %s", tool.Name(), tool.Parameters())
	}
	out, err := tool.Call(context.Background(), json.RawMessage(`{"text":"abc"}`))
	if err != nil || string(out) != `{"text":"cba"}` {
		t.Fatalf("call: %s, %v", out, err)
	}
	if _, err := r.PluginTool("wc", "nope"); err == nil {
		t.Fatal("a function the plugin does not declare was accepted")
	}
	if _, err := r.PluginTool("missing", ""); err == nil {
		t.Fatal("an unknown plugin was accepted")
	}

	d, err := r.PromptHooks(context.Background(), plugin.PromptData{
		Messages: json.RawMessage(`[{"role":"user","content":"hi"}]`),
		Chunks:   []plugin.Chunk{{Text: "keep", Score: 0.9}, {Text: "DROP me", Score: 0.8}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []struct{ Role, Content string }
	json.Unmarshal(d.Messages, &msgs)
	if len(msgs) != 2 || msgs[0].Content != "Be brief." || len(d.Chunks) != 1 || d.Chunks[0].Text != "keep" {
		t.Fatalf("prompt hook: %s %+v", d.Messages, d.Chunks)
	}
	content, err := r.ResponseHooks(context.Background(), plugin.ResponseData{Messages: d.Messages, Content: "Hello."})
	if err != nil || content != "Hello. -- wc" {
		t.Fatalf("response hook: %q, %v", content, err)
	}

	// A hook the module does not export is refused at load.
	ms2, _ := plugin.ParseManifests([]byte(`[{"name": "rev", "path": "rev.wasm", "hooks": ["prompt"]}]`))
	if _, err := plugin.NewRegistry(context.Background(), h, ms2, dir); err == nil || !strings.Contains(err.Error(), "prompt_hook") {
		t.Fatalf("hook without export: %v", err)
	}
	// A wrong sha256 is refused.
	ms3, _ := plugin.ParseManifests([]byte(`[{"name": "rev", "path": "rev.wasm", "sha256": "` + strings.Repeat("0", 64) + `"}]`))
	if _, err := plugin.NewRegistry(context.Background(), h, ms3, dir); err == nil || !strings.Contains(err.Error(), "sha256") {
		t.Fatalf("bad sha256: %v", err)
	}
}

func TestParseManifests(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{`[{"name":"a","path":"a.wasm"}]`, ""},
		{`[{"name":"a","path":"a.wasm","allowed_paths":["/srv/kb", {"host":"/tmp/x","guest":"/x","write":true}]}]`, ""},
		{`[{"name":"a","path":"a.wasm","memroy_pages":3}]`, "unknown field"},
		{`[{"name":"A b","path":"a.wasm"}]`, "name"},
		{`[{"name":"a"}]`, "exactly one of path and builtin"},
		{`[{"name":"a","path":"a","builtin":"code"}]`, "exactly one"},
		{`[{"name":"a","builtin":"python"}]`, "unknown builtin"},
		{`[{"name":"a","path":"a","timeout":"forever"}]`, "duration"},
		{`[{"name":"a","path":"a","timeout":"1h"}]`, "outside"},
		{`[{"name":"a","path":"a","memory_pages":70000}]`, "maximum"},
		{`[{"name":"a","path":"a","allowed_hosts":["http://x.com"]}]`, "host name"},
		{`[{"name":"a","path":"a","allowed_paths":["relative"]}]`, "absolute"},
		{`[{"name":"a","path":"a","hooks":["before"]}]`, "unknown hook"},
		{`[{"name":"a","path":"a"},{"name":"a","path":"b"}]`, "twice"},
		{`[{"name":"a","path":"a"}] x`, "after"},
	} {
		ms, err := plugin.ParseManifests([]byte(tc.in))
		if tc.err == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.in, err)
			} else if ms[0].MemoryPages != plugin.DefaultMemoryPages || ms[0].Instances != plugin.DefaultInstances {
				t.Errorf("%s: defaults not applied: %+v", tc.in, ms[0])
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: got %v, want an error with %q", tc.in, err, tc.err)
		}
	}
}

func FuzzParseManifests(f *testing.F) {
	f.Add([]byte(`[{"name":"a","path":"a.wasm","hooks":["prompt"],"timeout":"2s","allowed_hosts":["*.example.com"],"allowed_paths":["/x",{"host":"/y","write":true}],"config":{"k":"v"}}]`))
	f.Add([]byte(`[{"name":"code","builtin":"code","memory_pages":100}]`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := plugin.ParseManifests(data)
		if err != nil {
			return
		}
		for _, m := range ms {
			// What parses is valid, and valid again after a round trip.
			if m.MemoryPages == 0 || m.MemoryPages > plugin.MaxMemoryPages || m.Timeout <= 0 || m.Instances < 1 {
				t.Fatalf("accepted an invalid manifest: %+v", m)
			}
			b, err := json.Marshal([]plugin.Manifest{m})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := plugin.ParseManifests(b); err != nil {
				t.Fatalf("round trip of %s: %v", b, err)
			}
		}
	})
}

// BenchmarkToolCall measures one plugin tool call on a warm pool: an
// instance from the pool, JSON in, the call, JSON out.
func BenchmarkToolCall(b *testing.B) {
	for _, bc := range []struct{ name, wasm, fn, in string }{
		{"c-reverse", "c", "reverse", `{"text":"hello world"}`},
		{"go-wordcount", "go", "word_count", `{"text":"hello plugin world"}`},
		{"go-echo", "hostile", "echo", `{"text":"hello plugin world"}`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var path string
			switch bc.wasm {
			case "c":
				path = wasmbuild.C(b, "plugin/examples/c-reverse/reverse.c")
			case "hostile":
				path = wasmbuild.Go(b, "plugin/testdata/hostile", false)
			default:
				path = wasmbuild.Go(b, "plugin/examples/go-wordcount", false)
			}
			h := newHost(b, nil)
			p := load(b, h, path, plugin.Manifest{Name: "bench", Clock: os.Getenv("BENCH_CLOCK") != ""})
			fn := bc.fn
			if !p.HasFunction(fn) {
				b.Fatalf("no %s", fn)
			}
			args := json.RawMessage(bc.in)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := processCPU()
			for range b.N {
				res, err := p.Call(ctx, fn, args)
				if err != nil || !json.Valid(res.Output) {
					b.Fatal(err)
				}
			}
			// On a shared machine wall time counts the other tenants too:
			// report the process's CPU time per call beside it.
			b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}
