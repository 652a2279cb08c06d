package download

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/egress"
)

const copyBufferSize = 256 << 10

// fetchHTTP downloads src; urlDigest is the digest its #sha256= fragment
// named, if any.
func fetchHTTP(ctx context.Context, src, dst string, opts *Options, urlDigest string) (Result, error) {
	name := redact(src)
	part := dst + PartSuffix
	client := opts.Client
	if client == nil {
		pol := opts.Egress
		if pol == nil {
			pol = egress.Public
		}
		client = pol.Client(egress.Options{})
	}
	from := ""
	switch {
	case opts.SHA256 != "":
		from = "options"
	case urlDigest != "":
		opts.SHA256, from = urlDigest, "url"
		opts.sha256Note = " (from the URL's #sha256=)"
	}
	var served serverDigest
	client = served.watch(client)
	rep := &reporter{fn: opts.Progress, every: orDefault(opts.ProgressInterval, 200*time.Millisecond)}
	rep.progress = Progress{Source: name, Total: -1}
	delay := orDefault(opts.RetryDelay, time.Second)

	var total, resumed int64
	for attempt := 0; ; attempt++ {
		var retry bool
		var err error
		total, resumed, retry, err = attemptHTTP(ctx, client, src, name, part, opts, rep, &served)
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return Result{}, fmt.Errorf("download: %s: %w (partial file kept in %s)", name, ctx.Err(), part)
		}
		if !retry || attempt >= opts.retries() {
			return Result{}, err
		}
		select {
		case <-ctx.Done():
			return Result{}, fmt.Errorf("download: %s: %w (partial file kept in %s)", name, ctx.Err(), part)
		case <-time.After(delay):
		}
		delay *= 2
	}

	if opts.SHA256 == "" && served.digest != "" {
		opts.SHA256, from = served.digest, served.header
		opts.sha256Note = " (from the server's " + served.header + " header)"
	}
	if opts.SHA256 == "" {
		from = ""
	}
	size, digest, err := checkFile(ctx, part, name, total, opts)
	if err != nil {
		if ctx.Err() != nil {
			return Result{}, fmt.Errorf("download: %s: %w", name, ctx.Err())
		}
		return Result{}, discard(part, err)
	}
	if err := finish(part, dst, name); err != nil {
		return Result{}, err
	}
	rep.progress.Done, rep.progress.Finished = size, true
	rep.report(true)
	return Result{Path: dst, Size: size, SHA256: digest, SHA256From: from, Resumed: resumed}, nil
}

// serverDigest records the SHA-256 a server announces for the file. Hugging
// Face answers a large (LFS) file's URL with a redirect to its CDN whose
// X-Linked-Etag header is the file's SHA-256, quoted; its own responses
// carry the SHA-256 as the ETag, recognised by the X-Repo-Commit header
// beside it (an ETag alone is opaque: other servers put other hashes in
// it).
type serverDigest struct {
	digest string
	header string
}

