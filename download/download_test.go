package download

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/egress"
)

// testEgress lets downloads reach the tests' servers on 127.0.0.1.
var testEgress = mustPolicy("127.0.0.1")

func mustPolicy(allow ...string) *egress.Policy {
	p, err := egress.NewPolicy(allow...)
	if err != nil {
		panic(err)
	}
	return p
}

// payload returns n deterministic bytes that start like a GGUF file.
func payload(n int) []byte {
	b := make([]byte, n)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	copy(b, "GGUF\x03\x00\x00\x00")
	return b
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// server records requests and lets each test decide the responses.
type server struct {
	*httptest.Server
	mu     sync.Mutex
	ranges []string // Range header of each request, "" if none
}

func newServer(t *testing.T, h func(w http.ResponseWriter, r *http.Request, n int)) *server {
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.ranges = append(s.ranges, r.Header.Get("Range"))
		n := len(s.ranges)
		s.mu.Unlock()
		h(w, r, n)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.ranges...)
}

// serve answers with data, honouring Range like a real file server.
func serve(w http.ResponseWriter, r *http.Request, data []byte) {
	w.Header().Set("Content-Type", "application/octet-stream")
	http.ServeContent(w, r, "model.gguf", time.Time{}, bytes.NewReader(data))
}

// drop sends the full Content-Length, n bytes of data, then cuts the
// connection.
func drop(w http.ResponseWriter, data []byte, n int) {
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Content-Type", "application/octet-stream")
	w.WriteHeader(http.StatusOK)
	w.Write(data[:n])
	w.(http.Flusher).Flush()
	panic(http.ErrAbortHandler)
}

func fast(o Options) Options {
	o.RetryDelay = time.Millisecond
	o.Egress = testEgress
	return o
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func TestDownloadNormal(t *testing.T) {
	data := payload(700 << 10)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, _ int) { serve(w, r, data) })
	dst := filepath.Join(t.TempDir(), "model.gguf")
	var reports []Progress
	res, err := File(context.Background(), s.URL+"/model.gguf", dst, Options{Egress: testEgress,
		SHA256: strings.ToUpper(sum(data)), Magic: "GGUF",
		Progress: func(p Progress) { reports = append(reports, p) }, ProgressInterval: time.Nanosecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, dst), data) {
		t.Fatal("downloaded bytes differ")
	}
	if res.Path != dst || res.Size != int64(len(data)) || res.SHA256 != sum(data) || res.Resumed != 0 || res.Local {
		t.Fatalf("result %+v", res)
	}
	if exists(dst + PartSuffix) {
		t.Error(".part file left behind")
	}
	if len(reports) < 3 {
		t.Fatalf("only %d progress reports", len(reports))
	}
	for i, p := range reports {
		if p.Total != int64(len(data)) || (i > 0 && p.Done < reports[i-1].Done) || p.Source != s.URL+"/model.gguf" {
			t.Fatalf("report %d: %+v", i, p)
		}
	}
	if last := reports[len(reports)-1]; !last.Finished || last.Done != int64(len(data)) {
		t.Fatalf("last report %+v", last)
	}
	if got := s.requests(); len(got) != 1 || got[0] != "" {
		t.Fatalf("requests %q", got)
	}
}

