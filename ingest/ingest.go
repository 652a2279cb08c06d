package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Ingester turns files, directories and URLs into chunked documents. Its
// fields are read-only once Ingest runs; set them before. An Ingester is
// safe for concurrent use if its Progress and Skip functions and its
// Chunker's counter are.
type Ingester struct {
	// Chunker cuts parsed text into chunks; its Counter is required.
	Chunker Chunker
	// Fetcher downloads URL inputs.
	Fetcher Fetcher
	// Parse tunes the parsers (how CSV records become chunks).
	Parse ParseOptions
	// MaxFileBytes bounds the size of a file input; 0 means
	// DefaultMaxBytes.
	MaxFileBytes int64
	// Progress, when set, is called once with Done == 0 after the inputs
	// are expanded (so Total is known) and then after each input, in the
	// goroutine running Ingest.
	Progress func(Progress)
	// Skip, when set, is called with each input's source name and content
	// hash (HashContent) before it is parsed; returning true skips the
	// input, whose Result then has Skipped set. See the package comment for
	// the dedup flow.
	Skip func(source, hash string) bool
}

// Progress reports how far an Ingest call has come.
type Progress struct {
	// Done counts finished inputs out of Total, failed and skipped ones
	// included.
	Done, Total int
	// Source is the input just finished; empty in the first report.
	Source string
	// Chunks is how many chunks the input produced.
	Chunks int
	// Skipped is true when Skip asked to skip the input.
	Skipped bool
	// Err is the input's error, if it failed.
	Err error
}

// Result is the outcome for one input. Exactly one of Doc != nil, Skipped
// and Err != nil holds.
type Result struct {
	Source string
	// Hash is the hex SHA-256 of the input's bytes; empty when they could
	// not be read.
	Hash    string
	Doc     *Document
	Skipped bool
	Err     error
}

// Ingest expands inputs (file paths, directory paths walked recursively,
// and http or https URLs) and ingests each, in order. In a directory, files
// and directories whose names start with "." are skipped, as are files
// whose extension names no supported format; a file named directly is
// always read, its format sniffed when the extension is unknown.
//
// Every input gets a Result, in order. A failing input does not stop the
// others: its Result carries the error, and the returned error joins every
// input's error (errors.Join), each naming its input. The returned error is
// also set when ctx ends, in which case the remaining inputs fail with
// ctx's error.
func (in *Ingester) Ingest(ctx context.Context, inputs ...string) ([]Result, error) {
	if err := in.Chunker.Validate(); err != nil {
		return nil, err
	}
	var results []Result
	for _, input := range inputs {
		results = append(results, expand(input)...)
	}
	total := len(results)
	report := func(p Progress) {
		if in.Progress != nil {
			p.Total = total
			in.Progress(p)
		}
	}
	report(Progress{})
	var errs []error
	for i := range results {
		r := &results[i]
		if r.Err == nil {
			in.one(ctx, r)
		}
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
		p := Progress{Done: i + 1, Source: r.Source, Skipped: r.Skipped, Err: r.Err}
		if r.Doc != nil {
			p.Chunks = len(r.Doc.Chunks)
		}
		report(p)
	}
	return results, errors.Join(errs...)
}

// one reads, parses and chunks one source into r.
func (in *Ingester) one(ctx context.Context, r *Result) {
	if err := ctx.Err(); err != nil {
		r.Err = &InputError{Source: r.Source, Err: err}
		return
	}
	var (
		data        []byte
		contentType string
		format      Format
		err         error
	)
	if isURL(r.Source) {
		var f *Fetched
		f, err = in.Fetcher.Fetch(ctx, r.Source)
		if err == nil {
			data, contentType, format = f.Body, f.ContentType, f.Format
		}
	} else {
		data, err = in.readFile(r.Source)
		if err == nil {
			format, err = DetectFormat(r.Source, "", data)
		}
	}
	if err != nil {
		r.Err = &InputError{Source: r.Source, Err: err}
		return
	}
	r.Hash = HashContent(data)
	if in.Skip != nil && in.Skip(r.Source, r.Hash) {
		r.Skipped = true
		return
	}
	doc, err := in.document(ctx, r.Source, format, data, contentType)
	if err != nil {
		r.Err = &InputError{Source: r.Source, Err: err}
		return
	}
	r.Doc = doc
}

// IngestBytes parses and chunks content that the caller already holds, such
// as an upload. contentType may be empty; the format is then chosen from
// source's extension or the content (see DetectFormat). Skip is not
// consulted.
func (in *Ingester) IngestBytes(ctx context.Context, source, contentType string, data []byte) (*Document, error) {
	if err := in.Chunker.Validate(); err != nil {
		return nil, err
	}
	format, err := DetectFormat(source, contentType, data)
	if err != nil {
		return nil, &InputError{Source: source, Err: err}
	}
	doc, err := in.document(ctx, source, format, data, contentType)
	if err != nil {
		return nil, &InputError{Source: source, Err: err}
	}
	return doc, nil
}

func (in *Ingester) document(ctx context.Context, source string, format Format, data []byte, contentType string) (*Document, error) {
	secs, err := in.Parse.Parse(ctx, format, data, contentType)
	if err != nil {
		return nil, err
	}
	chunks, err := in.Chunker.Chunk(ctx, source, secs)
	if err != nil {
		return nil, err
	}
	if len(chunks) == 0 {
		return nil, ErrNoText
	}
	return &Document{Source: source, Format: format, Hash: HashContent(data), Chunks: chunks}, nil
}

func (in *Ingester) readFile(name string) ([]byte, error) {
	limit := in.MaxFileBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// InputError is the error of one failing input; Ingest's joined error and
// Result.Err hold these.
type InputError struct {
	Source string
	Err    error
}

// Error returns "ingest: <source>: <cause>", with the cause's own "ingest: "
// prefix dropped.
func (e *InputError) Error() string {
	return "ingest: " + e.Source + ": " + strings.TrimPrefix(e.Err.Error(), "ingest: ")
}

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// Expand lists the sources one input names, as Ingest expands it: a URL or
// a file as is, a directory as the supported files below it in lexical
// order. Paths that cannot be read come back as *InputError values; the
// walk goes on past them.
func Expand(input string) (sources []string, errs []error) {
	for _, r := range expand(input) {
		if r.Err != nil {
			errs = append(errs, r.Err)
			continue
		}
		sources = append(sources, r.Source)
	}
	return sources, errs
}

// expand turns one input into the sources it names, as Results still to be
// filled: a URL or file as is, a directory as the supported files below it
// in lexical order. Paths that cannot be read come back with Err set; the
// walk goes on past them.
func expand(input string) []Result {
	if isURL(input) {
		return []Result{{Source: input}}
	}
	info, err := os.Stat(input)
	if err != nil {
		return []Result{{Source: input, Err: &InputError{Source: input, Err: err}}}
	}
	if !info.IsDir() {
		return []Result{{Source: input}}
	}
	var out []Result
	_ = filepath.WalkDir(input, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, Result{Source: p, Err: &InputError{Source: p, Err: err}})
			if d != nil && d.IsDir() && p != input {
				return filepath.SkipDir
			}
			return nil
		}
		if p != input && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if _, ok := FormatForPath(d.Name()); !ok {
			return nil
		}
		if !d.Type().IsRegular() {
			// Follow symlinks to regular files only.
			if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		}
		out = append(out, Result{Source: p})
		return nil
	})
	return out
}
