package tunnel

import (
	"context"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/coder/websocket"
	"github.com/hashicorp/yamux"
)

// Config tunes both ends of a tunnel. The zero value uses the defaults.
type Config struct {
	// KeepAlive is the interval of yamux pings; a session whose pings go
	// unanswered is closed. 0 means 10 s.
	KeepAlive time.Duration
}

func (c Config) yamux() *yamux.Config {
	y := yamux.DefaultConfig()
	y.KeepAliveInterval = c.KeepAlive
	if y.KeepAliveInterval <= 0 {
		y.KeepAliveInterval = 10 * time.Second
	}
	y.ConnectionWriteTimeout = 15 * time.Second
	y.StreamOpenTimeout = 15 * time.Second
	y.MaxStreamWindowSize = 1 << 20
	y.LogOutput = io.Discard
	return y
}

// Accept upgrades a node's verified tunnel request to a WebSocket and
// returns the domain's end: a yamux session whose Open gives a new stream
// to the node. The session ends when either side closes; it outlives the
// request, so the handler must not write to w afterwards.
func Accept(w http.ResponseWriter, r *http.Request, cfg Config) (*yamux.Session, error) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return nil, err
	}
	return yamux.Client(netConn(context.Background(), c), cfg.yamux())
}

// netConn is ws as the net.Conn a yamux session runs on. Its Close drops
// the connection at once (CloseNow) rather than run the WebSocket close
// handshake: yamux's Session.Close closes the session's shutdown channel,
// then closes the conn and waits for its receive loop before it ends the
// streams, and meanwhile every stream waiting in Read (each idle pooled
// HTTP connection) spins on that closed channel. Against a peer that does
// not answer the handshake (a node killed, a network gone) that lasted
// the handshake's 5 s timeout, at full CPU.
//
// This is a workaround for yamux, not a fix: v0.1.2 is the newest release
// on the module proxy (checked 2026-12-07), and its Stream.Read and
// Stream.write still wait on the shutdown channel with an empty case that
// loops back. Upstream knows it: hashicorp/yamux pull request #176
// ("stream: terminate Read/Write deterministically on session shutdown",
// open) returns ErrSessionShutdown there. Once a release carries it,
// closeNow can go (TestSessionCloseIsPrompt must still pass).
func netConn(ctx context.Context, ws *websocket.Conn) net.Conn {
	return closeNow{websocket.NetConn(ctx, ws, websocket.MessageBinary), ws}
}

type closeNow struct {
	net.Conn
	ws *websocket.Conn
}

func (c closeNow) Close() error {
	err := c.ws.CloseNow()
	c.Conn.Close() // its timers and contexts; the connection is closed already
	return err
}

// Dialer returns a DialContext for an http.Transport that reaches the node
// at the far end of sess: every connection is a new stream.
func Dialer(sess *yamux.Session) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		type result struct {
			c   net.Conn
			err error
		}
		done := make(chan result, 1)
		go func() {
			c, err := sess.Open()
			done <- result{c, err}
		}()
		select {
		case r := <-done:
			return r.c, r.err
		case <-ctx.Done():
			go func() {
				if r := <-done; r.c != nil {
					r.c.Close()
				}
			}()
			return nil, ctx.Err()
		}
	}
}