func TestResumeAfterDroppedConnection(t *testing.T) {
	data := payload(512 << 10)
	const cut = 200 << 10
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			drop(w, data, cut)
			return
		}
		serve(w, r, data)
	})
	dst := filepath.Join(t.TempDir(), "m.gguf")

	// First call: no retries, so the broken transfer is reported and kept.
	_, err := File(context.Background(), s.URL, dst, Options{Egress: testEgress, Retries: -1})
	if !errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), s.URL) {
		t.Fatalf("first call: %v", err)
	}
	if got := len(readFile(t, dst+PartSuffix)); got != cut {
		t.Fatalf(".part holds %d bytes, want %d", got, cut)
	}
	if exists(dst) {
		t.Fatal("dst exists after a broken transfer")
	}
	// Second call resumes with Range.
	res, err := File(context.Background(), s.URL, dst, Options{Egress: testEgress, SHA256: sum(data)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Resumed != cut || !bytes.Equal(readFile(t, dst), data) {
		t.Fatalf("resume: %+v", res)
	}
	if got := s.requests(); len(got) != 2 || got[1] != fmt.Sprintf("bytes=%d-", cut) {
		t.Fatalf("requests %q", got)
	}
}

func TestRetryResumesWithinOneCall(t *testing.T) {
	data := payload(300 << 10)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch n {
		case 1:
			drop(w, data, 100<<10)
		case 2:
			http.Error(w, "busy", http.StatusServiceUnavailable)
		default:
			serve(w, r, data)
		}
	})
	dst := filepath.Join(t.TempDir(), "m.gguf")
	res, err := File(context.Background(), s.URL, dst, fast(Options{Egress: testEgress}))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, dst), data) || res.Resumed != 100<<10 {
		t.Fatalf("result %+v", res)
	}
	if got := s.requests(); len(got) != 3 || got[2] != "bytes=102400-" {
		t.Fatalf("requests %q", got)
	}
}

