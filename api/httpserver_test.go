package api

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// startLimited serves h with lim on a loopback port and returns its address.
func startLimited(t *testing.T, lim ServerLimits, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := lim.NewServer(h, nil)
	go srv.Serve(lim.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// closedWithin reports whether the server closes c within d: a read
// returns EOF or a reset rather than timing out on our side.
func closedWithin(c net.Conn, d time.Duration) bool {
	c.SetReadDeadline(time.Now().Add(d))
	_, err := io.Copy(io.Discard, c)
	var ne net.Error
	return !(errors.As(err, &ne) && ne.Timeout())
}

// TestSlowClientsAreDropped connects real slow clients (issue 13, item 12:
// 100 idle keep-alive and 20 half-sent-body connections stayed open past
// 40 s): each kind is closed by the server shortly after its timeout.
func TestSlowClientsAreDropped(t *testing.T) {
	var bodyErrs atomic.Int32
	addr := startLimited(t, ServerLimits{ReadHeaderTimeout: 300 * time.Millisecond, BodyTimeout: 300 * time.Millisecond,
		IdleTimeout: 300 * time.Millisecond}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			bodyErrs.Add(1)
			return
		}
		io.WriteString(w, "ok")
	}))
	dial := func() net.Conn {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	const n = 10
	var idle, header, body []net.Conn
	for range n {
		c := dial() // idle keep-alive: one request answered, then silence
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("first request: %v", err)
		}
		io.Copy(io.Discard, resp.Body)
		idle = append(idle, c)

		c = dial() // half a header
		fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\n")
		header = append(header, c)

		c = dial() // a header announcing 1000 bytes, then 10 of them
		fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789")
		body = append(body, c)
	}
	for kind, conns := range map[string][]net.Conn{"idle keep-alive": idle, "half-sent header": header, "half-sent body": body} {
		for i, c := range conns {
			if !closedWithin(c, 5*time.Second) {
				t.Errorf("%s connection %d still open after 5 s", kind, i)
			}
		}
	}
	if got := bodyErrs.Load(); got != n {
		t.Errorf("%d handlers saw the stalled body fail, want %d", got, n)
	}
}

// TestStreamsOutliveWriteTimeout streams events for three times the write
// timeout: progress re-arms the deadline, so the stream is not cut. A
// client that stops reading is dropped.
func TestStreamsOutliveWriteTimeout(t *testing.T) {
	const wt = 300 * time.Millisecond
	stalled := make(chan error, 1)
	addr := startLimited(t, ServerLimits{WriteTimeout: wt}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		if r.URL.Path == "/late" {
			io.Copy(io.Discard, r.Body)
			time.Sleep(3 * wt)
			io.WriteString(w, "late answer")
			return
		}
		if r.URL.Path == "/flood" {
			chunk := make([]byte, 64<<10)
			for i := 0; i < 1<<14; i++ { // up to 1 GiB: far beyond socket buffers
				if _, err := w.Write(chunk); err != nil {
					stalled <- err
					return
				}
			}
			stalled <- nil
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		for i := range 9 {
			fmt.Fprintf(w, "data: %d\n\n", i)
			rc.Flush()
			time.Sleep(wt / 3)
		}
		io.WriteString(w, "data: [DONE]\n\n")
	}))
	// A reply that takes longer than the timeout to start (a queued
	// request, a long prompt) is not cut either: the deadline bounds a
	// blocked write, not the time before it.
	resp, err := http.Post("http://"+addr+"/late", "application/json", strings.NewReader(`{"messages":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || string(b) != "late answer" {
		t.Fatalf("late answer: %q, %v", b, err)
	}

	resp, err = http.Get("http://" + addr + "/stream")
	if err != nil {
		t.Fatal(err)
	}
	b, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || !strings.HasSuffix(string(b), "data: [DONE]\n\n") || strings.Count(string(b), "data:") != 10 {
		t.Fatalf("stream cut: %q, %v", b, err)
	}

	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET /flood HTTP/1.1\r\nHost: x\r\n\r\n") // and never read
	select {
	case err := <-stalled:
		if err == nil {
			t.Fatal("1 GiB written to a client that reads nothing")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("write to a stalled client not stopped after 20 s")
	}
}

// TestConnectionLimits checks the total and the per-address limits: a
// connection past them is closed at once, and a closed one frees its place.
func TestConnectionLimits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		exempt bool // loopback exempt from the per-address limit, as served
		fits   int
	}{
		{"per address", false, 2},
		{"total (loopback exempt per address)", true, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			lim := ServerLimits{MaxConnections: 3, MaxConnectionsPerIP: 2}.Listener(ln).(*limitListener)
			if !tc.exempt {
				lim.exempt = nil
			}
			defer lim.Close()
			accepted := make(chan net.Conn, 16)
			go func() {
				for {
					c, err := lim.Accept()
					if err != nil {
						return
					}
					accepted <- c
				}
			}()
			dial := func() net.Conn {
				c, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { c.Close() })
				return c
			}
			var server []net.Conn
			for range tc.fits {
				dial()
				server = append(server, <-accepted)
			}
			if !closedWithin(dial(), 5*time.Second) {
				t.Fatalf("connection %d past the limit stayed open", tc.fits+1)
			}
			server[0].Close() // frees a place
			c := dial()
			select {
			case s := <-accepted:
				s.Close()
			case <-time.After(5 * time.Second):
				t.Fatal("no place freed by a closed connection")
			}
			c.Close()
		})
	}
}