// watch returns a copy of c that records the digest from every response,
// redirects included.
func (d *serverDigest) watch(c *http.Client) *http.Client {
	w := *c
	next := c.CheckRedirect
	w.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.Response != nil {
			d.note(req.Response.Header)
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &w
}

// note takes the digest from h, if it names one.
func (d *serverDigest) note(h http.Header) {
	if v := etagDigest(h.Get("X-Linked-Etag")); v != "" {
		d.digest, d.header = v, "X-Linked-Etag"
		return
	}
	if d.digest != "" || h.Get("X-Repo-Commit") == "" {
		return
	}
	if v := etagDigest(h.Get("ETag")); v != "" {
		d.digest, d.header = v, "ETag"
	}
}

// etagDigest returns the SHA-256 an entity tag holds ("<64 hex>", quoted
// or not, weak or not), lower case, or "".
func etagDigest(tag string) string {
	tag = strings.Trim(strings.TrimPrefix(strings.TrimSpace(tag), "W/"), `"`)
	if !isSHA256(tag) {
		return ""
	}
	return strings.ToLower(tag)
}

// discard deletes a complete but rejected file and says so in the error.
func discard(path string, err error) error {
	if rerr := os.Remove(path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
		return fmt.Errorf("%w; could not delete %s: %v", err, path, rerr)
	}
	return fmt.Errorf("%w; deleted the downloaded file", err)
}

// attemptHTTP makes one request and appends what it gets to part. It
// returns the file's total size (-1 if unknown), how many bytes were already
// on disk when the request was made, and whether a failure is worth a retry.
func attemptHTTP(ctx context.Context, client *http.Client, src, name, part string, opts *Options, rep *reporter, served *serverDigest) (total, offset int64, retry bool, err error) {
	f, err := os.OpenFile(part, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return -1, 0, false, fmt.Errorf("download: %s: %w", name, err)
	}
	defer func() {
		st, serr := f.Stat()
		f.Close()
		if err != nil && serr == nil && st.Size() == 0 {
			os.Remove(part) // nothing worth resuming
		}
	}()
	if offset, err = f.Seek(0, io.SeekEnd); err != nil {
		return -1, 0, false, fmt.Errorf("download: %s: %w", name, err)
	}
	restart := func() error {
		offset = 0
		if err := f.Truncate(0); err != nil {
			return fmt.Errorf("download: %s: %w", name, err)
		}
		_, err := f.Seek(0, io.SeekStart)
		return err
	}

	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(actx, http.MethodGet, src, nil)
	if err != nil {
		return -1, offset, false, fmt.Errorf("download: %s: %w", name, err)
	}
	for k, vs := range opts.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	if offset > 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", offset))
	}
	resp, err := client.Do(req)
	if err != nil {
		return -1, offset, !errors.Is(err, egress.ErrBlocked), fmt.Errorf("download: %s: %w", name, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusPartialContent {
		served.note(resp.Header)
	}

	switch resp.StatusCode {
	case http.StatusOK:
		total = resp.ContentLength
		if offset > 0 { // the server ignored Range: start over
			if err := restart(); err != nil {
				return -1, 0, false, err
			}
		}
	case http.StatusPartialContent:
		start, size, ok := parseContentRange(resp.Header.Get("Content-Range"))
		if !ok || start != offset {
			if err := restart(); err != nil {
				return -1, 0, false, err
			}
			return -1, 0, true, fmt.Errorf("download: %s: asked for bytes from %d, got Content-Range %q; restarting from 0",
				name, offset, resp.Header.Get("Content-Range"))
		}
		total = size
	case http.StatusRequestedRangeNotSatisfiable:
		// Either the .part file is already whole, or it is longer than
		// the file now on the server.
		if _, size, ok := parseContentRange(resp.Header.Get("Content-Range")); ok && size == offset {
			return size, offset, false, nil
		}
		if err := restart(); err != nil {
			return -1, 0, false, err
		}
		return -1, 0, true, fmt.Errorf("download: %s: server cannot serve bytes from %d; restarting from 0", name, offset)
	default:
		retry := resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests
		return -1, offset, retry, fail(name, ErrHTTPStatus, ": %s", resp.Status)
	}
	if opts.MaxBytes > 0 && total > opts.MaxBytes {
		_ = restart() // nothing of it is worth resuming
		return total, 0, false, fail(name, ErrTooLarge, ": %d bytes, limit %d", total, opts.MaxBytes)
	}
	rep.progress.Total, rep.progress.Done, rep.progress.Resumed = total, offset, offset
	rep.report(true)

	body := bufio.NewReaderSize(resp.Body, copyBufferSize)
	if !opts.AllowHTML {
		if isHTMLType(resp.Header.Get("Content-Type")) {
			return total, offset, false, fail(name, ErrHTML, " (Content-Type %s)", resp.Header.Get("Content-Type"))
		}
		if offset == 0 {
			if head, _ := body.Peek(512); looksHTML(head) {
				return total, offset, false, fail(name, ErrHTML, "")
			}
		}
	}
	if offset == 0 && opts.Magic != "" {
		if head, _ := body.Peek(len(opts.Magic)); len(head) == len(opts.Magic) && !bytes.Equal(head, []byte(opts.Magic)) {
			return total, offset, false, fail(name, ErrMagic, ": want a file starting with %q, got %q", opts.Magic, head)
		}
	}

	stall := orDefault(opts.StallTimeout, 60*time.Second)
	timer := time.AfterFunc(stall, func() { cancel(ErrStalled) })
	defer timer.Stop()
	buf := make([]byte, copyBufferSize)
	var in io.Reader = &stallReader{r: body, timer: timer, d: stall}
	if opts.MaxBytes > 0 {
		in = io.LimitReader(in, opts.MaxBytes-offset+1)
	}
	n, err := io.CopyBuffer(&progressWriter{w: f, r: rep}, in, buf)
	got := offset + n
	if opts.MaxBytes > 0 && got > opts.MaxBytes {
		_ = restart()
		return total, 0, false, fail(name, ErrTooLarge, ": more than %d bytes", opts.MaxBytes)
	}
	if err != nil {
		if ctx.Err() != nil {
			return total, offset, false, ctx.Err()
		}
		if errors.Is(context.Cause(actx), ErrStalled) {
			return total, offset, true, fail(name, ErrStalled, ": no data for %v after %d bytes", stall, got)
		}
		var werr *writeError
		if errors.As(err, &werr) {
			return total, offset, false, fmt.Errorf("download: %s: writing %s: %w", name, part, werr.err)
		}
		return total, offset, true, fail(name, ErrTruncated, ": connection broke after %s: %v", ofTotal(got, total), err)
	}
	if total >= 0 && got != total {
		return total, offset, got < total, fail(name, ErrTruncated, ": got %s", ofTotal(got, total))
	}
	return total, offset, false, nil
}

func ofTotal(got, total int64) string {
	if total < 0 {
		return strconv.FormatInt(got, 10) + " bytes"
	}
	return fmt.Sprintf("%d of %d bytes", got, total)
}

func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// parseContentRange parses "bytes START-END/SIZE" or "bytes */SIZE"; size
// is -1 for "*". ok is false for anything else.
func parseContentRange(h string) (start, size int64, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(h), "bytes ")
	if !found {
		return 0, 0, false
	}
	rng, sz, found := strings.Cut(rest, "/")
	if !found {
		return 0, 0, false
	}
	size = -1
	if sz != "*" {
		n, err := strconv.ParseInt(sz, 10, 64)
		if err != nil || n < 0 {
			return 0, 0, false
		}
		size = n
	}
	if rng == "*" {
		return -1, size, true
	}
	a, b, found := strings.Cut(rng, "-")
	if !found {
		return 0, 0, false
	}
	start, err1 := strconv.ParseInt(a, 10, 64)
	end, err2 := strconv.ParseInt(b, 10, 64)
	if err1 != nil || err2 != nil || start < 0 || end < start || (size >= 0 && end >= size) {
		return 0, 0, false
	}
	return start, size, true
}

// stallReader re-arms timer on every successful read.
type stallReader struct {
	r     io.Reader
	timer *time.Timer
	d     time.Duration
}

func (s *stallReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if n > 0 {
		s.timer.Reset(s.d)
	}
	return n, err
}

// writeError marks a failure of the destination, not the network.
type writeError struct{ err error }

func (w *writeError) Error() string { return w.err.Error() }
func (w *writeError) Unwrap() error { return w.err }