func TestServerIgnoresRange(t *testing.T) {
	data := payload(256 << 10)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.Write(data) // always 200 with the whole file
	})
	dst := filepath.Join(t.TempDir(), "m.gguf")
	// A stale .part with wrong bytes: resuming onto it would corrupt the file.
	if err := os.WriteFile(dst+PartSuffix, bytes.Repeat([]byte{0xAA}, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := File(context.Background(), s.URL, dst, Options{Egress: testEgress, SHA256: sum(data)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Resumed != 0 || !bytes.Equal(readFile(t, dst), data) {
		t.Fatalf("result %+v", res)
	}
	if got := s.requests(); len(got) != 1 || got[0] != "bytes=1000-" {
		t.Fatalf("requests %q", got)
	}
}

func TestPartAlreadyComplete(t *testing.T) {
	data := payload(64 << 10)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { serve(w, r, data) })
	dst := filepath.Join(t.TempDir(), "m.gguf")
	if err := os.WriteFile(dst+PartSuffix, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := File(context.Background(), s.URL, dst, Options{Egress: testEgress, SHA256: sum(data)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Resumed != int64(len(data)) || !bytes.Equal(readFile(t, dst), data) {
		t.Fatalf("result %+v", res)
	}
}

func TestRejections(t *testing.T) {
	data := payload(128 << 10)
	const htmlPage = "<!DOCTYPE html>\n<html><body>Repository not found</body></html>\n"
	tests := []struct {
		name     string
		handler  func(w http.ResponseWriter, r *http.Request, n int)
		opts     Options
		wantIs   error
		wantMsg  string
		requests int
		partLeft bool
	}{
		{
			name: "html content type",
			handler: func(w http.ResponseWriter, r *http.Request, n int) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write([]byte(htmlPage))
			},
			wantIs: ErrHTML, wantMsg: "server returned an HTML page, not a model file", requests: 1,
		},
		{
			name: "html body as octet-stream",
			handler: func(w http.ResponseWriter, r *http.Request, n int) {
				w.Header().Set("Content-Type", "application/octet-stream")
				w.Write([]byte("\n  <html><head><title>Error</title></head></html>"))
			},
			wantIs: ErrHTML, wantMsg: "server returned an HTML page, not a model file", requests: 1,
		},
		{
			name:    "wrong sha256",
			handler: func(w http.ResponseWriter, r *http.Request, n int) { serve(w, r, data) },
			opts:    Options{Egress: testEgress, SHA256: strings.Repeat("ab", 32)},
			wantIs:  ErrChecksum, wantMsg: "sha256 mismatch: got " + sum(data) + ", want " + strings.Repeat("ab", 32) + "; deleted the downloaded file",
			requests: 1,
		},
		{
			name:    "not found",
			handler: func(w http.ResponseWriter, r *http.Request, n int) { http.NotFound(w, r) },
			wantIs:  ErrHTTPStatus, wantMsg: "404 Not Found", requests: 1,
		},
		{
			name: "wrong magic",
			handler: func(w http.ResponseWriter, r *http.Request, n int) {
				serve(w, r, append([]byte("PK\x03\x04"), data[4:]...))
			},
			opts:   Options{Egress: testEgress, Magic: "GGUF"},
			wantIs: ErrMagic, wantMsg: `want a file starting with "GGUF", got "PK\x03\x04"`, requests: 1,
		},
		{
			name: "truncated body",
			handler: func(w http.ResponseWriter, r *http.Request, n int) {
				w.Header().Set("Content-Length", strconv.Itoa(len(data)+5000))
				w.Write(data)
			},
			opts:   Options{Egress: testEgress, Retries: 2},
			wantIs: ErrTruncated, wantMsg: fmt.Sprintf("of %d bytes", len(data)+5000), requests: 3, partLeft: true,
		},
		{
			name: "server errors exhaust retries",
			handler: func(w http.ResponseWriter, r *http.Request, n int) {
				http.Error(w, "down", http.StatusBadGateway)
			},
			opts:   Options{Egress: testEgress, Retries: 1},
			wantIs: ErrHTTPStatus, wantMsg: "502 Bad Gateway", requests: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, tt.handler)
			url := s.URL + "/org/repo/resolve/main/model.gguf"
			dst := filepath.Join(t.TempDir(), "model.gguf")
			_, err := File(context.Background(), url, dst, fast(tt.opts))
			if !errors.Is(err, tt.wantIs) {
				t.Fatalf("err = %v, want %v", err, tt.wantIs)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "download: "+url+": ") || !strings.Contains(msg, tt.wantMsg) {
				t.Fatalf("message %q lacks the URL or %q", msg, tt.wantMsg)
			}
			if got := len(s.requests()); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
			if exists(dst) {
				t.Error("dst exists after a rejected download")
			}
			if exists(dst+PartSuffix) != tt.partLeft {
				t.Errorf(".part exists = %v, want %v", exists(dst+PartSuffix), tt.partLeft)
			}
		})
	}
}

func TestCancellation(t *testing.T) {
	data := payload(1 << 20)
	release := make(chan struct{})
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(http.StatusOK)
		w.Write(data[:64<<10])
		w.(http.Flusher).Flush()
		select { // hold the connection open until the client goes away
		case <-r.Context().Done():
		case <-release:
		}
	})
	defer close(release)
	dst := filepath.Join(t.TempDir(), "m.gguf")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	start := time.Now()
	_, err := File(ctx, s.URL, dst, Options{Egress: testEgress,
		ProgressInterval: time.Nanosecond,
		Progress: func(p Progress) {
			if p.Done >= 64<<10 {
				once.Do(cancel)
			}
		},
	})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), s.URL) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("cancellation took %v", d)
	}
	if got := len(readFile(t, dst+PartSuffix)); got != 64<<10 {
		t.Fatalf(".part holds %d bytes, want the %d received", got, 64<<10)
	}
	if len(s.requests()) != 1 {
		t.Fatalf("retried after cancellation: %q", s.requests())
	}
}

func TestStall(t *testing.T) {
	data := payload(128 << 10)
	release := make(chan struct{})
	defer close(release)
	var calls atomic.Int32
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		calls.Add(1)
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(http.StatusOK)
		w.Write(data[:1000])
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	dst := filepath.Join(t.TempDir(), "m.gguf")
	_, err := File(context.Background(), s.URL, dst, Options{Egress: testEgress, StallTimeout: 100 * time.Millisecond, Retries: -1})
	if !errors.Is(err, ErrStalled) || !strings.Contains(err.Error(), "after 1000 bytes") {
		t.Fatalf("err = %v", err)
	}
}

