package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestTestdata(t *testing.T) {
	var reports []Progress
	in := &Ingester{
		Chunker:  Chunker{Counter: wordCounter{}, Size: 64, Overlap: 8},
		Progress: func(p Progress) { reports = append(reports, p) },
		Parse:    ParseOptions{CSV: CSVGaiaNet}, // sample.csv is a csv_embed file: no header
	}
	results, err := in.Ingest(context.Background(), "testdata")
	names := []string{"corrupt.pdf", "sample.csv", "sample.html", "sample.md", "sample.pdf", "sample.txt"}
	if len(results) != len(names) {
		t.Fatalf("got %d results, want %d: %+v", len(results), len(names), results)
	}
	for i, r := range results {
		if filepath.Base(r.Source) != names[i] {
			t.Errorf("result %d is %s, want %s", i, r.Source, names[i])
		}
		failed := names[i] == "corrupt.pdf"
		if failed != (r.Err != nil) || failed == (r.Doc != nil) {
			t.Errorf("%s: Doc=%v Err=%v", r.Source, r.Doc != nil, r.Err)
		}
		if r.Doc != nil {
			if r.Doc.Hash != r.Hash || r.Doc.Source != r.Source || len(r.Doc.Chunks) == 0 {
				t.Errorf("%s: bad document %+v", r.Source, r.Doc)
			}
			data, _ := os.ReadFile(r.Source)
			if r.Hash != HashContent(data) {
				t.Errorf("%s: hash %s does not match content", r.Source, r.Hash)
			}
		}
	}
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Source, "corrupt.pdf") || !errors.Is(err, ErrPDF) {
		t.Fatalf("joined error = %v, want an InputError for corrupt.pdf wrapping ErrPDF", err)
	}
	if !strings.HasPrefix(ie.Error(), "ingest: testdata/corrupt.pdf: pdf") {
		t.Errorf("error text %q", ie.Error())
	}
	if len(reports) != len(names)+1 || reports[0].Done != 0 || reports[0].Total != len(names) {
		t.Fatalf("progress reports = %+v", reports)
	}
	for i, p := range reports[1:] {
		if p.Done != i+1 || p.Total != len(names) || p.Source != results[i].Source || (p.Err != nil) != (results[i].Err != nil) {
			t.Errorf("report %d = %+v", i+1, p)
		}
	}

	byName := map[string]*Document{}
	for _, r := range results {
		byName[filepath.Base(r.Source)] = r.Doc
	}
	csv := byName["sample.csv"]
	if len(csv.Chunks) != 4 || csv.Chunks[0].Text != "What is GaiaNet?" || csv.Chunks[0].EmbedText != "GaiaNet question" ||
		csv.Chunks[2].EmbedText != "Single column row" {
		t.Errorf("csv chunks = %+v", csv.Chunks)
	}
	md := byName["sample.md"]
	var heads []string
	for _, c := range md.Chunks {
		heads = append(heads, c.Heading)
	}
	if strings.Join(heads, "|") != "|# Guide|# Guide > ## Install|# Guide > ## Install > ### Linux|# Guide > ## Usage|# Guide > ## Setext Heading" {
		t.Errorf("md headings = %q", heads)
	}
	if !strings.Contains(md.Chunks[2].Text, "```bash\n# this is a comment") {
		t.Errorf("install chunk lacks its code block: %q", md.Chunks[2].Text)
	}
	if pdf := byName["sample.pdf"]; !strings.Contains(pdf.Chunks[0].Text, "Page two explains the vector store.") {
		t.Errorf("pdf chunks = %+v", pdf.Chunks)
	}
	if html := byName["sample.html"]; strings.Contains(html.Chunks[0].Text, "Menu item") || html.Format != FormatHTML {
		t.Errorf("html document = %+v", html)
	}
}

