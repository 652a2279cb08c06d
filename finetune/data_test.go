package finetune

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/node"
	"github.com/gaianet-go/gaianet/upstream"
)

func TestReadChatJSONL(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		fail string
	}{
		{`{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}`, 1, ""},
		{"[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]\n\n" +
			`{"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"y"}]}`, 2, ""},
		{`{"messages":[{"role":"user","content":"hi"}]}`, 0, ":1: no assistant reply"},
		{`{"messages":[{"role":"bot","content":"hi"}]}`, 0, `role "bot"`},
		{`{"messages":[],"extra":1}`, 0, "unknown field"},
		{"{\"messages\":[{\"role\":\"assistant\",\"content\":\"a\"}]}\n{oops", 0, ":2:"},
		{`{"messages":[{"role":"assistant","content":"a"}]} {}`, 0, "more than one"},
	} {
		exs, err := ReadChatJSONL(strings.NewReader(c.in), "h.jsonl")
		if c.fail != "" {
			if err == nil || !errors.Is(err, ErrData) || !strings.Contains(err.Error(), c.fail) {
				t.Errorf("%q: err %v, want %q", c.in, err, c.fail)
			}
			continue
		}
		if err != nil || len(exs) != c.n {
			t.Errorf("%q: %d examples, %v", c.in, len(exs), err)
		}
	}
}

func TestReadChatCSV(t *testing.T) {
	exs, err := ReadChatCSV(strings.NewReader("id,Question,Answer\n1,What is Gaia?,\"A network, of nodes.\"\n2,Who?,Me\n"), "c.csv")
	if err != nil || len(exs) != 2 || exs[0].Messages[1].Content != "A network, of nodes." || exs[1].Messages[0].Content != "Who?" {
		t.Fatalf("%+v %v", exs, err)
	}
	for _, bad := range []string{"a,b\n1,2\n", "prompt,response\nq,\n", "prompt,response\nq\n", ""} {
		if _, err := ReadChatCSV(strings.NewReader(bad), "c.csv"); !errors.Is(err, ErrData) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestDedupSplitWrite(t *testing.T) {
	ex := func(q, a string) Example {
		return Example{Messages: []Message{{Role: "user", Content: q}, {Role: "assistant", Content: a}}}
	}
	var exs []Example
	for i := range 200 {
		exs = append(exs, ex(fmt.Sprintf("question %d?", i), fmt.Sprintf("answer %d.", i)))
	}
	exs = append(exs, ex("QUESTION 7", "Answer 7"), ex("question 7 ?", "answer   7"))
	d := Dedup(exs)
	if len(d) != 200 {
		t.Fatalf("dedup kept %d of 202", len(d))
	}
	train, held := Split(d, 0.1)
	if len(train)+len(held) != 200 || len(held) < 8 || len(held) > 35 {
		t.Fatalf("split %d/%d", len(train), len(held))
	}
	// Adding data keeps every example on its side.
	train2, held2 := Split(append(d[:100:100], ex("new", "one")), 0.1)
	for _, h := range held2 {
		for _, tr := range train {
			if h.key() == tr.key() {
				t.Fatal("an example changed sides")
			}
		}
	}
	_ = train2
	if tr, h := Split(d[:2], 0.1); len(h) != 1 || len(tr) != 1 {
		t.Errorf("two examples: %d/%d", len(tr), len(h))
	}
	path := filepath.Join(t.TempDir(), "out.jsonl")
	if err := WriteJSONL(path, held); err != nil {
		t.Fatal(err)
	}
	back, err := ReadChats(path)
	if err != nil || len(back) != len(held) || back[0].Messages[1].Content != held[0].Messages[1].Content {
		t.Fatalf("round trip: %d %v", len(back), err)
	}
}

func FuzzReadChats(f *testing.F) {
	f.Add([]byte(`{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}`), false)
	f.Add([]byte("prompt,response\nq,a\n"), true)
	f.Add([]byte(`[{"role":"assistant","content":"x"}]`), false)
	f.Fuzz(func(t *testing.T, data []byte, isCSV bool) {
		var exs []Example
		var err error
		if isCSV {
			exs, err = ReadChatCSV(strings.NewReader(string(data)), "f")
		} else {
			exs, err = ReadChatJSONL(strings.NewReader(string(data)), "f")
		}
		if err != nil {
			if !errors.Is(err, ErrData) {
				t.Fatalf("error does not wrap ErrData: %v", err)
			}
			return
		}
		for _, e := range exs {
			if e.validate() != nil {
				t.Fatalf("invalid example returned: %+v", e)
			}
		}
	})
}

func FuzzParsePairs(f *testing.F) {
	f.Add(`{"pairs":[{"question":"q","answer":"a"}]}`)
	f.Add("```json\n[{\"question\":\"q\",\"answer\":\"a\"}]\n```")
	f.Add(`{"pairs":null} [`)
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := parsePairs(s)
		if err != nil {
			return
		}
		for _, p := range ps {
			if p.Question == "" || p.Answer == "" {
				t.Fatalf("empty pair from %q", s)
			}
		}
	})
}