func TestLocalSource(t *testing.T) {
	data := payload(100 << 10)
	dir := t.TempDir()
	src := filepath.Join(dir, "src.gguf")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("in place", func(t *testing.T) {
		for _, dst := range []string{"", src} {
			res, err := File(context.Background(), src, dst, Options{Egress: testEgress, SHA256: sum(data), Magic: "GGUF"})
			if err != nil || res.Path != src || !res.Local || res.Size != int64(len(data)) {
				t.Fatalf("dst %q: %+v %v", dst, res, err)
			}
		}
	})
	t.Run("copy via file URL", func(t *testing.T) {
		dst := filepath.Join(t.TempDir(), "dst.gguf")
		var last Progress
		res, err := File(context.Background(), "file://"+src, dst, Options{Egress: testEgress, Progress: func(p Progress) { last = p }})
		if err != nil || res.Path != dst || !bytes.Equal(readFile(t, dst), data) {
			t.Fatalf("%+v %v", res, err)
		}
		if !last.Finished || last.Done != int64(len(data)) {
			t.Fatalf("last progress %+v", last)
		}
	})
	t.Run("bad checksum keeps the source", func(t *testing.T) {
		_, err := File(context.Background(), src, "", Options{Egress: testEgress, SHA256: strings.Repeat("0", 64)})
		if !errors.Is(err, ErrChecksum) || !strings.HasPrefix(err.Error(), "download: "+src+": ") {
			t.Fatalf("err = %v", err)
		}
		if !exists(src) {
			t.Fatal("the user's source file was deleted")
		}
	})
	t.Run("missing", func(t *testing.T) {
		_, err := File(context.Background(), filepath.Join(dir, "nope.gguf"), filepath.Join(dir, "x"), Options{Egress: testEgress})
		if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "nope.gguf") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("html file", func(t *testing.T) {
		page := filepath.Join(dir, "page.gguf")
		os.WriteFile(page, []byte("<!doctype html><p>moved</p>"), 0o644)
		if _, err := File(context.Background(), page, "", Options{Egress: testEgress}); !errors.Is(err, ErrHTML) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("copy across file systems", func(t *testing.T) {
		// copyFile is the fallback when os.Link fails; exercise it directly.
		dst := filepath.Join(t.TempDir(), "copy")
		rep := &reporter{}
		if err := copyFile(context.Background(), src, dst, rep); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(readFile(t, dst), data) {
			t.Fatal("copy differs")
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := copyFile(ctx, src, dst, rep); !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled copy: %v", err)
		}
	})
}

func TestRedactsPassword(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { http.NotFound(w, r) })
	url := strings.Replace(s.URL, "http://", "http://user:secret@", 1)
	_, err := File(context.Background(), url, filepath.Join(t.TempDir(), "x"), Options{Egress: testEgress})
	if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "user:xxxxx@") {
		t.Fatalf("err = %v", err)
	}
}

func TestParseContentRange(t *testing.T) {
	tests := []struct {
		in          string
		start, size int64
		ok          bool
	}{
		{"bytes 0-99/100", 0, 100, true},
		{"bytes 100-199/1000", 100, 1000, true},
		{"bytes 5-9/*", 5, -1, true},
		{"bytes */1000", -1, 1000, true},
		{"bytes 100-99/1000", 0, 0, false},
		{"bytes 0-1000/1000", 0, 0, false},
		{"bytes -5-9/10", 0, 0, false},
		{"items 0-9/10", 0, 0, false},
		{"bytes 0-9", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		start, size, ok := parseContentRange(tt.in)
		if ok != tt.ok || (ok && (start != tt.start || size != tt.size)) {
			t.Errorf("parseContentRange(%q) = %d, %d, %v", tt.in, start, size, ok)
		}
	}
}

func TestLooksHTML(t *testing.T) {
	for in, want := range map[string]bool{
		"<!DOCTYPE html><html>": true, "  \n<HTML lang=en>": true, "\xef\xbb\xbf<!doctype html>": true,
		"GGUF\x03": false, "": false, "<?xml": false, "{\"error\": 1}": false,
	} {
		if got := looksHTML([]byte(in)); got != want {
			t.Errorf("looksHTML(%q) = %v", in, got)
		}
	}
}

func FuzzParseContentRange(f *testing.F) {
	for _, s := range []string{"bytes 0-99/100", "bytes */5", "bytes 1-2/*", "bytes 9223372036854775807-9223372036854775807/*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		start, size, ok := parseContentRange(h)
		if !ok {
			return
		}
		if size < -1 || start < -1 || (size >= 0 && start >= size) {
			t.Fatalf("parseContentRange(%q) = %d, %d", h, start, size)
		}
	})
}

// BenchmarkFile measures a loopback download with SHA-256 verification.
func BenchmarkFile(b *testing.B) {
	data := payload(32 << 20)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { serve(w, r, data) }))
	defer s.Close()
	dir := b.TempDir()
	want := sum(data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		dst := filepath.Join(dir, strconv.Itoa(i))
		if _, err := File(context.Background(), s.URL, dst, Options{Egress: testEgress, SHA256: want, Magic: "GGUF"}); err != nil {
			b.Fatal(err)
		}
		os.Remove(dst)
	}
}

func TestFileURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://huggingface.co/datasets/alabulei/aelf-test/blob/main/aelf.snapshot":   "https://huggingface.co/datasets/alabulei/aelf-test/resolve/main/aelf.snapshot",
		"https://huggingface.co/gaianet/Llama-GGUF/blob/main/dir/m.gguf?download=true": "https://huggingface.co/gaianet/Llama-GGUF/resolve/main/dir/m.gguf?download=true",
		"https://huggingface.co/gaianet/Llama-GGUF/resolve/main/m.gguf":                "https://huggingface.co/gaianet/Llama-GGUF/resolve/main/m.gguf",
		"https://huggingface.co/datasets/gaianet/london/resolve/main/london.snapshot":  "https://huggingface.co/datasets/gaianet/london/resolve/main/london.snapshot",
		"https://huggingface.co/blob/blob/main":                                        "https://huggingface.co/blob/blob/main", // a repo named blob, no file path
		"https://example.com/owner/repo/blob/main/m.gguf":                              "https://example.com/owner/repo/blob/main/m.gguf",
		"https://huggingface.co/owner/blob/tree/main/x":                                "https://huggingface.co/owner/blob/tree/main/x",
		"http://127.0.0.1:8080/models/chat.gguf":                                       "http://127.0.0.1:8080/models/chat.gguf",
	} {
		if got := FileURL(in); got != want {
			t.Errorf("FileURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestVerifiesDigest checks the digests a download is verified against
// when the caller gives none (issue 13, item 16): a #sha256= fragment of
// the URL (how a config names it), and what a Hugging Face-style server
// announces: X-Linked-Etag on the redirect to its CDN, or an ETag beside
// X-Repo-Commit. A mismatch deletes the file and says where the expected
// digest came from; an opaque ETag (no X-Repo-Commit) is not taken as one.
func TestVerifiesDigest(t *testing.T) {
	data := payload(128 << 10)
	good, bad := sum(data), strings.Repeat("0", 64)
	quoted := func(h string) string { return `"` + h + `"` }
	tests := []struct {
		name     string
		fragment string
		headers  func(h http.Header, final bool)
		wantFrom string
		wantErr  string
	}{
		{name: "url fragment", fragment: "#sha256=" + strings.ToUpper(good), wantFrom: "url"},
		{name: "url fragment mismatch", fragment: "#sha256=" + bad, wantErr: "(from the URL's #sha256=)"},
		{name: "X-Linked-Etag on the redirect", headers: func(h http.Header, final bool) {
			if !final {
				h.Set("X-Linked-Etag", quoted(good))
				h.Set("ETag", `"not-the-file"`)
			}
		}, wantFrom: "X-Linked-Etag"},
		{name: "X-Linked-Etag mismatch", headers: func(h http.Header, final bool) {
			if !final {
				h.Set("X-Linked-Etag", quoted(bad))
			}
		}, wantErr: "(from the server's X-Linked-Etag header)"},
		{name: "Hugging Face ETag", headers: func(h http.Header, final bool) {
			if final {
				h.Set("X-Repo-Commit", "0123abcd")
				h.Set("ETag", quoted(good))
			}
		}, wantFrom: "ETag"},
		{name: "Hugging Face ETag mismatch", headers: func(h http.Header, final bool) {
			if final {
				h.Set("X-Repo-Commit", "0123abcd")
				h.Set("ETag", "W/"+quoted(bad))
			}
		}, wantErr: "(from the server's ETag header)"},
		{name: "opaque ETag ignored", headers: func(h http.Header, final bool) {
			if final {
				h.Set("ETag", quoted(bad))
			}
		}, wantFrom: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
				if r.URL.Path == "/org/repo/resolve/main/m.gguf" {
					if tc.headers != nil {
						tc.headers(w.Header(), false)
					}
					http.Redirect(w, r, "/cdn/blob", http.StatusFound)
					return
				}
				if tc.headers != nil {
					tc.headers(w.Header(), true)
				}
				serve(w, r, data)
			})
			dst := filepath.Join(t.TempDir(), "m.gguf")
			res, err := File(context.Background(), s.URL+"/org/repo/resolve/main/m.gguf"+tc.fragment, dst, fast(Options{Retries: -1}))
			if tc.wantErr != "" {
				if !errors.Is(err, ErrChecksum) || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "deleted the downloaded file") {
					t.Fatalf("err = %v, want a checksum error naming %q", err, tc.wantErr)
				}
				if exists(dst) || exists(dst+PartSuffix) {
					t.Fatal("a file failing its checksum was kept")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.SHA256From != tc.wantFrom || (tc.wantFrom != "" && res.SHA256 != good) {
				t.Fatalf("result %+v, want digest from %q", res, tc.wantFrom)
			}
		})
	}
	if _, err := File(context.Background(), "http://127.0.0.1:1/m.gguf#sha256=abc", filepath.Join(t.TempDir(), "m"), Options{}); err == nil || !strings.Contains(err.Error(), "64 hex digits") {
		t.Errorf("short #sha256=: %v", err)
	}
}

// TestRefusesPrivateByDefault checks that a download URL, as a config
// names it, cannot reach loopback or metadata addresses unless allowed,
// and is not retried when refused.
func TestRefusesPrivateByDefault(t *testing.T) {
	data := payload(1 << 10)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { serve(w, r, data) })
	for _, u := range []string{s.URL + "/m.gguf", "http://169.254.169.254/latest/m.gguf"} {
		// A retry would wait an hour and end with the context's error.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		_, err := File(ctx, u, filepath.Join(t.TempDir(), "m.gguf"), Options{RetryDelay: time.Hour})
		cancel()
		if !errors.Is(err, egress.ErrBlocked) {
			t.Errorf("%s: %v, want egress.ErrBlocked without retries", u, err)
		}
	}
	if got := s.requests(); len(got) != 0 {
		t.Errorf("the server was reached: %q", got)
	}
}

// TestMaxBytes bounds a download: an announced size over the limit is
// refused before the transfer, and an endless body of unknown length is
// cut at the limit; neither leaves a file behind.
func TestMaxBytes(t *testing.T) {
	data := payload(64 << 10)
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/endless" {
			w.Header().Set("Content-Type", "application/json")
			for i := 0; i < 1<<12; i++ { // 256 MiB unless cut
				if _, err := w.Write(data); err != nil {
					return
				}
			}
			return
		}
		serve(w, r, data)
	})
	for _, path := range []string{"/sized", "/endless"} {
		dst := filepath.Join(t.TempDir(), "config.json")
		_, err := File(context.Background(), s.URL+path, dst, fast(Options{MaxBytes: 1 << 10, Retries: -1}))
		if !errors.Is(err, ErrTooLarge) || exists(dst) || exists(dst+PartSuffix) {
			t.Errorf("%s: %v (file kept: %v)", path, err, exists(dst) || exists(dst+PartSuffix))
		}
	}
	if _, err := File(context.Background(), s.URL+"/sized", filepath.Join(t.TempDir(), "m"), fast(Options{MaxBytes: int64(len(data))})); err != nil {
		t.Errorf("a file of exactly MaxBytes: %v", err)
	}
}
