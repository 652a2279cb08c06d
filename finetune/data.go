package finetune

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/gaianet-go/gaianet/chattemplate"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/rag"
)

// Message is one turn of a chat example.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Example is one training example in the usual chat JSONL form
// ({"messages": [...]}): the assistant turns are what training learns,
// the others are the prompt.
type Example struct {
	Messages []Message `json:"messages"`
}

// ErrData marks input a dataset cannot be built from; the message names
// the file and line.
var ErrData = errors.New("finetune: bad data")

// maxLine bounds one JSONL line (a long conversation).
const maxLine = 16 << 20

// validate checks roles and that the example has something to learn.
func (e *Example) validate() error {
	if len(e.Messages) == 0 {
		return errors.New("no messages")
	}
	assistant := false
	for i, m := range e.Messages {
		switch m.Role {
		case "system", "user":
		case "assistant":
			assistant = assistant || strings.TrimSpace(m.Content) != ""
		default:
			return fmt.Errorf("messages[%d]: role %q (want system, user or assistant)", i, m.Role)
		}
	}
	if !assistant {
		return errors.New("no assistant reply to learn")
	}
	return nil
}

// ReadChatJSONL reads chat histories, one JSON value a line: an object
// {"messages": [...]} (OpenAI's fine-tuning format) or a bare array of
// messages. Blank lines are skipped; any other line is an error naming its
// number, and nothing is returned.
func ReadChatJSONL(r io.Reader, name string) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	var out []Example
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var ex Example
		var err error
		if line[0] == '[' {
			err = strictJSON(line, &ex.Messages)
		} else {
			err = strictJSON(line, &ex)
		}
		if err == nil {
			err = ex.validate()
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s:%d: %v", ErrData, name, n, err)
		}
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrData, name, err)
	}
	return out, nil
}

func strictJSON(s string, v any) error {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value on the line")
	}
	return nil
}

// ReadChatCSV reads prompt/response pairs from a CSV file whose header
// names a prompt column ("prompt", "question", "input" or "user") and a
// response column ("response", "answer", "completion", "output" or
// "assistant"); other columns are ignored. Each row becomes one example.
func ReadChatCSV(r io.Reader, name string) ([]Example, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: header: %v", ErrData, name, err)
	}
	col := func(names ...string) int {
		for i, h := range head {
			h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
			for _, n := range names {
				if h == n {
					return i
				}
			}
		}
		return -1
	}
	p, a := col("prompt", "question", "input", "user"), col("response", "answer", "completion", "output", "assistant")
	if p < 0 || a < 0 {
		return nil, fmt.Errorf("%w: %s: the header %q needs a prompt column and a response column", ErrData, name, head)
	}
	var out []Example
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrData, name, err)
		}
		line, _ := cr.FieldPos(0)
		if p >= len(rec) || a >= len(rec) {
			return nil, fmt.Errorf("%w: %s:%d: %d fields, the header has %d", ErrData, name, line, len(rec), len(head))
		}
		ex := Example{Messages: []Message{{Role: "user", Content: rec[p]}, {Role: "assistant", Content: rec[a]}}}
		if strings.TrimSpace(rec[p]) == "" || ex.validate() != nil {
			return nil, fmt.Errorf("%w: %s:%d: empty prompt or response", ErrData, name, line)
		}
		out = append(out, ex)
	}
	return out, nil
}

// ReadChats reads a chat-history file: .csv as ReadChatCSV, anything else
// as ReadChatJSONL.
func ReadChats(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("finetune: %w", err)
	}
	defer f.Close()
	if strings.HasSuffix(strings.ToLower(path), ".csv") {
		return ReadChatCSV(f, path)
	}
	return ReadChatJSONL(f, path)
}

// normalize folds case, punctuation and whitespace, so that examples that
// differ only there count as duplicates.
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// key is an example's identity for deduplication and splitting.
func (e *Example) key() [32]byte {
	h := sha256.New()
	for _, m := range e.Messages {
		h.Write([]byte(m.Role))
		h.Write([]byte{0})
		h.Write([]byte(normalize(m.Content)))
		h.Write([]byte{0})
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// Dedup drops examples equal to an earlier one up to case, punctuation and
// whitespace, keeping order.
func Dedup(exs []Example) []Example {
	seen := make(map[[32]byte]bool, len(exs))
	out := exs[:0:0]
	for _, e := range exs {
		k := e.key()
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// Split puts about frac of the examples in held-out, chosen by a hash of
// their content (so a rerun, or more data later, keeps every example on
// its side), and at least one when there are two or more examples and
// frac > 0.
func Split(exs []Example, frac float64) (train, heldout []Example) {
	for _, e := range exs {
		k := e.key()
		if float64(binary.BigEndian.Uint64(k[:8]))/(1<<64) < frac {
			heldout = append(heldout, e)
		} else {
			train = append(train, e)
		}
	}
	if frac > 0 && len(heldout) == 0 && len(train) >= 2 {
		heldout, train = train[len(train)-1:], train[:len(train)-1]
	}
	return train, heldout
}

// WriteJSONL writes examples one a line to path, through a temporary file
// renamed into place.
func WriteJSONL(path string, exs []Example) error {
	return writeFile(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i := range exs {
			if err := enc.Encode(&exs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddSystem returns the examples with a system message of text first in
// each one that has none, as the node prompts its model: it puts its
// system_prompt (config.json) before every conversation whose first
// message is not a system message. Examples with a system message of
// their own are kept as they are; exs is not changed. added counts the
// examples that got text. An empty text adds nothing.
func AddSystem(exs []Example, text string) (out []Example, added int) {
	out = make([]Example, len(exs))
	for i, e := range exs {
		out[i] = e
		if text == "" || (len(e.Messages) > 0 && e.Messages[0].Role == "system") {
			continue
		}
		out[i].Messages = append([]Message{{Role: "system", Content: text}}, e.Messages...)
		added++
	}
	return out, added
}

// ServedPrompt returns the example's prompt (its messages before the
// last assistant reply, the one training learns) and the position of that
// reply; ok is false when it has none.
func (e *Example) ServedPrompt() (prompt []Message, reply int, ok bool) {
	for i := len(e.Messages) - 1; i >= 0; i-- {
		if e.Messages[i].Role == "assistant" && strings.TrimSpace(e.Messages[i].Content) != "" {
			return e.Messages[:i], i, true
		}
	}
	return nil, 0, false
}

// InsertContext returns the example with the knowledge the node retrieved
// for its prompt placed as the node places it when it serves the prompt:
// ragPrompt (config.json's rag_prompt) and a line break, then the chunks
// separated by blank lines; that text follows the system message after a
// blank line (or is a system message of its own when the prompt has
// none), or, under config.RAGPolicyLastUserMessage, comes with a blank line before the
// prompt's last user message. No chunks leave the example as it is; e is
// not changed.
func InsertContext(e Example, chunks []string, ragPrompt, policy string) Example {
	prompt, reply, ok := e.ServedPrompt()
	if !ok || len(chunks) == 0 {
		return e
	}
	msgs := make([]chattemplate.Message, len(prompt))
	for i, m := range prompt {
		msgs[i] = chattemplate.Message{Role: m.Role, Content: m.Content}
	}
	msgs = rag.InsertContext(msgs, ragPrompt, chunks, policy == config.RAGPolicyLastUserMessage)
	out := make([]Message, 0, len(msgs)+len(e.Messages)-reply)
	for _, m := range msgs {
		out = append(out, Message{Role: m.Role, Content: m.Content})
	}
	return Example{Messages: append(out, e.Messages[reply:]...)}
}
