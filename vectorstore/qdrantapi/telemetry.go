package qdrantapi

import (
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// telemetry counts the API's responses, per route and status code, and per
// collection too, for GET /telemetry and GET /metrics.
type telemetry struct {
	id      string
	started time.Time
	mu      sync.Mutex
	stats   map[statKey]*opStats
}

// statKey is one row of the statistics: a route as Qdrant names it
// ("PUT /collections/{collection_name}/points"), a status code, and the
// collection ("" for the row over all collections).
type statKey struct {
	route      string
	code       int
	collection string
}

type opStats struct {
	count           uint64
	total, min, max time.Duration
	last            time.Time
}

func newTelemetry(now time.Time) *telemetry {
	var b [16]byte
	rand.Read(b[:])
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
	return &telemetry{
		id:      fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:]),
		started: now, stats: map[statKey]*opStats{},
	}
}

// qdrantRouteNames maps this package's path wildcards to the names in
// Qdrant's OpenAPI paths, which Qdrant's telemetry uses as keys.
var qdrantRouteNames = strings.NewReplacer("{c}", "{collection_name}", "{name}", "{vector_name}",
	"{s}", "{snapshot_name}", "{field}", "{field_name}", "{$}", "")

// record adds one response of route to the statistics: to the row over
// all collections, and to the collection's own row when it answered
// successfully (so that requests naming missing collections cannot grow
// the table).
func (t *telemetry) record(route, collection string, code int, took time.Duration, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.addLocked(statKey{route, code, ""}, took, at)
	if collection != "" && code < 300 {
		t.addLocked(statKey{route, code, collection}, took, at)
	}
}

func (t *telemetry) addLocked(k statKey, took time.Duration, at time.Time) {
	st := t.stats[k]
	if st == nil {
		st = &opStats{min: took}
		t.stats[k] = st
	}
	st.count++
	st.total += took
	st.min, st.max = min(st.min, took), max(st.max, took)
	st.last = at
}

func (st *opStats) json() map[string]any {
	micros := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }
	return map[string]any{
		"count":                 st.count,
		"avg_duration_micros":   micros(st.total) / float64(st.count),
		"min_duration_micros":   micros(st.min),
		"max_duration_micros":   micros(st.max),
		"total_duration_micros": st.total.Microseconds(),
		"last_responded":        st.last.UTC().Format(time.RFC3339Nano),
	}
}

// responses renders the statistics as Qdrant's WebApiTelemetry.responses
// (route -> status code -> statistics), and per collection when asked.
func (t *telemetry) responses(perCollection bool) (global, byCollection map[string]map[string]any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	global = map[string]map[string]any{}
	byCollection = map[string]map[string]any{}
	for k, st := range t.stats {
		dst, route := global, k.route
		if k.collection != "" {
			if !perCollection {
				continue
			}
			dst, route = byCollection, k.collection+" "+k.route
		}
		if dst[route] == nil {
			dst[route] = map[string]any{}
		}
		dst[route][strconv.Itoa(k.code)] = st.json()
	}
	return global, byCollection
}