func TestIngestMixedInputs(t *testing.T) {
	srv := newTestServer(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("docs/a.md", "# A\ntext a")
	write("docs/.hidden.md", "# hidden")
	write("docs/.git/b.md", "# in git dir")
	write("docs/image.png", "\x89PNG")
	write("docs/empty.txt", "  \n\n")
	noext := write("NOTES", "notes without extension")
	bin := write("data.bin", "\x00\x01\x02\x03")

	in := &Ingester{Chunker: Chunker{Counter: wordCounter{}}, Fetcher: Fetcher{Egress: loopback(t)}}
	inputs := []string{filepath.Join(dir, "docs"), filepath.Join(dir, "missing.md"), srv.URL + "/page", srv.URL + "/missing", noext, bin}
	results, err := in.Ingest(context.Background(), inputs...)
	type outcome struct {
		source string
		ok     bool
		want   error
	}
	want := []outcome{
		{filepath.Join(dir, "docs/a.md"), true, nil},
		{filepath.Join(dir, "docs/empty.txt"), false, ErrNoText},
		{filepath.Join(dir, "missing.md"), false, os.ErrNotExist},
		{srv.URL + "/page", true, nil},
		{srv.URL + "/missing", false, nil},
		{noext, true, nil},
		{bin, false, ErrUnsupported},
	}
	if len(results) != len(want) {
		t.Fatalf("results = %+v", results)
	}
	for i, w := range want {
		r := results[i]
		if r.Source != w.source || (r.Doc != nil) != w.ok || (w.want != nil && !errors.Is(r.Err, w.want)) {
			t.Errorf("result %d = {%s doc=%v err=%v}, want %+v", i, r.Source, r.Doc != nil, r.Err, w)
		}
		if !w.ok && (r.Err == nil || !strings.Contains(err.Error(), r.Err.Error())) {
			t.Errorf("joined error lacks %s's error", r.Source)
		}
	}
}

func TestIngestDedupFlow(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"a.txt": "alpha text", "b.txt": "beta text"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// store stands in for the vector store: source -> hash and chunks.
	stored := map[string]string{}
	chunks := map[string][]Chunk{}
	in := &Ingester{
		Chunker: Chunker{Counter: wordCounter{}},
		Skip:    func(source, hash string) bool { return stored[source] == hash },
	}
	run := func() (ingested, skipped int) {
		results, err := in.Ingest(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			switch {
			case r.Skipped:
				skipped++
			case r.Doc != nil:
				ingested++
				chunks[r.Source] = r.Doc.Chunks // replaces the old chunks
				stored[r.Source] = r.Doc.Hash
			}
		}
		return
	}
	if i, s := run(); i != 2 || s != 0 {
		t.Fatalf("first run ingested %d skipped %d", i, s)
	}
	if i, s := run(); i != 0 || s != 2 {
		t.Fatalf("unchanged run ingested %d skipped %d", i, s)
	}
	b := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(b, []byte("beta text, revised"), 0o644); err != nil {
		t.Fatal(err)
	}
	if i, s := run(); i != 1 || s != 1 {
		t.Fatalf("after edit ingested %d skipped %d", i, s)
	}
	if got := chunks[b][0].Text; got != "beta text, revised" {
		t.Errorf("b.txt chunks not replaced: %q", got)
	}
}

func TestIngestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := &Ingester{Chunker: Chunker{Counter: wordCounter{}}}
	results, err := in.Ingest(ctx, "testdata")
	if !errors.Is(err, context.Canceled) || len(results) == 0 {
		t.Fatalf("Ingest(canceled) = %d results, %v", len(results), err)
	}
	for _, r := range results {
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("%s: err = %v", r.Source, r.Err)
		}
	}
}

func TestIngestBytes(t *testing.T) {
	in := &Ingester{Chunker: Chunker{Counter: wordCounter{}, Size: 4}, Parse: ParseOptions{CSV: CSVGaiaNet}}
	doc, err := in.IngestBytes(context.Background(), "upload.csv", "", []byte("q1,e1\nq2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatCSV || len(doc.Chunks) != 2 || doc.Chunks[0].EmbedText != "e1" || doc.Hash != HashContent([]byte("q1,e1\nq2\n")) {
		t.Errorf("doc = %+v", doc)
	}
	// The default keeps every column under its header name.
	in.Parse = ParseOptions{}
	doc, err = in.IngestBytes(context.Background(), "upload.csv", "", []byte("q,e,x\nq1,e1,x1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Chunks) != 1 || doc.Chunks[0].Text != "q: q1\ne: e1\nx: x1" || doc.Chunks[0].EmbedText != doc.Chunks[0].Text {
		t.Errorf("default CSV doc = %+v", doc)
	}
	if _, err := in.IngestBytes(context.Background(), "upload", "image/png", []byte("x")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("png upload error = %v", err)
	}
	if _, err := (&Ingester{}).Ingest(context.Background(), "testdata"); err == nil {
		t.Error("Ingest without a token counter succeeded")
	}
}

func TestChunkHash(t *testing.T) {
	if ChunkHash("a", "a") != HashContent([]byte("a")) {
		t.Error("ChunkHash with equal texts is not the hash of the text")
	}
	if ChunkHash("a", "b") == ChunkHash("a", "a") || ChunkHash("ab", "") == ChunkHash("a", "b") {
		t.Error("ChunkHash collides on different embed texts")
	}
}
