package tunnel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/coder/websocket"
	"github.com/hashicorp/yamux"

	"github.com/gaianet-go/gaianet/egress"
)

// Signer is the node's key: its address and EIP-191 signatures.
// identity.Identity is one.
type Signer interface {
	Address() string
	Sign(message []byte) ([]byte, error)
}

// RefusedError is the domain's answer when it refuses a node (bad
// signature, replay, not on the allow list, waiting for approval, too
// many join attempts...).
type RefusedError struct {
	Status  int
	Message string
	// RetryAfter is the wait the domain asked for (its Retry-After
	// header, at most maxRetryAfter); 0 when it asked for none.
	RetryAfter time.Duration
}

// maxRetryAfter caps the wait a domain's Retry-After can impose.
const maxRetryAfter = 10 * time.Minute

func (e *RefusedError) Error() string {
	return fmt.Sprintf("tunnel: the domain refused the node (HTTP %d): %s", e.Status, e.Message)
}

// Client keeps a node joined to a domain: it dials, serves the node's
// Handler on every stream the domain opens, and redials with exponential
// backoff (with jitter) when the tunnel breaks or the domain refuses. The
// backoff starts over only after a tunnel that stayed up for MaxBackoff:
// one the domain ends at once (a node it refuses after checking what it
// serves) is a failure like a refusal, so the node does not redial every
// MinBackoff and use up its address's join-challenge budget. A refusal
// with Retry-After (the domain's per-address rate limit) waits at least
// that long.
type Client struct {
	// URL is the domain's base URL, e.g. "https://example.domain" or
	// "http://127.0.0.1:9000".
	URL string
	// Key signs the join challenge.
	Key Signer
	// Handler serves the domain's requests (the node's API).
	Handler http.Handler
	// Wallet, when set, is where the node's earnings go: Key signs
	// WalletMessage over each join's challenge.
	Wallet string
	// Egress checks every connection the client dials (the project's one
	// guarded dialer, package egress); nil means egress.Public: public
	// addresses only, so a domain on a loopback or private address needs
	// an explicit allow-list entry.
	Egress *egress.Policy
	// Log receives connection events; nil discards them.
	Log *slog.Logger
	// MinBackoff and MaxBackoff bound the wait between attempts; 0 means
	// 500 ms and 30 s.
	MinBackoff, MaxBackoff time.Duration
	Config                 Config
	// OnState, when set, is called with "connected", "refused" or
	// "disconnected" and the error if any.
	OnState func(state string, err error)
}

// Run keeps the tunnel up until ctx ends, then returns ctx's error.
func (c *Client) Run(ctx context.Context) error {
	log := c.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	minB, maxB := c.MinBackoff, c.MaxBackoff
	if minB <= 0 {
		minB = 500 * time.Millisecond
	}
	if maxB <= 0 {
		maxB = 30 * time.Second
	}
	backoff := minB
	for {
		var up time.Time // when the tunnel came up; zero if it did not
		err := c.once(ctx, &up)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		state := "disconnected"
		var refused *RefusedError
		if errors.As(err, &refused) {
			state = "refused"
		}
		if c.OnState != nil {
			c.OnState(state, err)
		}
		if !up.IsZero() && time.Since(up) >= maxB {
			backoff = minB // it had been up for a while: start over
		}
		wait := backoff/2 + rand.N(backoff/2+1)
		if refused != nil && refused.RetryAfter > wait {
			wait = refused.RetryAfter
		}
		log.Warn("domain tunnel down; reconnecting", "domain", c.URL, "state", state, "err", err, "in", wait.Round(time.Millisecond))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		backoff = min(2*backoff, maxB)
	}
}

// Once joins the domain and serves its requests until the tunnel breaks or
// ctx ends.
func (c *Client) Once(ctx context.Context) error {
	var up time.Time
	return c.once(ctx, &up)
}

