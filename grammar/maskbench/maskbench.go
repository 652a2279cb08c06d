package maskbench

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/grammar"
)

// Tokenizer is what the benchmark needs from a tokenizer.
type Tokenizer interface {
	// AppendEncodeContinuation tokenizes text as the model writes it
	// after other text (no SentencePiece space prefix).
	AppendEncodeContinuation(dst []int32, text string) []int32
	TokenBytes(id int32) []byte
	EOGTokens() []int32
	VocabSize() int
}

// Report is the outcome of a run; its JSON form is the --json line.
type Report struct {
	Schemas            int            `json:"schemas"`
	Passed             int            `json:"passed"`
	Failed             int            `json:"failed"`
	CompileErrors      int            `json:"compile_errors"`
	Refusals           map[string]int `json:"compile_refusals"` // by keyword
	ValidInstances     int            `json:"valid_instances"`
	InvalidInstances   int            `json:"invalid_instances"`
	ValidationErrors   int            `json:"validation_errors"`
	InvalidationErrors int            `json:"invalidation_errors"`
	Tokens             int            `json:"tokens"`
	MaskUsMean         float64        `json:"mask_us_mean"`
	MaskUsP50          float64        `json:"mask_us_p50"`
	MaskUsP99          float64        `json:"mask_us_p99"`
	MaskUsMax          float64        `json:"mask_us_max"`
	CompileUsP50       float64        `json:"compile_us_p50"`
	CompileUsMean      float64        `json:"compile_us_mean"`
	Seconds            float64        `json:"seconds"`
	// Failures lists failing schema files with a reason (not in --json).
	Failures []Failure `json:"-"`
	// Slowest lists the files with the slowest single masks, slowest first.
	Slowest []Slow `json:"-"`
}

// Slow is the slowest mask of one schema file.
type Slow struct {
	File   string
	MaskUs float64
}

// Failure says why one schema file failed.
type Failure struct {
	File   string
	Reason string
}

// Options tunes a run.
type Options struct {
	// Files limits the run to these file names (base names in Dir); nil = all.
	Files []string
	// Progress, when set, is called after each file.
	Progress func(done, total int)
	// CPUTime times masks with the thread's CPU clock instead of the wall
	// clock, so that a loaded machine does not inflate the figures.
	CPUTime bool
	// Schema are the compiler options (e.g. SchemaOrder).
	Schema grammar.SchemaOptions
}

// NewVocab builds the grammar vocabulary of tok.
func NewVocab(tok Tokenizer) *grammar.Vocab {
	n := tok.VocabSize()
	toks := make([][]byte, n)
	for i := range toks {
		toks[i] = tok.TokenBytes(int32(i))
	}
	return grammar.NewVocab(toks, tok.EOGTokens())
}

// Run benchmarks every *.json file of dir.
func Run(ctx context.Context, dir string, tok Tokenizer, opts Options) (*Report, error) {
	files := opts.Files
	if files == nil {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("maskbench: %w", err)
		}
		for _, e := range ents {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
				files = append(files, e.Name())
			}
		}
		sort.Strings(files)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("maskbench: no .json files in %s", dir)
	}
	start := time.Now()
	clock := wallClock
	if opts.CPUTime {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		clock = calibrated(threadClock)
	}
	v := NewVocab(tok)
	r := &Report{Refusals: map[string]int{}}
	mask := make([]uint64, v.MaskWords())
	var maskNs, compileNs []int64
	for i, name := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("maskbench: %w", err)
		}
		before := len(maskNs)
		reason, err := runFile(data, tok, v, mask, opts.Schema, r, clock, &maskNs, &compileNs)
		if err != nil {
			return nil, fmt.Errorf("maskbench: %s: %w", name, err)
		}
		if n := len(maskNs); n > before {
			r.Slowest = append(r.Slowest, Slow{name, float64(slices.Max(maskNs[before:])) / 1000})
			slices.SortFunc(r.Slowest, func(a, b Slow) int { return cmp.Compare(b.MaskUs, a.MaskUs) })
			if len(r.Slowest) > 10 {
				r.Slowest = r.Slowest[:10]
			}
		}
		r.Schemas++
		if reason == "" {
			r.Passed++
		} else {
			r.Failed++
			r.Failures = append(r.Failures, Failure{name, reason})
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(files))
		}
	}
	r.Tokens = len(maskNs)
	r.MaskUsMean, r.MaskUsP50, r.MaskUsP99, r.MaskUsMax = stats(maskNs)
	r.CompileUsMean, r.CompileUsP50, _, _ = stats(compileNs)
	r.Seconds = time.Since(start).Seconds()
	return r, nil
}

