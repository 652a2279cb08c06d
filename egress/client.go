package egress

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// ErrTooLarge marks a response body longer than Options.MaxBodyBytes.
var ErrTooLarge = errors.New("egress: response body too large")

// Defaults of Options.
const (
	DefaultMaxRedirects   = 5
	DefaultConnectTimeout = 30 * time.Second
	DefaultHeaderTimeout  = 60 * time.Second
)

// Options tune Client. The zero value is usable.
type Options struct {
	// MaxRedirects is how many redirects are followed; 0 means
	// DefaultMaxRedirects, negative means none.
	MaxRedirects int
	// ConnectTimeout bounds a TCP connect and TLS handshake; 0 means
	// DefaultConnectTimeout.
	ConnectTimeout time.Duration
	// HeaderTimeout bounds the wait for a response's header once the
	// request is sent; 0 means DefaultHeaderTimeout. Bodies are bounded by
	// the request's context, so long downloads are not cut.
	HeaderTimeout time.Duration
	// MaxBodyBytes, when positive, makes reading a response body past that
	// many bytes fail with ErrTooLarge (after any transparent gzip
	// decoding, so a compressed bomb stops there too).
	MaxBodyBytes int64
	// RootCAs, when set, replaces the system's certificate authorities
	// for TLS (tests with a local TLS server; a private CA).
	RootCAs *x509.CertPool
}

// Client returns an HTTP client whose connections are checked by p (see
// the package comment). Each call makes a new transport; share the client.
func (p *Policy) Client(o Options) *http.Client {
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = DefaultHeaderTimeout
	}
	maxRedirects := o.MaxRedirects
	switch {
	case maxRedirects == 0:
		maxRedirects = DefaultMaxRedirects
	case maxRedirects < 0:
		maxRedirects = 0
	}
	tr := &http.Transport{
		// No proxy from the environment unless the policy names one
		// (WithProxy): a proxy is dialed instead of the target.
		Proxy:                  nil,
		DialContext:            p.DialContext(o.ConnectTimeout),
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           16,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    o.ConnectTimeout,
		ResponseHeaderTimeout:  o.HeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	if o.RootCAs != nil {
		tr.TLSClientConfig = &tls.Config{RootCAs: o.RootCAs, MinVersion: tls.VersionTLS12}
	}
	if p.proxy != nil {
		tr.Proxy = p.proxyFor
	}
	var rt http.RoundTripper = tr
	if o.MaxBodyBytes > 0 {
		rt = &limitTransport{rt: tr, max: o.MaxBodyBytes}
	}
	return &http.Client{
		Transport: rt,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("egress: more than %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("egress: redirect to a %q URL", req.URL.Scheme)
			}
			return nil
		},
	}
}

// limitTransport bounds every response body it returns.
type limitTransport struct {
	rt  http.RoundTripper
	max int64
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > t.max {
		resp.Body.Close()
		return nil, fmt.Errorf("%w: %s announces %d bytes, limit %d", ErrTooLarge, req.URL.Redacted(), resp.ContentLength, t.max)
	}
	resp.Body = &limitedBody{rc: resp.Body, left: t.max, max: t.max}
	return resp, nil
}

// limitedBody fails a read past max bytes instead of truncating silently.
type limitedBody struct {
	rc   io.ReadCloser
	left int64
	max  int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more tells a body of exactly max bytes from a longer one.
		var one [1]byte
		n, err := b.rc.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, b.max)
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
