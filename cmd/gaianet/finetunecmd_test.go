package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/finetune"
)

// TestFinetuneData builds a training set from a JSONL history, a CSV and
// the knowledge base of a running demo node (QA pairs written by the
// node's own model), then reruns it: the journal answers every chunk and
// the split is the same.
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
	first := mustRun(t, args...)
	if !strings.Contains(first, "(1 duplicates dropped)") {
		t.Errorf("first run: %s", first)
	}
	train, err := finetune.ReadChats(out)
	if err != nil {
		t.Fatal(err)
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
