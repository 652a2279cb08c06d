package finetune

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"unicode"

	"github.com/gaianet-go/gaianet/upstream"
)

// Chunk is a piece of the knowledge base that question/answer pairs are
// written from.
type Chunk struct {
	ID   string
	Text string
}

// ChatFunc sends a conversation to a chat model and returns its reply.
type ChatFunc func(ctx context.Context, msgs []Message) (string, error)

// QAOptions configure GenerateQA.
type QAOptions struct {
	// Pairs is how many pairs to ask for per chunk; 0 means 3.
	Pairs int
	// MinGrounding is the share of an answer's content words that must
	// occur in its chunk for the pair to be kept; 0 means 0.6.
	MinGrounding float64
	// Progress, when set, is called after each chunk with the chunks done
	// (resumed ones included) and the total.
	Progress func(done, total int)
}

// QAStats counts what GenerateQA did.
type QAStats struct {
	Chunks, Resumed     int // chunks asked now; chunks found in the journal
	Kept, Ungrounded    int // pairs kept; pairs dropped as not grounded in the chunk
	Malformed, Failures int // replies that were not the asked JSON; chunks whose call failed
}

// journalEntry is one line of the journal: the pairs a chunk gave.
type journalEntry struct {
	Chunk string   `json:"chunk"`
	Pairs []qaPair `json:"pairs"`
}

type qaPair struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// qaSystem asks for pairs grounded in one chunk.
const qaSystem = "You write training data. From the text the user gives, write question and answer pairs that a reader of the text could ask and answer. " +
	"Every answer must use only facts stated in the text, in the text's own words where possible; a question must make sense without the text. " +
	`Reply with JSON only: {"pairs": [{"question": "...", "answer": "..."}]}.`

// GenerateQA asks chat for question/answer pairs grounded in each chunk
// and returns them as examples (user question, assistant answer), with
// pairs whose answer is not grounded in the chunk dropped. Each chunk's
// result is appended to the journal file before the next chunk, so that
// a run stopped at any point resumes where it stopped: chunks already in
// the journal are not asked again. A chunk whose call fails is counted and
// skipped (a rerun retries it); a context error stops the run.
func GenerateQA(ctx context.Context, chunks []Chunk, chat ChatFunc, journal string, opts QAOptions) ([]Example, QAStats, error) {
	if opts.Pairs <= 0 {
		opts.Pairs = 3
	}
	if opts.MinGrounding <= 0 {
		opts.MinGrounding = 0.6
	}
	var st QAStats
	done, err := readJournal(journal)
	if err != nil {
		return nil, st, err
	}
	f, err := os.OpenFile(journal, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, st, fmt.Errorf("finetune: %w", err)
	}
	defer f.Close()
	var out []Example
	for i, c := range chunks {
		pairs, resumed := done[c.ID]
		if resumed {
			st.Resumed++
		} else {
			if err := ctx.Err(); err != nil {
				return nil, st, err
			}
			reply, err := chat(ctx, []Message{{Role: "system", Content: qaSystem},
				{Role: "user", Content: fmt.Sprintf("Text:\n%s\n\nWrite %d pairs.", c.Text, opts.Pairs)}})
			st.Chunks++
			if err != nil {
				if ctx.Err() != nil {
					return nil, st, ctx.Err()
				}
				st.Failures++
				continue
			}
			pairs, err = parsePairs(reply)
			if err != nil {
				st.Malformed++
				pairs = []qaPair{}
			}
			line, _ := json.Marshal(journalEntry{Chunk: c.ID, Pairs: pairs})
			if _, err := f.Write(append(line, '\n')); err != nil {
				return nil, st, fmt.Errorf("finetune: journal: %w", err)
			}
			if err := f.Sync(); err != nil {
				return nil, st, fmt.Errorf("finetune: journal: %w", err)
			}
			done[c.ID] = pairs
		}
		words := wordSet(c.Text)
		for _, p := range pairs {
			if grounding(p.Answer, words) < opts.MinGrounding {
				st.Ungrounded++
				continue
			}
			st.Kept++
			out = append(out, Example{Messages: []Message{{Role: "user", Content: p.Question}, {Role: "assistant", Content: p.Answer}}})
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(chunks))
		}
	}
	return out, st, nil
}

