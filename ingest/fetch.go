package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/egress"
)

// Default limits for reading inputs.
const (
	DefaultFetchTimeout = 30 * time.Second
	DefaultMaxBytes     = 64 << 20
)

// ErrTooLarge marks an input larger than the configured byte limit.
var ErrTooLarge = errors.New("ingest: input too large")

// Fetcher downloads http(s) URLs for ingestion. The zero value is ready to
// use with the defaults; a Fetcher is safe for concurrent use if its Client
// is.
type Fetcher struct {
	// Egress decides which addresses fetches may reach; nil means
	// egress.Public (no loopback, private or metadata addresses, checked
	// at every connect, redirects included).
	Egress *egress.Policy
	// Client, when set, sends the requests instead of a client from
	// Egress; it must then do its own guarding (see package egress).
	Client *http.Client
	// Timeout bounds one fetch, body included; 0 means DefaultFetchTimeout.
	Timeout time.Duration
	// MaxBytes bounds the body size; 0 means DefaultMaxBytes.
	MaxBytes int64
	// UserAgent is sent when not empty.
	UserAgent string
}

// Fetched is a downloaded document.
type Fetched struct {
	// URL is the final URL, after redirects.
	URL string
	// ContentType is the response's Content-Type header.
	ContentType string
	// Format is the parser the content calls for.
	Format Format
	// Body is the raw content, at most MaxBytes long.
	Body []byte
}

// Fetch downloads rawURL, which must be an http or https URL, and picks its
// format from the Content-Type header, the URL's extension and the content
// itself (see DetectFormat). Non-2xx answers, bodies over MaxBytes and
// unsupported content types are errors, which name the URL.
func (f Fetcher) Fetch(ctx context.Context, rawURL string) (*Fetched, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("ingest: fetch: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("ingest: fetch %s: scheme %q is not http or https", rawURL, u.Scheme)
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	client := f.Client
	if client == nil {
		pol := f.Egress
		if pol == nil {
			pol = egress.Public
		}
		client = pol.Client(egress.Options{MaxBodyBytes: limit, HeaderTimeout: timeout})
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("ingest: fetch %s: %w", rawURL, err)
	}
	req.Header.Set("Accept", "text/html, text/markdown, text/plain, text/csv, application/pdf;q=0.9, */*;q=0.5")
	if f.UserAgent != "" {
		req.Header.Set("User-Agent", f.UserAgent)
	}
	resp, err := client.Do(req)
	if errors.Is(err, egress.ErrTooLarge) {
		return nil, fmt.Errorf("%w: fetch %s: more than %d bytes", ErrTooLarge, rawURL, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("ingest: fetch %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("ingest: fetch %s: status %s", rawURL, resp.Status)
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: fetch %s: %d bytes, limit %d", ErrTooLarge, rawURL, resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if errors.Is(err, egress.ErrTooLarge) {
		return nil, fmt.Errorf("%w: fetch %s: more than %d bytes", ErrTooLarge, rawURL, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("ingest: fetch %s: reading body: %w", rawURL, err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: fetch %s: more than %d bytes", ErrTooLarge, rawURL, limit)
	}
	final := rawURL
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	ct := resp.Header.Get("Content-Type")
	format, err := DetectFormat(pathOfURL(final), ct, body)
	if err != nil {
		return nil, fmt.Errorf("ingest: fetch %s: %w", rawURL, err)
	}
	return &Fetched{URL: final, ContentType: ct, Format: format, Body: body}, nil
}

func pathOfURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Path
	}
	return ""
}

// DetectFormat picks a parser for content named name (a file path or URL
// path) with an optional Content-Type. A specific content type wins
// (text/html, application/xhtml+xml, application/pdf, text/csv,
// text/markdown); for text/plain a .md or .csv extension refines it (raw
// file hosts serve Markdown as text/plain); with no content type, or a
// generic one, the extension decides, then the content is sniffed
// (http.DetectContentType). Errors wrap ErrUnsupported.
func DetectFormat(name, contentType string, body []byte) (Format, error) {
	mt := ""
	if contentType != "" {
		if m, _, err := mime.ParseMediaType(contentType); err == nil {
			mt = m
		}
	}
	byExt, extOK := FormatForPath(path.Base(name))
	switch mt {
	case "text/html", "application/xhtml+xml":
		return FormatHTML, nil
	case "application/pdf", "application/x-pdf":
		return FormatPDF, nil
	case "text/csv", "application/csv", "text/comma-separated-values":
		return FormatCSV, nil
	case "text/markdown", "text/x-markdown":
		return FormatMarkdown, nil
	case "text/plain":
		if extOK && (byExt == FormatMarkdown || byExt == FormatCSV || byExt == FormatText) {
			return byExt, nil
		}
		return FormatText, nil
	case "", "application/octet-stream", "binary/octet-stream", "application/unknown":
	default:
		return "", fmt.Errorf("%w: content type %q", ErrUnsupported, mt)
	}
	if extOK {
		return byExt, nil
	}
	sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(body))
	switch {
	case sniffed == "text/html":
		return FormatHTML, nil
	case sniffed == "application/pdf":
		return FormatPDF, nil
	case strings.HasPrefix(sniffed, "text/plain"):
		return FormatText, nil
	}
	return "", fmt.Errorf("%w: content looks like %q", ErrUnsupported, sniffed)
}
