package node

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/internal/wasmbuild"
)

// TestPluginHooks runs a node whose chats go to an upstream node, with the
// example plugin as prompt and response hook: the upstream receives the
// hook's system message and the client the hook's signature.
func TestPluginHooks(t *testing.T) {
	wasm := wasmbuild.Go(t, "plugin/examples/go-wordcount", false)
	rc, a := nodeA(t, nil)
	_, bs := nodeB(t, a.URL+"/v1", func(c *config.Config) {
		c.Ext.Plugins = json.RawMessage(fmt.Sprintf(`[{"name":"wc","path":%q,"hooks":["prompt","response"],
			"config":{"note":"Answer in one word.","signature":" [checked]"}}]`, wasm))
	})
	addKnowledge(t, bs.URL, "kb.md", kbText)
	req := `{"temperature":0,"max_tokens":8,"messages":[{"role":"user","content":"` + kbText + `"}]%s}`
	code, body := post(t, bs.URL+"/v1/chat/completions", fmt.Sprintf(req, ""))
	out := decodeOut(t, code, body)
	var up struct {
		Messages []struct{ Role, Content string } `json:"messages"`
	}
	json.Unmarshal(rc.last(t, "/v1/chat/completions").Body, &up)
	if len(up.Messages) < 2 || up.Messages[0].Role != "system" || !strings.HasPrefix(up.Messages[0].Content, "Answer in one word.") {
		t.Fatalf("the prompt hook's message did not reach the model: %+v", up.Messages)
	}
	if !strings.HasSuffix(out.Choices[0].Message.Content, " [checked]") || len(out.Sources) == 0 {
		t.Fatalf("response hook: %s", body)
	}
	// Streamed: the hooked content arrives whole.
	s := postStream(t, bs.URL+"/v1/chat/completions", fmt.Sprintf(req, `,"stream":true`))
	if s.text != out.Choices[0].Message.Content {
		t.Fatalf("streamed %q, want %q", s.text, out.Choices[0].Message.Content)
	}
}

// TestHostileHookContained gives a node a prompt hook that loops forever
// or allocates without end on some requests: those fail with the reason,
// requests without the trigger are served meanwhile, and no goroutine is
// left behind.
func TestHostileHookContained(t *testing.T) {
	wasm := wasmbuild.Go(t, "plugin/testdata/hostile", false)
	_, a := nodeA(t, nil)
	before := runtime.NumGoroutine()
	n, bs := nodeB(t, a.URL+"/v1", func(c *config.Config) {
		// Two entries of the same module, run in turn on every request: one
		// that meets the memory limit first (a long timeout, so a loaded
		// machine still reaches it), one that times out early.
		c.Ext.Plugins = json.RawMessage(fmt.Sprintf(`[
			{"name":"bomb","path":%q,"hooks":["prompt"],"timeout":"60s","memory_pages":200,"config":{"attack":"BOMB"}},
			{"name":"loop","path":%[1]q,"hooks":["prompt"],"timeout":"2s","config":{"attack":"LOOP"}}]`, wasm))
	})
	chat := func(content string) (int, []byte) {
		return post(t, bs.URL+"/v1/chat/completions", `{"temperature":0,"max_tokens":4,"messages":[{"role":"user","content":"`+content+`"}]}`)
	}
	var wg sync.WaitGroup
	results := map[string]string{}
	var mu sync.Mutex
	for _, trigger := range []string{"LOOP", "BOMB"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, body := chat(trigger)
			mu.Lock()
			results[trigger] = fmt.Sprintf("%d %s", code, body)
			mu.Unlock()
		}()
	}
	time.Sleep(200 * time.Millisecond) // the hostile calls are running
	start := time.Now()
	code, body := chat("hello")
	if code != 200 {
		t.Fatalf("a normal request while the hook misbehaves: %d %s", code, body)
	}
	t.Logf("normal request served in %v while the hostile calls ran", time.Since(start).Round(time.Millisecond))
	wg.Wait()
	if r := results["LOOP"]; !strings.HasPrefix(r, "500 ") || !strings.Contains(r, "plugin_error") || !strings.Contains(r, "timed out") {
		t.Errorf("LOOP: %s", r)
	}
	if r := results["BOMB"]; !strings.HasPrefix(r, "500 ") || !strings.Contains(r, "memory") {
		t.Errorf("BOMB: %s", r)
	}
	// Served again after the failures.
	if code, body := chat("again"); code != 200 {
		t.Fatalf("after the hostile calls: %d %s", code, body)
	}
	bs.Close()
	n.Close()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > before {
		t.Errorf("%d goroutines after, %d before", g, before)
	}
}