// sentenceChat answers with the chunk's own sentences, plus one pair whose
// answer is not in the chunk; it cancels ctx after stopAfter calls.
type sentenceChat struct {
	calls     int
	stopAfter int
	cancel    context.CancelFunc
}

func (s *sentenceChat) chat(ctx context.Context, msgs []Message) (string, error) {
	s.calls++
	if s.stopAfter > 0 && s.calls > s.stopAfter {
		s.cancel()
		return "", ctx.Err()
	}
	text := strings.TrimPrefix(strings.SplitN(msgs[1].Content, "\n\nWrite", 2)[0], "Text:\n")
	var b strings.Builder
	b.WriteString("```json\n{\"pairs\": [")
	for i, sent := range strings.Split(text, ". ") {
		fmt.Fprintf(&b, `{"question": "What about fact %d?", "answer": %q},`, i, strings.TrimSuffix(sent, "."))
	}
	b.WriteString(`{"question": "Capital?", "answer": "Paris is the capital of France"}]}` + "\n```")
	return b.String(), nil
}

func TestGenerateQAResumes(t *testing.T) {
	var chunks []Chunk
	for i := range 5 {
		chunks = append(chunks, Chunk{ID: fmt.Sprint(i), Text: fmt.Sprintf("Node %d runs the Gaia agent. Its owner keeps %d documents.", i, 10*i)})
	}
	journal := filepath.Join(t.TempDir(), "qa.journal")
	ctx, cancel := context.WithCancel(context.Background())
	s := &sentenceChat{stopAfter: 2, cancel: cancel}
	if _, _, err := GenerateQA(ctx, chunks, s.chat, journal, QAOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v", err)
	}
	// An interruption in the middle of a journal line.
	f, _ := os.OpenFile(journal, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"chunk":"2","pai`)
	f.Close()
	s2 := &sentenceChat{}
	var last int
	exs, st, err := GenerateQA(context.Background(), chunks, s2.chat, journal, QAOptions{Progress: func(d, n int) { last = d }})
	if err != nil {
		t.Fatal(err)
	}
	if s2.calls != 3 || st.Resumed != 2 || st.Chunks != 3 || last != 5 {
		t.Errorf("resume: %d calls, stats %+v, progress %d", s2.calls, st, last)
	}
	if st.Kept != 10 || st.Ungrounded != 5 || len(exs) != 10 {
		t.Errorf("kept %d, ungrounded %d, %d examples; want 10, 5, 10", st.Kept, st.Ungrounded, len(exs))
	}
	for _, e := range exs {
		if strings.Contains(e.Messages[1].Content, "Paris") {
			t.Errorf("ungrounded answer kept: %+v", e)
		}
	}
	// A third run asks nothing.
	s3 := &sentenceChat{}
	if _, st, err := GenerateQA(context.Background(), chunks, s3.chat, journal, QAOptions{}); err != nil || s3.calls != 0 || st.Resumed != 5 {
		t.Errorf("third run: %d calls, %+v, %v", s3.calls, st, err)
	}
}

// TestGenerateQAThroughNode asks a real node (the tiny random conformance
// model, served over HTTP) for pairs: the node constrains its replies to
// the pairs schema, so every reply that finishes parses; the random model's
// text is not grounded in the chunks, so its pairs are dropped.
func TestGenerateQAThroughNode(t *testing.T) {
	cfg := config.Default()
	cfg.Chat = sharedtest.Model(t, "llama-spm-q8_0.gguf")
	cfg.Embedding, cfg.EmbeddingName = "", ""
	cfg.ChatCtxSize = 1024
	cfg.PromptTemplate = "llama-2-chat"
	cfg.ApplyDefaults()
	n, err := node.Open(context.Background(), cfg, node.Options{Base: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	srv := httptest.NewServer(n.Handler())
	defer srv.Close()
	up, err := upstream.New(srv.URL+"/v1", "")
	if err != nil {
		t.Fatal(err)
	}
	chunks := []Chunk{{ID: "a", Text: "GaiaNet nodes serve models."}, {ID: "b", Text: "Adapters change a model cheaply."}}
	_, st, err := GenerateQA(context.Background(), chunks, OpenAIChat(up, 400), filepath.Join(t.TempDir(), "j"), QAOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", st)
	if st.Chunks != 2 || st.Failures != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestAddSystem(t *testing.T) {
	u, a, s := Message{Role: "user", Content: "q"}, Message{Role: "assistant", Content: "r"}, Message{Role: "system", Content: "own"}
	node := Message{Role: "system", Content: "node"}
	for _, tc := range []struct {
		name      string
		in        []Message
		text      string
		want      []Message
		wantAdded int
	}{
		{"none gets the text", []Message{u, a}, "node", []Message{node, u, a}, 1},
		{"its own is kept", []Message{s, u, a}, "node", []Message{s, u, a}, 0},
		// The node looks only at the first message, as here.
		{"a later system message is not the first", []Message{u, s, a}, "node", []Message{node, u, s, a}, 1},
		{"empty text adds nothing", []Message{u, a}, "", []Message{u, a}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := []Example{{Messages: tc.in}}
			orig := fmt.Sprint(in)
			out, added := AddSystem(in, tc.text)
			if added != tc.wantAdded || fmt.Sprint(out[0].Messages) != fmt.Sprint(tc.want) {
				t.Errorf("got %v (%d added), want %v (%d)", out[0].Messages, added, tc.want, tc.wantAdded)
			}
			if fmt.Sprint(in) != orig {
				t.Errorf("the input changed: %v", in)
			}
		})
	}
}

func TestInsertContext(t *testing.T) {
	sys, u1, a1 := Message{Role: "system", Content: "S\n"}, Message{Role: "user", Content: "q1"}, Message{Role: "assistant", Content: "r1"}
	u2, a2 := Message{Role: "user", Content: "q2"}, Message{Role: "assistant", Content: "r2"}
	chunks := []string{"c1", "c2"}
	for _, tc := range []struct {
		name           string
		in             []Message
		prompt, policy string
		chunks         []string
		want           []Message
	}{
		{"after the system message", []Message{sys, u1, a1}, "Use:", config.RAGPolicySystemMessage, chunks,
			[]Message{{Role: "system", Content: "S\n\nUse:\nc1\n\nc2"}, u1, a1}},
		{"a system message of its own", []Message{u1, a1}, "", config.RAGPolicySystemMessage, chunks,
			[]Message{{Role: "system", Content: "c1\n\nc2"}, u1, a1}},
		{"before the last user message of the prompt", []Message{sys, u1, a1, u2, a2}, "Use:", config.RAGPolicyLastUserMessage, chunks,
			[]Message{sys, u1, a1, {Role: "user", Content: "Use:\nc1\n\nc2\n\nq2"}, a2}},
		{"the learned reply is the last one", []Message{u1, a1, u2, a2, u2}, "", config.RAGPolicyLastUserMessage, chunks[:1],
			[]Message{u1, a1, {Role: "user", Content: "c1\n\nq2"}, a2, u2}},
		{"no chunks", []Message{sys, u1, a1}, "Use:", config.RAGPolicySystemMessage, nil, []Message{sys, u1, a1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Example{Messages: tc.in}
			orig := fmt.Sprint(in)
			got := InsertContext(in, tc.chunks, tc.prompt, tc.policy)
			if fmt.Sprintf("%q", got.Messages) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("got  %q\nwant %q", got.Messages, tc.want)
			}
			if fmt.Sprint(in) != orig {
				t.Errorf("the input changed: %v", in)
			}
		})
	}
}
