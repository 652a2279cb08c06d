package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/finetune"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// TestFinetuneData builds a training set from a JSONL history, a CSV and
// the knowledge base of a running demo node (QA pairs written by the
// node's own model), then reruns it: the journal answers every chunk and
// the split is the same. Every example carries the node's system prompt
// and the knowledge the node retrieves for it: the running node, asked the
// bare question, prompts its model with as many tokens as it does when
// asked the example's prompt with retrieval off.
func TestFinetuneData(t *testing.T) {
	base := initDemo(t)
	port := freeTCPPort(t)
	mustRun(t, "config", "--base", base, "--port", strconv.Itoa(port), "--api-keys", "ft-key")
	serveNode(t, base)
	dir := t.TempDir()
	hist := filepath.Join(dir, "h.jsonl")
	var b strings.Builder
	for i := range 30 {
		b.WriteString(`{"messages":[{"role":"user","content":"q` + strconv.Itoa(i) + `"},{"role":"assistant","content":"a` + strconv.Itoa(i) + `"}]}` + "\n")
	}
	b.WriteString(`[{"role":"user","content":"Q0"},{"role":"assistant","content":"A0!"}]` + "\n") // a duplicate
	os.WriteFile(hist, []byte(b.String()), 0o644)
	csvPath := filepath.Join(dir, "c.csv")
	os.WriteFile(csvPath, []byte("prompt,response\nhello,world\nhow are you,fine\n"), 0o644)
	out := filepath.Join(dir, "train.jsonl")
	args := []string{"finetune", "data", "--base", base, "--chats", hist, "--chats", csvPath, "--kb", "default", "--pairs", "2", "--max-tokens", "200", "--out", out}
	code, first, stderr := runCLI(t, args...)
	if code != 0 || !strings.Contains(first, "(1 duplicates dropped)") {
		t.Fatalf("first run: exit %d %s\n%s", code, first, stderr)
	}
	cfg, err := loadConfig(base)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"33 of 33 examples have no system message: writing them with the system_prompt of ", "examples carry the knowledge the node retrieves"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	train, err := finetune.ReadChats(out)
	if err != nil {
		t.Fatal(err)
	}
	withContext := 0
	for i, e := range train {
		m := e.Messages[0]
		if m.Role != "system" || !strings.HasPrefix(m.Content, cfg.SystemPrompt) {
			t.Fatalf("example %d does not start with the node's system prompt: %q", i, e.Messages)
		}
		if len(m.Content) > len(cfg.SystemPrompt) {
			withContext++
		}
		if i < 3 {
			// The bare question, as a user asks it, and the example's
			// prompt with retrieval off (limit 0): the same prompt.
			prompt, _, _ := e.ServedPrompt()
			bare, _ := json.Marshal(prompt[len(prompt)-1:])
			full, _ := json.Marshal(prompt)
			if a, b := promptTokens(t, port, `{"messages":`+string(bare)+`}`), promptTokens(t, port, `{"limit":0,"messages":`+string(full)+`}`); a != b {
				t.Errorf("example %d: the node prompts with %d tokens for the question, %d for the example's prompt", i, a, b)
			}
		}
	}
	if withContext == 0 {
		t.Errorf("no example carries retrieved knowledge")
	}
	held, err := finetune.ReadChats(filepath.Join(dir, "train.heldout.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(train)+len(held) < 32 || len(held) == 0 {
		t.Errorf("%d train, %d held out", len(train), len(held))
	}
	if st, err := os.Stat(filepath.Join(dir, "train.qa-journal.jsonl")); err != nil || st.Size() == 0 {
		t.Fatalf("no journal: %v", err)
	}
	code, second, stderr := runCLI(t, args...)
	if code != 0 || second != first || !strings.Contains(stderr, "from the journal") {
		t.Errorf("rerun: exit %d, %q vs %q\n%s", code, second, first, stderr)
	}
	if code, _, stderr := runCLI(t, "finetune", "data", "--out", out, "--chats", filepath.Join(dir, "missing.jsonl")); code == 0 || !strings.Contains(stderr, "missing.jsonl") {
		t.Errorf("missing file: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "finetune", "data", "--out", out); code != 2 {
		t.Errorf("no input: exit %d", code)
	}
}

// TestFinetuneDataNoNode: with no node running, --kb opens the node of
// --base in the process (its config's chat model and knowledge base): it
// reads every chunk and the node's own model answers every call. (The demo
// model has random weights, so its replies are not usable pairs; the QA
// filtering itself is tested in package finetune.)
func TestFinetuneDataNoNode(t *testing.T) {
	base := initDemo(t)
	mustRun(t, "config", "--base", base, "--api-keys", "ft-key")
	out := filepath.Join(t.TempDir(), "kb.jsonl")
	code, stdout, stderr := runCLI(t, "finetune", "data", "--base", base, "--kb", "default", "--pairs", "2", "--max-tokens", "64", "--heldout", "0", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "opening it in this process") {
		t.Errorf("stderr does not say the node was opened in the process:\n%s", stderr)
	}
	m := regexp.MustCompile(`default: (\d+) chunks \(0 from the journal\), .* (\d+) failed calls`).FindStringSubmatch(stderr)
	if m == nil || m[1] == "0" || m[2] != "0" {
		t.Errorf("want every chunk of the demo knowledge base answered, no failed call:\n%s", stderr)
	}
	if _, err := finetune.ReadChats(out); err != nil {
		t.Fatal(err)
	}
	if runningPID(base) != 0 {
		t.Errorf("the in-process node left its base claimed")
	}
}

// promptTokens asks the node at port for one token of a chat and returns
// the prompt tokens it counted.
func promptTokens(t *testing.T, port int, body string) int {
	t.Helper()
	body = strings.Replace(body, "{", `{"max_tokens":1,"temperature":0,`, 1)
	req, _ := http.NewRequest("POST", "http://127.0.0.1:"+strconv.Itoa(port)+"/v1/chat/completions", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer ft-key")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Usage struct {
			PromptTokens int `json:"prompt_tokens"`
		} `json:"usage"`
	}
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &r); err != nil || resp.StatusCode != 200 || r.Usage.PromptTokens == 0 {
		t.Fatalf("%s: %s", resp.Status, raw)
	}
	return r.Usage.PromptTokens
}

