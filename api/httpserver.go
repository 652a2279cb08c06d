package api

import (
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// Defaults of ServerLimits.
const (
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultBodyTimeout       = 30 * time.Second
	DefaultWriteTimeout      = 60 * time.Second
	DefaultIdleTimeout       = 30 * time.Second
	DefaultMaxConnections    = 1024
	DefaultMaxConnectionsPer = 64
	deadlineRefreshInterval  = time.Second
	defaultMaxHeaderBytes    = 1 << 20
)

// ServerLimits bound what a client connection may hold of a node: time to
// send a request's header, stalls while sending its body or reading the
// response, idle keep-alive time, and connections. The zero value means
// the defaults.
//
// The body and write timeouts are stall timeouts, re-armed by progress:
// an upload or a streamed reply may take as long as it needs while bytes
// move, so server-sent events are never cut by a fixed deadline, but a
// client that stops sending or stops reading is dropped after the timeout.
type ServerLimits struct {
	// ReadHeaderTimeout bounds the time to send a request's header
	// (slowloris); 0 means DefaultReadHeaderTimeout.
	ReadHeaderTimeout time.Duration
	// BodyTimeout bounds a pause while a request body is read; 0 means
	// DefaultBodyTimeout.
	BodyTimeout time.Duration
	// WriteTimeout bounds a pause while a response is written (a client
	// that does not read); 0 means DefaultWriteTimeout.
	WriteTimeout time.Duration
	// IdleTimeout closes keep-alive connections idle this long; 0 means
	// DefaultIdleTimeout.
	IdleTimeout time.Duration
	// MaxConnections bounds the open connections; 0 means
	// DefaultMaxConnections. Connections past it are closed at once.
	MaxConnections int
	// MaxConnectionsPerIP bounds the open connections from one address;
	// 0 means DefaultMaxConnectionsPer. Loopback clients are exempt: they
	// are the node's owner or a reverse proxy in front of it.
	MaxConnectionsPerIP int
}

func (l ServerLimits) withDefaults() ServerLimits {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&l.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	def(&l.BodyTimeout, DefaultBodyTimeout)
	def(&l.WriteTimeout, DefaultWriteTimeout)
	def(&l.IdleTimeout, DefaultIdleTimeout)
	if l.MaxConnections <= 0 {
		l.MaxConnections = DefaultMaxConnections
	}
	if l.MaxConnectionsPerIP <= 0 {
		l.MaxConnectionsPerIP = DefaultMaxConnectionsPer
	}
	return l
}

// NewServer returns an http.Server serving h under l. Serve it on
// l.Listener(ln) for the connection limits.
func (l ServerLimits) NewServer(h http.Handler, errorLog *log.Logger) *http.Server {
	l = l.withDefaults()
	return &http.Server{
		Handler:           l.Handler(h),
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		IdleTimeout:       l.IdleTimeout,
		MaxHeaderBytes:    defaultMaxHeaderBytes,
		ErrorLog:          errorLog,
		// ReadTimeout and WriteTimeout stay 0: fixed deadlines would cut
		// long uploads and streams; Handler sets stall deadlines instead.
	}
}

// Handler wraps h with the body and write stall deadlines.
func (l ServerLimits) Handler(h http.Handler) http.Handler {
	l = l.withDefaults()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		now := time.Now()
		// A request without a body is fully read: the server then watches
		// the connection for the client going away, and a read deadline
		// would make it cancel the request.
		if r.Body != nil && r.Body != http.NoBody && r.ContentLength != 0 {
			if rc.SetReadDeadline(now.Add(l.BodyTimeout)) == nil {
				r.Body = &stallBody{rc: r.Body, ctl: rc, d: l.BodyTimeout, armed: now}
			}
		}
		if rc.SetWriteDeadline(now.Add(l.WriteTimeout)) == nil {
			w = &stallWriter{ResponseWriter: w, ctl: rc, d: l.WriteTimeout, armed: now}
		}
		h.ServeHTTP(w, r)
	})
}

// stallBody re-arms the connection's read deadline as the body arrives and
// clears it at the end of the body.
type stallBody struct {
	rc    io.ReadCloser
	ctl   *http.ResponseController
	d     time.Duration
	armed time.Time
	done  bool
}

func (b *stallBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	switch {
	case b.done:
	case err == io.EOF:
		// The body is finished: from here the server reads the
		// connection only to notice a client that went away. (After any
		// other error the deadline stays, so the server gives up on the
		// rest of the body too.)
		b.done = true
		b.ctl.SetReadDeadline(time.Time{})
	case n > 0:
		if now := time.Now(); now.Sub(b.armed) >= refreshEvery(b.d) {
			b.armed = now
			b.ctl.SetReadDeadline(now.Add(b.d))
		}
	}
	return n, err
}

func (b *stallBody) Close() error { return b.rc.Close() }

// refreshEvery is how often a stall deadline of d is pushed back while
// bytes move: at most once a second, and often enough that progress always
// re-arms it in time.
func refreshEvery(d time.Duration) time.Duration { return min(deadlineRefreshInterval, d/4) }

// stallWriter re-arms the connection's write deadline as the response is
// written (see refreshEvery).
type stallWriter struct {
	http.ResponseWriter
	ctl   *http.ResponseController
	d     time.Duration
	armed time.Time
}

func (w *stallWriter) rearm() {
	if now := time.Now(); now.Sub(w.armed) >= refreshEvery(w.d) {
		w.armed = now
		w.ctl.SetWriteDeadline(now.Add(w.d))
	}
}

func (w *stallWriter) Write(p []byte) (int, error) {
	w.rearm()
	return w.ResponseWriter.Write(p)
}

// Flush lets handlers stream through the wrapper.
func (w *stallWriter) Flush() {
	w.rearm()
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *stallWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Listener returns ln with l's connection limits.
func (l ServerLimits) Listener(ln net.Listener) net.Listener {
	l = l.withDefaults()
	return &limitListener{Listener: ln, max: l.MaxConnections, perIP: l.MaxConnectionsPerIP,
		exempt: func(ip net.IP) bool { return ip.IsLoopback() }, byIP: map[string]int{}}
}

// limitListener closes connections past its limits as they are accepted.
// mu guards open and byIP.
type limitListener struct {
	net.Listener
	max, perIP int
	exempt     func(net.IP) bool // addresses without a per-address limit
	mu         sync.Mutex
	open       int
	byIP       map[string]int
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := remoteIP(c)
		if l.admit(ip) {
			return &limitedConn{Conn: c, l: l, ip: ip}, nil
		}
		c.Close()
	}
}

func (l *limitListener) admit(ip net.IP) bool {
	key := ip.String()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open >= l.max {
		return false
	}
	limited := ip != nil && (l.exempt == nil || !l.exempt(ip))
	if limited && l.byIP[key] >= l.perIP {
		return false
	}
	l.open++
	l.byIP[key]++
	return true
}

func (l *limitListener) release(ip net.IP) {
	key := ip.String()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.open--
	if l.byIP[key]--; l.byIP[key] <= 0 {
		delete(l.byIP, key)
	}
}

func remoteIP(c net.Conn) net.IP {
	if a, ok := c.RemoteAddr().(*net.TCPAddr); ok {
		return a.IP
	}
	return nil
}

// limitedConn gives its place back once, when closed.
type limitedConn struct {
	net.Conn
	l    *limitListener
	ip   net.IP
	once sync.Once
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.l.release(c.ip) })
	return err
}