// stats returns mean, p50, p99 and max in microseconds.
func stats(ns []int64) (mean, p50, p99, mx float64) {
	if len(ns) == 0 {
		return
	}
	s := slices.Clone(ns)
	slices.Sort(s)
	var sum int64
	for _, x := range s {
		sum += x
	}
	us := func(x int64) float64 { return float64(x) / 1000 }
	return us(sum) / float64(len(s)), us(s[len(s)/2]), us(s[len(s)*99/100]), us(s[len(s)-1])
}

type benchFile struct {
	schema *grammar.Value
	tests  []benchTest
}

type benchTest struct {
	valid bool
	data  *grammar.Value
}

func parseFile(data []byte) (*benchFile, error) {
	v, err := grammar.ParseValue(data)
	if err != nil {
		return nil, err
	}
	s, ok := v.Get("schema")
	if !ok {
		return nil, errors.New("no schema")
	}
	f := &benchFile{schema: s}
	if t, ok := v.Get("tests"); ok {
		for i := range t.Items {
			valid, ok1 := t.Items[i].Get("valid")
			d, ok2 := t.Items[i].Get("data")
			if !ok1 || !ok2 || valid.Kind != grammar.KindBool {
				return nil, fmt.Errorf("test %d lacks valid or data", i)
			}
			f.tests = append(f.tests, benchTest{valid.Bool, d})
		}
	}
	return f, nil
}

// runFile runs one schema file; reason is "" when it passes.
func runFile(data []byte, tok Tokenizer, v *grammar.Vocab, mask []uint64, sopts grammar.SchemaOptions, r *Report, clock func() int64, maskNs, compileNs *[]int64) (string, error) {
	f, err := parseFile(data)
	if err != nil {
		return "", err
	}
	for _, t := range f.tests {
		if t.valid {
			r.ValidInstances++
		} else {
			r.InvalidInstances++
		}
	}
	schema := f.schema.AppendCompact(nil)
	t0 := clock()
	g, err := grammar.FromJSONSchema(schema, sopts)
	*compileNs = append(*compileNs, clock()-t0)
	if err != nil {
		var u *grammar.UnsupportedError
		if errors.As(err, &u) {
			r.Refusals[u.Keyword]++
		} else {
			r.CompileErrors++
		}
		return "compile: " + err.Error(), nil
	}
	reason := ""
	for i, t := range f.tests {
		text := string(t.data.AppendCompact(nil))
		ids := tok.AppendEncodeContinuation(nil, text)
		ok, at := accepts(g, v, ids, mask, clock, maskNs)
		switch {
		case t.valid && !ok:
			r.ValidationErrors++
			if reason == "" {
				reason = fmt.Sprintf("test %d: valid instance refused at token %d: %.200q", i, at, text)
			}
		case !t.valid && ok:
			r.InvalidationErrors++
			if reason == "" {
				reason = fmt.Sprintf("test %d: invalid instance accepted: %.200q", i, text)
			}
		}
	}
	return reason, nil
}

// accepts feeds ids through a fresh matcher, timing each mask, and reports
// whether the whole text was accepted (and if not, at which token it failed;
// len(ids) means at the end).
func accepts(g *grammar.Grammar, v *grammar.Vocab, ids []int32, mask []uint64, clock func() int64, maskNs *[]int64) (bool, int) {
	m := g.Matcher(v)
	for i, id := range ids {
		t0 := clock()
		m.FillMask(mask)
		dt := clock() - t0
		*maskNs = append(*maskNs, dt)
		if mask[id>>6]&(1<<(id&63)) == 0 {
			return false, i
		}
		if err := m.Accept(id); err != nil {
			return false, i // the mask allowed it: a bug, shows as a refusal
		}
	}
	t0 := clock()
	m.FillMask(mask)
	*maskNs = append(*maskNs, clock()-t0)
	return m.CanEnd(), len(ids)
}

// calibrated returns clock minus its own median cost, so that a short
// span is not dominated by the cost of reading the clock (the thread CPU
// clock is a system call).
func calibrated(clock func() int64) func() int64 {
	d := make([]int64, 1001)
	for i := range d {
		t0 := clock()
		d[i] = clock() - t0
	}
	slices.Sort(d)
	cost := d[len(d)/2]
	var last int64
	return func() int64 {
		// Each reading is charged for one clock cost, so a span t1-t0
		// loses exactly one.
		last += cost
		return clock() - last
	}
}

var wallStart = time.Now()

func wallClock() int64 { return int64(time.Since(wallStart)) }