// serveTelemetry answers GET /telemetry with Qdrant's TelemetryData: the
// app, the collections (their number; at details_level >= 1 also their
// parameters, at >= 2 their full configuration), the API's response
// statistics, the Go runtime's memory figures, the search pool (the Go
// scheduler's threads) and the quota (none is enforced). This store has
// no shards, transfers, segments or optimizers to report, so levels above
// 2 answer as level 2; it has no per-collection hardware counters, so
// hardware.collection_data is empty.
func (s *Server) serveTelemetry(w http.ResponseWriter, r *http.Request) (any, error) {
	q := r.URL.Query()
	level := 0
	if v := q.Get("details_level"); v != "" {
		n, err := strconv.ParseUint(v, 10, 31)
		if err != nil {
			return nil, badRequest("Query deserialize error: details_level: %q is not a non-negative integer", v)
		}
		level = int(n)
	}
	perCollection, err := boolParam(q.Get("per_collection"), "per_collection")
	if err != nil {
		return nil, err
	}
	if _, err := boolParam(q.Get("anonymize"), "anonymize"); err != nil {
		return nil, err
	}
	names := s.store.ListCollections()
	slices.Sort(names)
	collections := map[string]any{"number_of_collections": len(names)}
	if level >= 1 {
		list := make([]any, 0, len(names))
		snaps := make([]any, 0, len(names))
		for _, n := range names {
			info, err := s.collectionJSON(n)
			if err != nil {
				continue // deleted meanwhile
			}
			cfg := info["config"].(map[string]any)
			if level == 1 {
				list = append(list, map[string]any{"vectors": info["points_count"], "optimizers_status": "ok", "params": cfg["params"]})
			} else {
				list = append(list, map[string]any{"id": n, "init_time_ms": nil, "config": cfg})
			}
			snaps = append(snaps, map[string]any{"id": n})
		}
		collections["collections"], collections["snapshots"] = list, snaps
	}
	rest, restByColl := s.tele.responses(perCollection)
	restJSON := map[string]any{"responses": rest}
	grpcJSON := map[string]any{"responses": map[string]any{}}
	if perCollection {
		restJSON["per_collection_responses"] = restByColl
		grpcJSON["per_collection_responses"] = map[string]any{}
	}
	out := map[string]any{
		"id": s.tele.id,
		"app": map[string]any{
			"name": "qdrant", "version": qdrantVersion, "startup": s.tele.started.UTC().Format(time.RFC3339Nano),
			"features": map[string]bool{"debug": false, "service_debug_feature": false, "recovery_mode": false, "gpu": false, "rocksdb": false, "staging": false},
		},
		"collections": collections,
		"cluster":     map[string]any{"enabled": false},
		"requests":    map[string]any{"rest": restJSON, "grpc": grpcJSON},
		"quota": map[string]any{
			"config":   map[string]any{"enabled": false},
			"exceeded": map[string]any{"resident_memory": false, "disk_usage": false},
		},
	}
	if level >= 1 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		out["memory"] = map[string]any{
			"active_bytes":    ms.HeapInuse,
			"allocated_bytes": ms.HeapAlloc,
			"metadata_bytes":  ms.MSpanSys + ms.MCacheSys + ms.BuckHashSys + ms.GCSys + ms.OtherSys,
			"resident_bytes":  ms.Sys - ms.HeapReleased,
			"retained_bytes":  ms.HeapReleased,
		}
		out["hardware"] = map[string]any{"collection_data": map[string]any{}}
		out["search_pool"] = map[string]any{"mode": "go-scheduler", "high_cpu_threads": runtime.GOMAXPROCS(0), "high_io_threads": 0}
	}
	return out, nil
}

func boolParam(v, name string) (bool, error) {
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, badRequest("Query deserialize error: %s: %q is not a boolean", name, v)
	}
	return b, nil
}

// serveMetrics answers GET /metrics in Prometheus' text format with the
// metric names Qdrant uses: app_info, collections_total, collection_points
// and the REST response statistics (with a collection label when
// per_collection=true).
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	perCollection, err := boolParam(r.URL.Query().Get("per_collection"), "per_collection")
	if err != nil {
		writeJSON(w, statusOf(err), map[string]any{"status": map[string]string{"error": err.Error()}, "time": 0.0})
		return
	}
	var b strings.Builder
	metric := func(name, help, typ string) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
	}
	metric("app_info", "information about qdrant server", "gauge")
	fmt.Fprintf(&b, "app_info{name=\"qdrant\",version=\"%s\"} 1\n", qdrantVersion)
	names := s.store.ListCollections()
	slices.Sort(names)
	metric("collections_total", "number of collections", "gauge")
	fmt.Fprintf(&b, "collections_total %d\n", len(names))
	metric("collection_points", "approximate amount of points per collection", "gauge")
	for _, n := range names {
		if info, err := s.store.CollectionInfo(n); err == nil {
			fmt.Fprintf(&b, "collection_points{id=%q} %d\n", n, info.Points)
		}
	}
	s.tele.mu.Lock()
	keys := make([]statKey, 0, len(s.tele.stats))
	for k := range s.tele.stats {
		if k.collection == "" || perCollection {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b statKey) int {
		return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
	})
	labels := func(k statKey) string {
		method, endpoint, _ := strings.Cut(k.route, " ")
		l := fmt.Sprintf("method=%q,endpoint=%q,status=\"%d\"", method, endpoint, k.code)
		if k.collection != "" {
			l += fmt.Sprintf(",collection=%q", k.collection)
		}
		return l
	}
	for _, m := range []struct {
		name, help, typ string
		val             func(*opStats) string
	}{
		{"rest_responses_total", "total number of responses", "counter", func(st *opStats) string { return strconv.FormatUint(st.count, 10) }},
		{"rest_responses_avg_duration_seconds", "average response duration", "gauge", func(st *opStats) string {
			return strconv.FormatFloat(st.total.Seconds()/float64(st.count), 'g', -1, 64)
		}},
		{"rest_responses_min_duration_seconds", "minimum response duration", "gauge", func(st *opStats) string { return strconv.FormatFloat(st.min.Seconds(), 'g', -1, 64) }},
		{"rest_responses_max_duration_seconds", "maximum response duration", "gauge", func(st *opStats) string { return strconv.FormatFloat(st.max.Seconds(), 'g', -1, 64) }},
	} {
		metric(m.name, m.help, m.typ)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s{%s} %s\n", m.name, labels(k), m.val(s.tele.stats[k]))
		}
	}
	s.tele.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	io.WriteString(w, b.String())
}
