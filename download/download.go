package download

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/egress"
)

// Sentinel errors; File's errors wrap one of these (or a context error).
var (
	// ErrHTTPStatus: the server answered with a status other than 200/206.
	ErrHTTPStatus = errors.New("download: unexpected HTTP status")
	// ErrHTML: an HTML page arrived where a binary file was expected.
	ErrHTML = errors.New("download: server returned an HTML page, not a model file")
	// ErrTruncated: the transfer ended before the announced size.
	ErrTruncated = errors.New("download: file is truncated")
	// ErrSize: the finished file's size differs from the announced size.
	ErrSize = errors.New("download: size mismatch")
	// ErrChecksum: the SHA-256 of the file differs from the expected one.
	ErrChecksum = errors.New("download: sha256 mismatch")
	// ErrMagic: the file does not start with the expected magic bytes.
	ErrMagic = errors.New("download: wrong file type")
	// ErrStalled: no byte arrived for Options.StallTimeout.
	ErrStalled = errors.New("download: transfer stalled")
	// ErrTooLarge: the file is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("download: file too large")
)

// sentinelError prints as "download: <source>: <sentinel text><detail>" and
// matches its sentinel under errors.Is.
type sentinelError struct {
	msg      string
	sentinel error
}

func (e *sentinelError) Error() string { return e.msg }
func (e *sentinelError) Unwrap() error { return e.sentinel }

// fail builds an error about source that wraps sentinel.
func fail(source string, sentinel error, format string, args ...any) error {
	text := strings.TrimPrefix(sentinel.Error(), "download: ")
	return &sentinelError{msg: "download: " + source + ": " + text + fmt.Sprintf(format, args...), sentinel: sentinel}
}

// PartSuffix is appended to dst for the file being written.
const PartSuffix = ".part"

// Progress is one progress report.
type Progress struct {
	// Source is the URL (password redacted) or local path being fetched.
	Source string
	// Done is how many bytes of the file are on disk, resumed ones included.
	Done int64
	// Total is the file's size, or -1 when the server does not say.
	Total int64
	// Resumed is how many bytes were already on disk when this transfer
	// started (0 for a fresh start).
	Resumed int64
	// Finished is true on the last report of a successful transfer.
	Finished bool
}

// Options tune File. The zero value is usable: no checks beyond size and
// HTML, three retries, no progress reports.
type Options struct {
	// Egress decides which addresses a download may reach; nil means
	// egress.Public: public hosts only, checked at every connect and
	// redirect, so a config's URL cannot point the node at its own machine
	// or network unless allow-listed.
	Egress *egress.Policy
	// Client, when set, performs the requests instead of a client from
	// Egress (it must do its own guarding). Neither has an overall
	// timeout: large files take long; cancel through ctx instead.
	Client *http.Client
	// Header is added to every request (e.g. Authorization).
	Header http.Header
	// SHA256 is the expected hex digest. Empty means the one a URL names
	// in a "#sha256=<hex>" fragment, else the one the server sends (see
	// the package comment), else no check. On a mismatch the downloaded
	// file is deleted.
	SHA256 string
	// Magic, if set, is the prefix the file must start with, e.g. "GGUF".
	Magic string
	// MaxBytes, when positive, bounds the file's size: a larger announced
	// size is refused before the transfer, and a body that runs past it is
	// cut and refused (ErrTooLarge, the partial file deleted).
	MaxBytes int64
	// AllowHTML accepts text/html responses and bodies that look like HTML
	// (for fetching web pages rather than model files).
	AllowHTML bool
	// Progress, if set, receives reports from the calling goroutine, at
	// most every ProgressInterval and once more at the end.
	Progress func(Progress)
	// ProgressInterval is the minimum time between reports; 0 means 200ms.
	ProgressInterval time.Duration
	// Retries is how many more attempts follow a transfer that broke (a
	// dropped connection, a 5xx, a stall); each resumes from the .part
	// file. 0 means 3; negative means none.
	Retries int
	// RetryDelay is the pause before the first retry, doubled each time;
	// 0 means 1s.
	RetryDelay time.Duration
	// StallTimeout aborts an attempt when no byte arrives for this long;
	// 0 means 60s.
	StallTimeout time.Duration

	// sha256Note says, in a mismatch message, where the digest came from.
	sha256Note string
}

