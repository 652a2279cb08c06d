package api

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics holds the server's Prometheus collectors in a registry of its own
// (never the global default), so several servers can live in one process.
// Its methods are safe for concurrent use.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	duration   *prometheus.HistogramVec
	tokensIn   *prometheus.CounterVec
	tokensOut  *prometheus.CounterVec
	ttft       *prometheus.HistogramVec
	tokenRate  *prometheus.HistogramVec
	inFlight   prometheus.Gauge
	queueDepth prometheus.GaugeFunc
	slots      prometheus.GaugeFunc
}

// Gauges reports live values the scheduler owns; either may be nil.
type Gauges struct {
	QueueDepth  func() int // requests waiting for a slot
	ActiveSlots func() int // sequences being generated
}

func newMetrics(g Gauges) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gaianet_http_requests_total", Help: "HTTP requests by route and status code.",
	}, []string{"route", "code"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "gaianet_http_request_duration_seconds", Help: "Time to serve a request, to the last byte.",
		Buckets: prometheus.ExponentialBuckets(0.001, 4, 10),
	}, []string{"route"})
	m.tokensIn = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gaianet_prompt_tokens_total", Help: "Prompt tokens processed.",
	}, []string{"model"})
	m.tokensOut = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "gaianet_completion_tokens_total", Help: "Completion tokens generated.",
	}, []string{"model"})
	m.ttft = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "gaianet_time_to_first_token_seconds", Help: "Time from request to the first generated token.",
		Buckets: prometheus.ExponentialBuckets(0.005, 2, 14),
	}, []string{"model"})
	m.tokenRate = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "gaianet_generation_tokens_per_second", Help: "Decode speed of each completed generation.",
		Buckets: prometheus.ExponentialBuckets(1, 2, 10),
	}, []string{"model"})
	m.inFlight = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "gaianet_http_requests_in_flight", Help: "Requests being served.",
	})
	queue, slots := g.QueueDepth, g.ActiveSlots
	if queue == nil {
		queue = func() int { return 0 }
	}
	if slots == nil {
		slots = func() int { return 0 }
	}
	m.queueDepth = prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "gaianet_queue_depth", Help: "Requests waiting for a generation slot.",
	}, func() float64 { return float64(queue()) })
	m.slots = prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "gaianet_active_slots", Help: "Generation slots in use.",
	}, func() float64 { return float64(slots()) })
	m.reg.MustRegister(m.requests, m.duration, m.tokensIn, m.tokensOut, m.ttft, m.tokenRate,
		m.inFlight, m.queueDepth, m.slots,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// ObserveGeneration records one finished generation's token counts, time to
// first token and decode speed.
func (m *Metrics) ObserveGeneration(model string, promptTokens, completionTokens int, ttft, decode time.Duration) {
	m.tokensIn.WithLabelValues(model).Add(float64(promptTokens))
	m.tokensOut.WithLabelValues(model).Add(float64(completionTokens))
	if completionTokens > 0 {
		m.ttft.WithLabelValues(model).Observe(ttft.Seconds())
	}
	if completionTokens > 1 && decode > 0 {
		m.tokenRate.WithLabelValues(model).Observe(float64(completionTokens-1) / decode.Seconds())
	}
}

func (m *Metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
