package domain

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// metrics are the gateway's Prometheus series, per node where it matters,
// in a registry of their own.
type metrics struct {
	reg          *prometheus.Registry
	requests     *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	inflight     *prometheus.GaugeVec
	up           *prometheus.GaugeVec
	probeSeconds *prometheus.GaugeVec
	probeFails   *prometheus.CounterVec
	tokenCount   *prometheus.CounterVec
	canary       *prometheus.CounterVec
	replays      *prometheus.CounterVec
	retries      prometheus.Counter
	charged      prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "gaianet_domain_node_requests_total",
			Help: "Requests proxied to each node, by HTTP status (0: failed before or during the answer)."}, []string{"node", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "gaianet_domain_node_request_seconds",
			Help: "Time from the user's request to the end of the node's answer.", Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 14)}, []string{"node"}),
		inflight: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "gaianet_domain_node_outstanding",
			Help: "Requests in flight on each node."}, []string{"node"}),
		up: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "gaianet_domain_node_healthy",
			Help: "1 when the node is connected and in rotation."}, []string{"node"}),
		probeSeconds: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "gaianet_domain_node_probe_seconds",
			Help: "Duration of the node's last health probe."}, []string{"node"}),
		probeFails: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "gaianet_domain_node_probe_failures_total",
			Help: "Failed health probes per node."}, []string{"node"}),
		tokenCount: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "gaianet_domain_node_tokens_total",
			Help: "Tokens billed per node, by kind (input, output)."}, []string{"node", "kind"}),
		canary: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "gaianet_domain_node_canary_mismatches_total",
			Help: "Canary answers that differed from the majority of nodes on the same model."}, []string{"node"}),
		replays: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "gaianet_domain_replays_total",
			Help: "Replayed requests by outcome: agreed, skipped (no second node), or the verdict of the evidence recorded."}, []string{"outcome"}),
		retries: prometheus.NewCounter(prometheus.CounterOpts{Name: "gaianet_domain_retries_total",
			Help: "Requests retried on another node after a failure before the first byte."}),
		charged: prometheus.NewCounter(prometheus.CounterOpts{Name: "gaianet_domain_charged_micro_usd_total",
			Help: "Amount charged to users, in micro-dollars."}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.inflight, m.up, m.probeSeconds, m.probeFails, m.tokenCount, m.canary, m.replays, m.retries, m.charged)
	return m
}

func (m *metrics) handler() http.Handler { return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}) }

func (m *metrics) request(node string, code int, d time.Duration) {
	m.requests.WithLabelValues(node, strconv.Itoa(code)).Inc()
	if d > 0 {
		m.latency.WithLabelValues(node).Observe(d.Seconds())
	}
}

func (m *metrics) outstanding(node string, n int64) { m.inflight.WithLabelValues(node).Set(float64(n)) }

func (m *metrics) nodeUp(node string, up bool) {
	v := 0.0
	if up {
		v = 1
	}
	m.up.WithLabelValues(node).Set(v)
}

func (m *metrics) probe(node string, d time.Duration, err error) {
	m.probeSeconds.WithLabelValues(node).Set(d.Seconds())
	if err != nil {
		m.probeFails.WithLabelValues(node).Inc()
	}
}

func (m *metrics) tokens(node string, u ledger.Usage) {
	m.tokenCount.WithLabelValues(node, "input").Add(float64(u.InputTokens))
	m.tokenCount.WithLabelValues(node, "output").Add(float64(u.OutputTokens))
}

func (m *metrics) canaryMismatch(node string) { m.canary.WithLabelValues(node).Inc() }

func (m *metrics) replay(outcome string) { m.replays.WithLabelValues(outcome).Inc() }