// TestPromptSetHooks runs two hook plugins and prompt sets that choose
// among them: the default runs both in config order, "two" only the
// second (the upstream sees no hook note), "bare" none; a set naming a
// plugin that is not a hook stops the node from opening.
func TestPromptSetHooks(t *testing.T) {
	wasm := wasmbuild.Go(t, "plugin/examples/go-wordcount", false)
	rc, a := nodeA(t, nil)
	plugins := json.RawMessage(fmt.Sprintf(`[
		{"name":"wc","path":%q,"hooks":["prompt","response"],"config":{"note":"Answer in one word.","signature":" [checked]"}},
		{"name":"wc2","path":%[1]q,"hooks":["response"],"config":{"signature":" [two]"}},
		{"name":"tool","path":%[1]q}]`, wasm))
	bare, two := []string{}, []string{"wc2"}
	_, bs := nodeB(t, a.URL+"/v1", func(c *config.Config) {
		c.Ext.Plugins = plugins
		c.Ext.PromptSets = map[string]config.PromptSet{"bare": {Hooks: &bare}, "two": {Hooks: &two}}
	})
	body := `{"temperature":0,"max_tokens":8,"messages":[{"role":"user","content":"hello"}]}`
	for _, tc := range []struct {
		set       string
		note      bool   // the prompt hook's note reached the model
		signature string // what the response hooks appended
	}{
		{"", true, " [checked] [two]"},
		{"two", false, " [two]"},
		{"bare", false, ""},
	} {
		t.Run("set="+tc.set, func(t *testing.T) {
			hdr := map[string]string{}
			if tc.set != "" {
				hdr["X-Prompt-Set"] = tc.set
			}
			code, out := postChat(t, bs.URL, body, hdr)
			if code != 200 || len(out.Choices) != 1 {
				t.Fatalf("HTTP %d %+v", code, out)
			}
			var up struct {
				Messages []struct{ Role, Content string } `json:"messages"`
			}
			json.Unmarshal(rc.last(t, "/v1/chat/completions").Body, &up)
			noted := len(up.Messages) > 0 && strings.HasPrefix(up.Messages[0].Content, "Answer in one word.")
			content := ""
			if c := out.Choices[0].Message.Content; c != nil {
				content = *c
			}
			if noted != tc.note {
				t.Errorf("prompt hook ran: %v, want %v (upstream saw %+v)", noted, tc.note, up.Messages)
			}
			got := ""
			for _, sig := range []string{" [checked] [two]", " [two]", " [checked]"} {
				if strings.HasSuffix(content, sig) {
					got = sig
					break
				}
			}
			if got != tc.signature {
				t.Errorf("answer %q ends with %q, want %q", content, got, tc.signature)
			}
		})
	}
	// A set naming a plugin that is no hook is refused at start.
	cfg := &config.Config{SystemPrompt: systemB, EmbeddingName: "tiny-bert"}
	cfg.Ext.ChatUpstream, cfg.Ext.EmbeddingUpstream = a.URL+"/v1", a.URL+"/v1"
	cfg.Ext.Plugins = plugins
	cfg.Ext.PromptSets = map[string]config.PromptSet{"odd": {Hooks: &[]string{"tool"}}}
	cfg.ApplyDefaults()
	if n, err := Open(context.Background(), cfg, Options{Base: t.TempDir()}); err == nil || !strings.Contains(err.Error(), `"tool" is not a plugin enabled as a hook`) {
		if n != nil {
			n.Close()
		}
		t.Fatalf("a set naming a plugin that is no hook: %v", err)
	}
}
