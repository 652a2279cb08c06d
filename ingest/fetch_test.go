package ingest

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/egress"
)

func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	pdfData, err := os.ReadFile("testdata/sample.pdf")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	serve := func(path, ctype string, body []byte) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if ctype != "" {
				w.Header().Set("Content-Type", ctype)
			} else {
				w.Header()["Content-Type"] = nil // suppress sniffing by net/http
			}
			w.Write(body)
		})
	}
	serve("/page", "text/html; charset=utf-8", []byte("<h1>T</h1><p>Hello page</p>"))
	serve("/doc.pdf", "application/pdf", pdfData)
	serve("/raw/readme.md", "text/plain; charset=utf-8", []byte("# R\nraw markdown"))
	serve("/data", "text/csv", []byte("a,b\n"))
	serve("/notes.txt", "", []byte("plain notes"))
	serve("/blob", "application/octet-stream", pdfData)
	serve("/sniff", "", []byte("<!DOCTYPE html><p>sniffed html</p>"))
	serve("/image.png", "image/png", []byte("\x89PNG\r\n\x1a\n"))
	serve("/big", "text/plain", []byte(strings.Repeat("x", 2000)))
	serve("/latin1.txt", "text/plain; charset=iso-8859-1", []byte("caf\xe9"))
	mux.HandleFunc("/bigstream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 4 {
			w.Write([]byte(strings.Repeat("y", 500)))
			w.(http.Flusher).Flush() // chunked: no Content-Length to check
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/raw/readme.md", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	srv := newTestServer(t)
	f := Fetcher{Egress: loopback(t), MaxBytes: 1500, Timeout: 2 * time.Second, UserAgent: "gaianet-test"}
	tests := []struct {
		path    string
		format  Format
		wantErr string
	}{
		{"/page", FormatHTML, ""},
		{"/doc.pdf", FormatPDF, ""},
		{"/raw/readme.md", FormatMarkdown, ""},
		{"/data", FormatCSV, ""},
		{"/notes.txt", FormatText, ""},
		{"/blob", FormatPDF, ""},
		{"/sniff", FormatHTML, ""},
		{"/redirect", FormatMarkdown, ""},
		{"/image.png", "", "unsupported format"},
		{"/big", "", "too large"},
		{"/bigstream", "", "more than 1500 bytes"},
		{"/missing", "", "404"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, err := f.Fetch(context.Background(), srv.URL+tt.path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), tt.path) {
					t.Fatalf("Fetch error = %v, want one containing %q and the URL", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Format != tt.format || len(got.Body) == 0 {
				t.Errorf("Fetch = format %q, %d bytes; want %q", got.Format, len(got.Body), tt.format)
			}
		})
	}
	t.Run("redirect final url", func(t *testing.T) {
		got, err := f.Fetch(context.Background(), srv.URL+"/redirect")
		if err != nil || got.URL != srv.URL+"/raw/readme.md" {
			t.Fatalf("Fetch = %+v, %v", got, err)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		short := f
		short.Timeout = 100 * time.Millisecond
		start := time.Now()
		_, err := short.Fetch(context.Background(), srv.URL+"/slow")
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 3*time.Second {
			t.Fatalf("Fetch(/slow) = %v after %v", err, time.Since(start))
		}
	})
	t.Run("caller cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := f.Fetch(ctx, srv.URL+"/page"); !errors.Is(err, context.Canceled) {
			t.Fatalf("Fetch with canceled ctx = %v", err)
		}
	})
	t.Run("bad scheme", func(t *testing.T) {
		if _, err := f.Fetch(context.Background(), "file:///etc/passwd"); err == nil {
			t.Fatal("file URL fetched")
		}
	})
	t.Run("too large by header", func(t *testing.T) {
		if _, err := f.Fetch(context.Background(), srv.URL+"/big"); !errors.Is(err, ErrTooLarge) {
			t.Fatalf("error = %v, want ErrTooLarge", err)
		}
	})
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, ctype string
		body        string
		want        Format
		ok          bool
	}{
		{"x.md", "", "", FormatMarkdown, true},
		{"x.MARKDOWN", "", "", FormatMarkdown, true},
		{"x.htm", "", "", FormatHTML, true},
		{"x.text", "", "", FormatText, true},
		{"dir/x.csv", "text/plain", "", FormatCSV, true},
		{"x.pdf", "text/html", "", FormatHTML, true},
		{"x", "application/xhtml+xml", "", FormatHTML, true},
		{"x", "text/x-markdown", "", FormatMarkdown, true},
		{"x", "", "%PDF-1.4 ...", FormatPDF, true},
		{"x", "", "just words", FormatText, true},
		{"x", "", "<html><body>", FormatHTML, true},
		{"x", "", "\x00\x01\x02binary", "", false},
		{"x.json", "application/json", "{}", "", false},
		{"x.docx", "", "PK\x03\x04", "", false},
		{"x", "bad/;;", "hi", FormatText, true},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.ctype, func(t *testing.T) {
			got, err := DetectFormat(tt.name, tt.ctype, []byte(tt.body))
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("DetectFormat = %q, %v; want %q, ok=%v", got, err, tt.want, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrUnsupported) {
				t.Errorf("error %v does not wrap ErrUnsupported", err)
			}
		})
	}
}

// loopback is an egress policy allowing 127.0.0.1, where test servers
// listen.
func loopback(t *testing.T) *egress.Policy {
	t.Helper()
	p, err := egress.NewPolicy("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFetchRefusesPrivate checks that URL ingestion cannot reach the
// node's own machine or network (issue 13, item 13: a redirect to another
// loopback port was followed and its text stored).
func TestFetchRefusesPrivate(t *testing.T) {
	srv := newTestServer(t)
	other := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("internal secret"))
	}))
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatal(err)
	}
	other.Listener = ln
	other.Start()
	t.Cleanup(other.Close)
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/x", http.StatusFound)
	}))
	t.Cleanup(redirect.Close)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))

	var zero Fetcher
	for _, u := range []string{srv.URL + "/page", "http://localhost:" + port + "/page", "http://[::1]:" + port + "/page",
		"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", redirect.URL} {
		if got, err := zero.Fetch(context.Background(), u); !errors.Is(err, egress.ErrBlocked) {
			t.Errorf("Fetch(%s) = %v, %v; want egress.ErrBlocked", u, got, err)
		}
	}
	// Allowing the first server does not allow where it redirects.
	allowed := Fetcher{Egress: loopback(t)}
	if got, err := allowed.Fetch(context.Background(), redirect.URL); !errors.Is(err, egress.ErrBlocked) {
		t.Errorf("redirect to 127.0.0.2 = %v, %v; want egress.ErrBlocked", got, err)
	}
	if got, err := allowed.Fetch(context.Background(), srv.URL+"/page"); err != nil || !strings.Contains(string(got.Body), "Hello page") {
		t.Errorf("allow-listed fetch = %v, %v", got, err)
	}
}
