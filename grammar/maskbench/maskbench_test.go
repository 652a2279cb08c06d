package maskbench

import (
	"bytes"
	"context"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/grammar"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/tokenizer"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// shared returns the corpus folder and the Llama 3 tokenizer; without the
// shared data it skips, except under CI where the data must be present.
func shared(t *testing.T) (string, *tokenizer.Tokenizer) {
	t.Helper()
	if sharedtest.Root() == "" && os.Getenv("CI") == "true" {
		t.Fatal("CI=true but the shared test data (../shared) is absent")
	}
	dir := sharedtest.Path(t, "jsonschema", "maskbench")
	tok, err := tokenizer.Load(sharedtest.Path(t, "conformance", "vocab", "llama3-bpe.gguf"))
	if err != nil {
		t.Fatal(err)
	}
	return dir, tok
}

// subset returns every n-th corpus file, a deterministic sample.
func subset(t *testing.T, dir string, n int) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for i, e := range ents {
		if i%n == 0 && strings.HasSuffix(e.Name(), ".json") {
			files = append(files, e.Name())
		}
	}
	sort.Strings(files)
	return files
}

// TestCorpusSoundness runs the benchmark on every 10th corpus file (the
// full run's figures are in docs/performance.md) and asserts the
// soundness target: no invalid instance accepted. It also bounds coverage
// and validation errors loosely so that regressions show.
func TestCorpusSoundness(t *testing.T) {
	dir, tok := shared(t)
	files := subset(t, dir, 10)
	r, err := Run(context.Background(), dir, tok, Options{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d schemas, %d passed, %d validation errors of %d, %d invalidation errors of %d, mask µs mean %.1f p99 %.1f, compile µs p50 %.0f",
		r.Schemas, r.Passed, r.ValidationErrors, r.ValidInstances, r.InvalidationErrors, r.InvalidInstances, r.MaskUsMean, r.MaskUsP99, r.CompileUsP50)
	if r.InvalidationErrors != 0 {
		for _, f := range r.Failures {
			if strings.Contains(f.Reason, "invalid instance accepted") {
				t.Errorf("%s: %s", f.File, f.Reason)
			}
		}
		t.Fatalf("%d invalid instances accepted", r.InvalidationErrors)
	}
	if r.Passed*100 < r.Schemas*75 {
		t.Errorf("only %d of %d schemas pass", r.Passed, r.Schemas)
	}
	if r.ValidationErrors*100 > r.ValidInstances*3 {
		t.Errorf("%d of %d valid instances refused", r.ValidationErrors, r.ValidInstances)
	}
}

// TestRandomOutputsValidate walks random token paths through the masks of
// corpus schemas, as a sampler would, and checks every finished text with
// an independent validator (santhosh-tekuri/jsonschema).
func TestRandomOutputsValidate(t *testing.T) {
	dir, tok := shared(t)
	v := NewVocab(tok)
	files := subset(t, dir, 53)
	rng := rand.New(rand.NewPCG(7, 9))
	finished, finishedAny, schemas := 0, 0, 0
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f, err := parseFile(data)
		if err != nil {
			t.Fatal(err)
		}
		schema := f.schema.AppendCompact(nil)
		// Walk 0 uses the default (properties in any order); random walks
		// there often never write a required key, so the count of
		// finished walks is taken over walks 1 and 2, in schema order.
		gAny, err := grammar.FromJSONSchema(schema, grammar.SchemaOptions{})
		if err != nil {
			continue
		}
		gOrdered, err := grammar.FromJSONSchema(schema, grammar.SchemaOptions{SchemaOrder: true})
		if err != nil {
			t.Fatalf("%s: compiles in any order but not in schema order: %v", name, err)
		}
		sch := validator(t, schema)
		if sch == nil {
			continue
		}
		schemas++
		for walk := 0; walk < 3; walk++ {
			g := gOrdered
			if walk == 0 {
				g = gAny
			}
			t0 := time.Now()
			text, ok := randomWalk(g, v, rng)
			if testing.Verbose() {
				t.Logf("%s walk %d: %v %v %d bytes %.300q", name, walk, time.Since(t0), ok, len(text), text)
			}
			if !ok {
				continue
			}
			if walk == 0 {
				finishedAny++
			} else {
				finished++
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
			if err != nil {
				t.Errorf("%s: output %q is not JSON: %v", name, text, err)
				continue
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("%s: output %q does not validate: %v", name, text, err)
			}
		}
	}
	t.Logf("%d schemas, %d finished random outputs validated (and %d in any order)", schemas, finished, finishedAny)
	if finished < schemas*4/3 {
		t.Errorf("only %d random walks finished over %d schemas", finished, schemas)
	}
}

func validator(t *testing.T, schema []byte) *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		return nil
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		return nil // a schema the validator cannot load (remote refs, ...)
	}
	return sch
}

// randomWalk samples tokens allowed by the mask until an end token; after
// a while it prefers short tokens that close strings and containers so
// that walks finish. ok is false when the walk did not finish.
func randomWalk(g *grammar.Grammar, v *grammar.Vocab, rng *rand.Rand) ([]byte, bool) {
	m := g.Matcher(v)
	mask := make([]uint64, v.MaskWords())
	var text []byte
	var allowed []int32
	for step := 0; step < 400; step++ {
		if f := m.Forced(); f != nil && rng.IntN(2) == 0 {
			text = append(text, f...)
			if err := m.AcceptBytes(f); err != nil {
				panic(err)
			}
			continue
		}
		m.FillMask(mask)
		allowed = allowed[:0]
		end := int32(-1)
		for w, word := range mask {
			for word != 0 {
				b := word & -word
				word &^= b
				id := int32(w*64 + bits.TrailingZeros64(b))
				if v.IsEOG(id) {
					end = id
				} else {
					allowed = append(allowed, id)
				}
			}
		}
		if end >= 0 && (len(allowed) == 0 || step > 20) {
			return text, m.Accept(end) == nil
		}
		if len(allowed) == 0 {
			return nil, false
		}
		pick := allowed[rng.IntN(len(allowed))]
		var closing []int32
		if step > 20 {
			for _, id := range closers(v) {
				if mask[id>>6]&(1<<(id&63)) != 0 {
					closing = append(closing, id)
				}
			}
		}
		if len(closing) > 0 {
			pick = closing[rng.IntN(len(closing))]
		} else if step > 20 {
			best := -1
			for range 512 {
				id := allowed[rng.IntN(len(allowed))]
				tb := v.Token(id)
				score := len(tb)
				if bytes.ContainsAny(tb, "\"]}") {
					score -= 8
				}
				if best < 0 || score < best || score == best && rng.IntN(4) == 0 {
					best, pick = score, id
				}
			}
		}
		if err := m.Accept(pick); err != nil {
			panic(err)
		}
		text = append(text, v.Token(pick)...)
	}
	return text, false
}

// closers lists the short tokens that close a string or a container.
func closers(v *grammar.Vocab) []int32 {
	var out []int32
	for id := int32(0); int(id) < v.Size(); id++ {
		tb := v.Token(id)
		if len(tb) > 0 && len(tb) <= 3 && strings.Trim(string(tb), "\"]}") == "" {
			out = append(out, id)
		}
	}
	return out
}