// TestFinetuneTrainSystemPrompt trains one epoch on the tiny llama from
// examples without a system message (and one with its own): by default
// they train with the system_prompt of --base's config.json, which gives
// the same held-out losses as passing that text with --system-prompt, and
// other losses than --no-system-prompt; each run says once what it did.
func TestFinetuneTrainSystemPrompt(t *testing.T) {
	model := sharedtest.Model(t, "llama-spm-tiny-f16.gguf")
	base := initDemo(t)
	cfg, err := loadConfig(base)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var b strings.Builder
	for _, q := range []string{"Who wrote Hamlet?", "Where is Singapore?", "What is a node?", "How do bees fly?"} {
		b.WriteString(`{"messages":[{"role":"user","content":"` + q + `"},{"role":"assistant","content":"Forty two."}]}` + "\n")
	}
	b.WriteString(`{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Forty two."}]}` + "\n")
	data := filepath.Join(dir, "d.jsonl")
	os.WriteFile(data, []byte(b.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "d.heldout.jsonl"), []byte(`{"messages":[{"role":"user","content":"Why is the sky blue?"},{"role":"assistant","content":"Forty two."}]}`+"\n"), 0o644)
	loss := regexp.MustCompile(`held-out loss [0-9.]+ -> [0-9.]+`)
	train := func(name string, extra ...string) (losses, stderr string) {
		args := append([]string{"finetune", "train", "--base", base, "--model", model, "--data", data, "--out", filepath.Join(dir, name+".gguf"),
			"--template", "llama-2-chat", "--rank", "4", "--epochs", "1", "--lr", "1e-3"}, extra...)
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 || !loss.MatchString(stdout) {
			t.Fatalf("%s: exit %d\n%s%s", name, code, stdout, stderr)
		}
		return loss.FindString(stdout), stderr
	}
	def, stderr := train("default")
	if want := "5 of 6 examples have no system message: training them with the system_prompt of " + filepath.Join(base, "config.json"); strings.Count(stderr, want) != 1 {
		t.Errorf("stderr does not say once %q:\n%s", want, stderr)
	}
	flag, _ := train("flag", "--system-prompt", cfg.SystemPrompt)
	none, stderr := train("none", "--no-system-prompt")
	if !strings.Contains(stderr, "5 of 6 examples have no system message: training them as they are (--no-system-prompt)") {
		t.Errorf("--no-system-prompt: %s", stderr)
	}
	t.Logf("config: %s; --system-prompt: %s; --no-system-prompt: %s", def, flag, none)
	if def != flag || def == none {
		t.Errorf("config's system prompt: %s; the same text by --system-prompt: %s (want the same); none: %s (want other)", def, flag, none)
	}
	if code, _, stderr := runCLI(t, "finetune", "train", "--base", base, "--model", model, "--data", data, "--out", filepath.Join(dir, "x.gguf"),
		"--system-prompt", "x", "--no-system-prompt"); code != 2 {
		t.Errorf("both flags: exit %d %s", code, stderr)
	}
}