// readJournal reads the journal's entries by chunk; a missing file is
// empty, and a last line cut short by an interruption is ignored.
func readJournal(path string) (map[string][]qaPair, error) {
	done := map[string][]qaPair{}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return done, nil
	}
	if err != nil {
		return nil, fmt.Errorf("finetune: %w", err)
	}
	if i := bytes.LastIndexByte(b, '\n'); i+1 < len(b) {
		b = b[:i+1] // an unfinished last line
		if err := os.Truncate(path, int64(len(b))); err != nil {
			return nil, fmt.Errorf("finetune: journal: %w", err)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), maxLine)
	for n := 1; sc.Scan(); n++ {
		var e journalEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.Chunk == "" {
			return nil, fmt.Errorf("%w: journal %s:%d is damaged (delete it to start over): %v", ErrData, path, n, err)
		}
		done[e.Chunk] = e.Pairs
	}
	return done, sc.Err()
}

// parsePairs reads the model's reply: a JSON object with "pairs", or a
// bare array of pairs, possibly inside other text (a code fence).
func parsePairs(reply string) ([]qaPair, error) {
	var obj struct {
		Pairs []qaPair `json:"pairs"`
	}
	if i, j := strings.IndexByte(reply, '{'), strings.LastIndexByte(reply, '}'); i >= 0 && j > i {
		if err := json.Unmarshal([]byte(reply[i:j+1]), &obj); err == nil && obj.Pairs != nil {
			return cleanPairs(obj.Pairs), nil
		}
	}
	if i, j := strings.IndexByte(reply, '['), strings.LastIndexByte(reply, ']'); i >= 0 && j > i {
		if err := json.Unmarshal([]byte(reply[i:j+1]), &obj.Pairs); err == nil {
			return cleanPairs(obj.Pairs), nil
		}
	}
	return nil, fmt.Errorf("%w: the reply is not a JSON list of pairs", ErrData)
}

func cleanPairs(ps []qaPair) []qaPair {
	out := ps[:0]
	for _, p := range ps {
		p.Question, p.Answer = strings.TrimSpace(p.Question), strings.TrimSpace(p.Answer)
		if p.Question != "" && p.Answer != "" {
			out = append(out, p)
		}
	}
	return out
}

// words splits text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words(s) {
		m[w] = true
	}
	return m
}

// stop are function words that say nothing about grounding.
var stop = map[string]bool{"the": true, "and": true, "for": true, "are": true, "was": true, "were": true, "with": true,
	"that": true, "this": true, "from": true, "its": true, "has": true, "have": true, "not": true, "but": true, "you": true,
	"can": true, "will": true, "which": true, "their": true, "they": true, "also": true, "into": true, "than": true}

// grounding is the share of the answer's content words (three letters or
// more, not function words) that occur in the chunk; an answer without
// content words counts as ungrounded.
func grounding(answer string, chunk map[string]bool) float64 {
	n, in := 0, 0
	for _, w := range words(answer) {
		if len([]rune(w)) < 3 || stop[w] {
			continue
		}
		n++
		if chunk[w] {
			in++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(in) / float64(n)
}

// qaSchema constrains the reply to the pairs object (servers that support
// response_format json_schema, such as the node itself, then always
// answer in shape).
var qaSchema = json.RawMessage(`{"type":"object","properties":{"pairs":{"type":"array","items":{"type":"object",` +
	`"properties":{"question":{"type":"string"},"answer":{"type":"string"}},"required":["question","answer"]}}},"required":["pairs"]}`)

// OpenAIChat is a ChatFunc calling an OpenAI-compatible server's chat
// completions (the node itself, or an upstream) through c, at low
// temperature and with the reply constrained to the pairs schema.
// maxTokens bounds each reply.
func OpenAIChat(c *upstream.Client, maxTokens int) ChatFunc {
	return func(ctx context.Context, msgs []Message) (string, error) {
		resp, err := c.Request(ctx, http.MethodPost, "chat/completions", map[string]any{
			"model": c.ModelFor(""), "messages": msgs, "temperature": 0.3, "max_tokens": maxTokens,
			"response_format": map[string]any{"type": "json_schema", "json_schema": map[string]any{"name": "qa_pairs", "schema": qaSchema}},
		})
		if err != nil {
			return "", fmt.Errorf("finetune: %s: %w", c, err)
		}
		defer resp.Body.Close()
		var out struct {
			Choices []struct {
				Message struct {
					Content string `json:"content"`
				} `json:"message"`
			} `json:"choices"`
		}
		if err := json.NewDecoder(io.LimitReader(resp.Body, upstream.MaxBody)).Decode(&out); err != nil || len(out.Choices) == 0 {
			return "", fmt.Errorf("finetune: %s: not a chat completion (%v)", c, err)
		}
		return out.Choices[0].Message.Content, nil
	}
}