// once is Once, setting *up to the time the tunnel came up.
func (c *Client) once(ctx context.Context, up *time.Time) error {
	base, err := url.Parse(strings.TrimRight(c.URL, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return fmt.Errorf("tunnel: domain URL %q: want http(s)://host[:port]", c.URL)
	}
	pol := c.Egress
	if pol == nil {
		pol = egress.Public
	}
	// HTTP/1.1 only: the WebSocket upgrade needs it. No proxy: the tunnel
	// dials the domain itself, through the policy's checked dialer.
	hc := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		DialContext: pol.DialContext(10 * time.Second), TLSHandshakeTimeout: 10 * time.Second}}
	defer hc.CloseIdleConnections()
	ch, err := c.challenge(ctx, hc, base.String()+ChallengePath)
	if err != nil {
		return err
	}
	sig, err := c.Key.Sign(JoinMessage(ch, c.Key.Address()))
	if err != nil {
		return err
	}
	h := http.Header{}
	h.Set(HeaderNode, c.Key.Address())
	h.Set(HeaderNonce, ch.Nonce)
	h.Set(HeaderSignature, fmt.Sprintf("0x%x", sig))
	if c.Wallet != "" {
		wsig, err := c.Key.Sign(WalletMessage(ch, c.Key.Address(), c.Wallet))
		if err != nil {
			return err
		}
		h.Set(HeaderWallet, c.Wallet)
		h.Set(HeaderWalletSignature, fmt.Sprintf("0x%x", wsig))
	}
	ws, resp, err := websocket.Dial(ctx, base.String()+TunnelPath, &websocket.DialOptions{HTTPClient: hc, HTTPHeader: h})
	if err != nil {
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			return refusal(resp)
		}
		return fmt.Errorf("tunnel: dial %s: %w", base.Host, err)
	}
	// The connection outlives ctx only until Run's caller cancels it.
	sess, err := yamux.Server(netConn(ctx, ws), c.Config.yamux())
	if err != nil {
		ws.CloseNow()
		return fmt.Errorf("tunnel: %w", err)
	}
	*up = time.Now()
	if c.OnState != nil {
		c.OnState("connected", nil)
	}
	if c.Log != nil {
		c.Log.Info("joined domain", "domain", c.URL, "node", c.Key.Address())
	}
	srv := &http.Server{Handler: c.Handler, ReadHeaderTimeout: 30 * time.Second}
	stop := context.AfterFunc(ctx, func() { sess.Close() })
	defer stop()
	err = srv.Serve(sess)
	sess.Close()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("tunnel: session ended: %w", err)
}

func (c *Client) challenge(ctx context.Context, hc *http.Client, u string) (Challenge, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return Challenge{}, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return Challenge{}, fmt.Errorf("tunnel: challenge: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Challenge{}, refusal(resp)
	}
	var ch Challenge
	if err := json.NewDecoder(io.LimitReader(resp.Body, 4096)).Decode(&ch); err != nil || ch.Nonce == "" || ch.Domain == "" {
		return Challenge{}, fmt.Errorf("tunnel: challenge: malformed answer from %s", u)
	}
	return ch, nil
}

// refusal is the RefusedError of resp, a non-success answer.
func refusal(resp *http.Response) *RefusedError {
	e := &RefusedError{Status: resp.StatusCode, Message: errorMessage(resp)}
	if v := resp.Header.Get("Retry-After"); v != "" {
		if sec, err := strconv.Atoi(v); err == nil && sec > 0 {
			e.RetryAfter = time.Duration(min(sec, int(maxRetryAfter/time.Second))) * time.Second
		} else if at, err := http.ParseTime(v); err == nil {
			e.RetryAfter = min(max(time.Until(at), 0), maxRetryAfter)
		}
	}
	return e
}

// errorMessage extracts an OpenAI-shaped error message from resp, or its
// status text.
func errorMessage(resp *http.Response) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if json.Unmarshal(b, &e) == nil && e.Error.Message != "" {
		return e.Error.Message
	}
	return http.StatusText(resp.StatusCode)
}