func (o *Options) retries() int {
	switch {
	case o.Retries < 0:
		return 0
	case o.Retries == 0:
		return 3
	}
	return o.Retries
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Result describes a finished download.
type Result struct {
	// Path is where the file is: dst, or src when a local file was used
	// in place.
	Path string
	// Size is the file's size in bytes.
	Size int64
	// SHA256 is the file's hex digest when it was checked, else "".
	SHA256 string
	// SHA256From says where the expected digest came from: "options", "url"
	// (a #sha256= fragment), "X-Linked-Etag" or "ETag" (the server), or ""
	// when the file was not checked.
	SHA256From string
	// Resumed is how many bytes came from an earlier, interrupted transfer.
	Resumed int64
	// Local reports that src was a local path.
	Local bool
}

// File fetches src to dst. src is an http(s) URL or a local path (see the
// package comment). It blocks until the file is complete and checked, ctx
// is done, or an error that a retry cannot fix occurs. On cancellation the
// .part file is kept for a later resume and the error wraps ctx.Err().
// File is safe to call concurrently for different dst paths, not for the
// same one.
func File(ctx context.Context, src, dst string, opts Options) (Result, error) {
	if IsURL(src) {
		src, want, err := splitDigest(src)
		if err != nil {
			return Result{}, err
		}
		if want != "" && opts.SHA256 != "" && !strings.EqualFold(want, strings.TrimSpace(opts.SHA256)) {
			return Result{}, fmt.Errorf("download: %s: the URL's sha256 %s differs from the expected %s", redact(src), want, opts.SHA256)
		}
		return fetchHTTP(ctx, FileURL(src), dst, &opts, want)
	}
	return fetchLocal(ctx, strings.TrimPrefix(src, "file://"), dst, &opts)
}

// splitDigest removes a "#sha256=<64 hex digits>" fragment from a URL and
// returns the digest (lower case), or "" when the URL has no such
// fragment. Another fragment is left alone (it is never sent); a sha256
// fragment that is not 64 hex digits is an error.
func splitDigest(raw string) (string, string, error) {
	base, frag, found := strings.Cut(raw, "#")
	if !found {
		return raw, "", nil
	}
	v, ok := strings.CutPrefix(frag, "sha256=")
	if !ok {
		return raw, "", nil
	}
	if !isSHA256(v) {
		return "", "", fmt.Errorf("download: %s: #sha256= must be followed by 64 hex digits, got %q", redact(base), v)
	}
	return base, strings.ToLower(v), nil
}

// isSHA256 reports whether s is 64 hex digits.
func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// FileURL returns the address of the file itself for a Hugging Face page
// address: "https://huggingface.co/<repo>/blob/<rev>/<path>" is the page
// that shows a file, "/resolve/" the file (some GaiaNet presets name the
// page). Any other address is returned as it is.
func FileURL(src string) string {
	u, err := url.Parse(src)
	if err != nil || !strings.EqualFold(u.Hostname(), "huggingface.co") {
		return src
	}
	parts := strings.Split(u.Path, "/")
	// /<owner>/<name>/blob/<rev>/<path...> or /datasets|spaces/<owner>/<name>/blob/...
	i := 3
	if len(parts) > 1 && (parts[1] == "datasets" || parts[1] == "spaces") {
		i = 4
	}
	if len(parts) > i+2 && parts[i] == "blob" {
		parts[i] = "resolve"
		u.Path = strings.Join(parts, "/")
		u.RawPath = ""
		return u.String()
	}
	return src
}

// IsURL reports whether src is fetched over HTTP (http:// or https://).
func IsURL(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// redact hides a password in a URL for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Redacted()
}

// reporter throttles progress reports.
type reporter struct {
	fn       func(Progress)
	every    time.Duration
	last     time.Time
	progress Progress
}

func (r *reporter) report(force bool) {
	if r.fn == nil {
		return
	}
	now := time.Now()
	if !force && now.Sub(r.last) < r.every {
		return
	}
	r.last = now
	r.fn(r.progress)
}

// progressWriter counts bytes written through it and reports progress.
type progressWriter struct {
	w io.Writer
	r *reporter
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.r.progress.Done += int64(n)
	p.r.report(false)
	if err != nil {
		return n, &writeError{err}
	}
	return n, nil
}

// looksHTML reports whether head, the first bytes of a body, is an HTML
// document.
func looksHTML(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	l := bytes.ToLower(head[:min(len(head), 16)])
	return bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html")) ||
		bytes.HasPrefix(l, []byte("<!doctype")) || bytes.HasPrefix(l, []byte("<head"))
}

// checkFile verifies a complete file: HTML sniff, magic, size and SHA-256.
// It returns the digest when one was requested. name is used in messages.
func checkFile(ctx context.Context, path, name string, wantSize int64, opts *Options) (size int64, digest string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", fmt.Errorf("download: %s: %w", name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, "", fmt.Errorf("download: %s: %w", name, err)
	}
	size = st.Size()
	if wantSize >= 0 && size != wantSize {
		return size, "", fail(name, ErrSize, ": %d bytes on disk, %d announced", size, wantSize)
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return size, "", fmt.Errorf("download: %s: %w", name, err)
	}
	head = head[:n]
	if !opts.AllowHTML && looksHTML(head) {
		return size, "", fail(name, ErrHTML, "")
	}
	if opts.Magic != "" && !bytes.HasPrefix(head, []byte(opts.Magic)) {
		return size, "", fail(name, ErrMagic, ": want a file starting with %q, got %q", opts.Magic, head[:min(len(head), len(opts.Magic))])
	}
	if opts.SHA256 == "" {
		return size, "", nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return size, "", fmt.Errorf("download: %s: %w", name, err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, ctxReader{ctx, f}); err != nil {
		return size, "", fmt.Errorf("download: %s: hashing: %w", name, err)
	}
	digest = hex.EncodeToString(h.Sum(nil))
	if !strings.EqualFold(digest, strings.TrimSpace(opts.SHA256)) {
		return size, digest, fail(name, ErrChecksum, ": got %s, want %s%s", digest, opts.SHA256, opts.sha256Note)
	}
	return size, digest, nil
}

// ctxReader stops a long read (hashing, copying) when ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// finish fsyncs part, renames it to dst and syncs the directory.
func finish(part, dst, name string) error {
	f, err := os.Open(part) // fsync works on a read-only descriptor
	if err != nil {
		return fmt.Errorf("download: %s: %w", name, err)
	}
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(serr, cerr); err != nil {
		return fmt.Errorf("download: %s: %w", name, err)
	}
	if err := os.Rename(part, dst); err != nil {
		return fmt.Errorf("download: %s: %w", name, err)
	}
	return nil
}
