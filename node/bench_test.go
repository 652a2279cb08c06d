//go:build unix

package node

// Serving benchmarks: start-to-ready, the API layer's per-request overhead
// over the engine, time to first token with retrieval from a 10,000-chunk
// knowledge base, and aggregate tokens/s with concurrent clients. They run
// a real node on the conformance models (../shared/conformance, skipped
// when absent) and, for start-up, on any GGUF found in the directory named
// by GAIANET_BENCH_MODELS (default /work/models). Run, for example:
//
//	go test ./node -run '^$' -v -bench 'APIOverhead' -benchtime 500x -count 3
//	go test ./node -run '^$' -v -bench 'RAGFirstToken' -benchtime 60x -count 3
//	go test ./node -run '^$' -v -bench 'Throughput' -benchtime 16x -count 3
//	go test ./node -run '^$' -v -bench 'Startup' -benchtime 3x -count 3
//
// Besides wall-clock ns/op they report process CPU time per operation
// (cpu-ms/op), which is steadier than wall time on a shared machine.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/embedding"
	"github.com/gaianet-go/gaianet/engine"
	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/rag"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// cpuTime returns the CPU time the process has used, user plus system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU milliseconds per operation since c0.
func reportCPU(b *testing.B, c0 time.Duration, ops int) {
	b.ReportMetric(float64(cpuTime(b)-c0)/float64(time.Millisecond)/float64(ops), "cpu-ms/op")
}

// quantile returns the q-quantile of xs (sorted in place).
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	return xs[min(int(q*float64(len(xs))), len(xs)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// writeKB creates the knowledge-base collection of cfg in base/vectors and
// fills it with points.
func writeKB(b *testing.B, cfg *config.Config, base string, dim int, points []vectorstore.Point) {
	b.Helper()
	ctx := context.Background()
	store, err := vectorstore.Open(ctx, filepath.Join(base, "vectors"), &vectorstore.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	if err := store.CreateCollection(ctx, cfg.EmbeddingCollectionName, vectorstore.CollectionConfig{Dim: dim, Distance: vectorstore.Cosine}); err != nil {
		b.Fatal(err)
	}
	for len(points) > 0 {
		n := min(len(points), 500)
		if err := store.Upsert(ctx, cfg.EmbeddingCollectionName, points[:n]); err != nil {
			b.Fatal(err)
		}
		points = points[n:]
	}
	if err := store.Checkpoint(ctx); err != nil {
		b.Fatal(err)
	}
}

// chatOnce posts a one-token chat to h and checks that it succeeds.
func chatOnce(b *testing.B, h http.Handler, body string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/chat/completions", strings.NewReader(body)))
	if rec.Code != http.StatusOK {
		b.Fatalf("chat: %d %s", rec.Code, rec.Body)
	}
	return rec
}

const oneTokenChat = `{"model":"tiny-llama","messages":[{"role":"user","content":"Say hello to the GaiaNet node."}],"max_tokens":1,"temperature":0%s}`

// BenchmarkStartup measures node.Open, from config to a node ready to
// serve, on warm page cache (the weights are mmapped): the conformance
// chat + embedding models, and each *.gguf in GAIANET_BENCH_MODELS
// (default /work/models, e.g. 1.1B TinyLlama-shape models) with the same
// embedding model. ns/op is Open's wall time and cpu-ms/op its CPU time;
// first-reply-ms is a one-token chat right after Open (prompt prefill
// included), outside the timed region.
func BenchmarkStartup(b *testing.B) {
	b.Run("conformance=llama-spm-q8_0+bert-f16", func(b *testing.B) {
		benchOpen(b, testConfig(b, true, nil))
	})
	dir := os.Getenv("GAIANET_BENCH_MODELS")
	if dir == "" {
		dir = "/work/models"
	}
	big, _ := filepath.Glob(filepath.Join(dir, "*.gguf"))
	if len(big) == 0 {
		b.Run("large", func(b *testing.B) { b.Skipf("no *.gguf in %s", dir) })
	}
	for _, p := range big {
		name := strings.TrimSuffix(filepath.Base(p), ".gguf")
		b.Run("large="+name+"+bert-f16", func(b *testing.B) {
			benchOpen(b, testConfig(b, true, func(c *config.Config) {
				c.Chat = p
				c.ChatName = "tiny-llama"
			}))
		})
	}
}

func benchOpen(b *testing.B, cfg *config.Config) {
	ctx := context.Background()
	base := b.TempDir()
	// A small knowledge base, so that Open also opens the vector store.
	rng := rand.New(rand.NewPCG(1, 2))
	var pts []vectorstore.Point
	for i := range 64 {
		v := make([]float32, 256)
		for j := range v {
			v[j] = float32(rng.NormFloat64())
		}
		pts = append(pts, vectorstore.Point{ID: vectorstore.NumID(uint64(i + 1)), Vector: v,
			Payload: map[string]any{rag.PayloadText: fmt.Sprintf("chunk %d", i)}})
	}
	writeKB(b, cfg, base, 256, pts)
	// Warm the page cache once, so that every run measures the same thing.
	n, err := Open(ctx, cfg, Options{Base: base})
	if err != nil {
		b.Fatal(err)
	}
	chatOnce(b, n.Handler(), fmt.Sprintf(oneTokenChat, ""))
	n.Close()

	var first, openCPU time.Duration
	b.ResetTimer()
	for range b.N {
		c0 := cpuTime(b)
		n, err := Open(ctx, cfg, Options{Base: base})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		openCPU += cpuTime(b) - c0
		t0 := time.Now()
		chatOnce(b, n.Handler(), fmt.Sprintf(oneTokenChat, ""))
		first += time.Since(t0)
		if err := n.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(ms(openCPU)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(ms(first)/float64(b.N), "first-reply-ms")
	if fi, err := os.Stat(cfg.Chat); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "chat-MiB")
	}
}

// BenchmarkAPIOverhead compares one tiny greedy generation (max_tokens 1,
// no retrieval) called on the engine directly with the same request
// through node.Chat and through the HTTP API. The engine reuses the cached
// prompt prefix in every variant, so each evaluates one prompt token and
// samples one token. "paired" runs the engine call and the HTTP handler
// call back to back in each iteration and reports the median difference,
// which is robust to the load of a shared machine, in wall and CPU time.
func BenchmarkAPIOverhead(b *testing.B) {
	ctx := context.Background()
	cfg := testConfig(b, false, func(c *config.Config) { c.Ext.Parallel = 1 })
	n, err := Open(ctx, cfg, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer n.Close()
	h := n.Handler()
	jsonBody := fmt.Sprintf(oneTokenChat, "")
	sseBody := fmt.Sprintf(oneTokenChat, `,"stream":true`)

	var req api.ChatRequest
	if err := json.Unmarshal([]byte(jsonBody), &req); err != nil {
		b.Fatal(err)
	}
	plan, err := n.planOutput(&req)
	if err != nil {
		b.Fatal(err)
	}
	p, err := n.chatPrompt(ctx, &req, plan)
	if err != nil {
		b.Fatal(err)
	}
	toks := p.tokens
	engineOnce := func() string {
		var text string
		res, err := n.engine.Generate(ctx, engine.Request{Prompt: toks, MaxTokens: 1}, func(t engine.Token) error {
			text += t.Text
			return nil
		})
		if err != nil || res.GeneratedTokens != 1 {
			b.Fatalf("engine: %v, %d tokens", err, res.GeneratedTokens)
		}
		return text
	}
	// The API must produce exactly the engine's greedy token from the
	// same prompt tokens, or the comparison would be meaningless.
	want := engineOnce()
	var out completionOut
	if err := json.Unmarshal(chatOnce(b, h, jsonBody).Body.Bytes(), &out); err != nil {
		b.Fatal(err)
	}
	if out.Usage.PromptTokens != len(toks) || out.Usage.CompletionTokens != 1 || out.Choices[0].Message.Content != want {
		b.Fatalf("API reply %+v, want %d prompt tokens and the engine's %q", out, len(toks), want)
	}
	b.Logf("prompt %d tokens, reply %q", len(toks), want)

	b.Run("engine", func(b *testing.B) {
		b.ReportAllocs()
		c0 := cpuTime(b)
		for range b.N {
			engineOnce()
		}
		reportCPU(b, c0, b.N)
	})
	b.Run("node.Chat", func(b *testing.B) {
		b.ReportAllocs()
		c0 := cpuTime(b)
		for range b.N {
			r := req
			if _, err := n.Chat(ctx, &r, func(api.ChatDelta) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, c0, b.N)
	})
	b.Run("http=handler/json", func(b *testing.B) {
		b.ReportAllocs()
		c0 := cpuTime(b)
		for range b.N {
			chatOnce(b, h, jsonBody)
		}
		reportCPU(b, c0, b.N)
	})
	b.Run("http=handler/sse", func(b *testing.B) {
		b.ReportAllocs()
		c0 := cpuTime(b)
		for range b.N {
			rec := chatOnce(b, h, sseBody)
			if !strings.HasSuffix(rec.Body.String(), "data: [DONE]\n\n") {
				b.Fatalf("stream did not end: %q", rec.Body)
			}
		}
		reportCPU(b, c0, b.N)
	})
	b.Run("http=loopback/json", func(b *testing.B) {
		srv := httptest.NewServer(h)
		defer srv.Close()
		client := srv.Client()
		b.ReportAllocs()
		b.ResetTimer()
		c0 := cpuTime(b)
		for range b.N {
			resp, err := client.Post(srv.URL+"/v1/chat/completions", "application/json", strings.NewReader(jsonBody))
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Fatalf("status %d", resp.StatusCode)
			}
		}
		reportCPU(b, c0, b.N)
	})
	b.Run("paired=engine-vs-handler/json", func(b *testing.B) {
		diffs := make([]float64, 0, b.N)
		cpuDiffs := make([]float64, 0, b.N)
		var eng, viaAPI time.Duration
		for range b.N {
			c0, t0 := cpuTime(b), time.Now()
			engineOnce()
			c1, t1 := cpuTime(b), time.Now()
			chatOnce(b, h, jsonBody)
			c2, t2 := cpuTime(b), time.Now()
			eng += t1.Sub(t0)
			viaAPI += t2.Sub(t1)
			diffs = append(diffs, float64(t2.Sub(t1)-t1.Sub(t0))/float64(time.Microsecond))
			cpuDiffs = append(cpuDiffs, float64((c2-c1)-(c1-c0))/float64(time.Microsecond))
		}
		b.ReportMetric(float64(eng.Microseconds())/float64(b.N), "engine-µs/op")
		b.ReportMetric(float64(viaAPI.Microseconds())/float64(b.N), "http-µs/op")
		b.ReportMetric(quantile(diffs, 0.5), "overhead-p50-µs")
		b.ReportMetric(quantile(cpuDiffs, 0.5), "overhead-cpu-p50-µs")
	})
}

// realTexts returns up to limit distinct texts of 30 to 300 bytes found
// under shared: the sentences of its Markdown files, the texts of the
// tokenizer conformance cases and the string settings (prompts,
// descriptions) of the GaiaNet configs. Real prose to embed.
func realTexts(b *testing.B, shared string, limit int) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if len(s) >= 30 && len(s) <= 300 && !seen[s] && len(out) < limit {
			seen[s] = true
			out = append(out, s)
		}
	}
	err := filepath.WalkDir(shared, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(shared, p)
		switch {
		case strings.HasSuffix(p, ".md"):
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(string(data), "\n") {
				for _, s := range strings.SplitAfter(strings.Trim(line, " |-#>*`"), ". ") {
					add(s)
				}
			}
		case strings.HasPrefix(rel, filepath.Join("conformance", "tokenizer")) && strings.HasSuffix(p, ".jsonl"):
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(string(data), "\n") {
				var c struct{ Text string }
				if json.Unmarshal([]byte(line), &c) == nil {
					add(c.Text)
				}
			}
		case strings.HasPrefix(rel, "gaianet-configs") && strings.HasSuffix(p, ".json"):
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			var m map[string]any
			if json.Unmarshal(data, &m) != nil {
				return nil
			}
			for _, k := range slices.Sorted(maps.Keys(m)) {
				if s, ok := m[k].(string); ok && !strings.HasPrefix(s, "http") {
					add(s)
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// ragChunks is the size of the knowledge base of BenchmarkRAGFirstToken.
const ragChunks = 10000

// BenchmarkRAGFirstToken measures, on the client side, the time from
// sending a streamed chat to the first content delta, on a node whose
// knowledge base holds 10,000 chunks. The chunks are a few hundred real
// texts found under ../shared (see realTexts), embedded with bert-f16,
// plus vectors derived from those embeddings by adding Gaussian noise (a
// noise vector of norm 0.5 against the unit embedding), each carrying its
// sentence as text. Queries cycle through the real sentences, so every
// request retrieves (qdrant_limit 1, GaiaNet's default) and the prompts
// differ (the nearest chunk is usually the query's own sentence; the
// index's recall@1 is logged). "rag" retrieves; "norag" sends the same chats with "limit":0,
// which skips retrieval, to show what retrieval adds.
func BenchmarkRAGFirstToken(b *testing.B) {
	shared := sharedtest.Path(b)
	ctx := context.Background()
	cfg := testConfig(b, true, func(c *config.Config) { c.Ext.Parallel = 1; c.ChatCtxSize = 1024 })

	texts := realTexts(b, shared, 400)
	if len(texts) < 50 {
		b.Fatalf("only %d sentences under %s", len(texts), shared)
	}
	em, _, err := embedding.Open(cfg.Embedding, embedding.Options{MaxTokens: cfg.EmbeddingCtxSize})
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	var embedded [][]float32
	for i := 0; i < len(texts); i += 32 {
		v, _, err := em.Embed(ctx, texts[i:min(i+32, len(texts))])
		if err != nil {
			b.Fatal(err)
		}
		embedded = append(embedded, v...)
	}
	embedTook := time.Since(t0)
	em.Close()

	rng := rand.New(rand.NewPCG(3, 4))
	dim := len(embedded[0])
	sigma := 0.5 / math.Sqrt(float64(dim)) // noise norm ≈ 0.5
	points := make([]vectorstore.Point, 0, ragChunks)
	for i := range ragChunks {
		src := i % len(texts)
		v := slices.Clone(embedded[src])
		if i >= len(texts) {
			for j := range v {
				v[j] += float32(rng.NormFloat64() * sigma)
			}
		}
		points = append(points, vectorstore.Point{ID: vectorstore.NumID(uint64(i + 1)), Vector: v,
			Payload: map[string]any{rag.PayloadText: texts[src], rag.PayloadFile: fmt.Sprintf("doc%d.md", i/100)}})
	}
	base := b.TempDir()
	t0 = time.Now()
	writeKB(b, cfg, base, dim, points)
	b.Logf("embedded %d real sentences in %v (%.0f texts/s); %d chunks indexed in %v",
		len(texts), embedTook.Round(time.Millisecond), float64(len(texts))/embedTook.Seconds(), ragChunks, time.Since(t0).Round(time.Millisecond))

	n, err := Open(ctx, cfg, Options{Base: base})
	if err != nil {
		b.Fatal(err)
	}
	defer n.Close()
	if info, err := n.store.CollectionInfo(cfg.EmbeddingCollectionName); err != nil || info.Points != ragChunks {
		b.Fatalf("collection: %+v %v", info, err)
	}
	// Recall@1 of the index for queries equal to stored points: what the
	// HNSW search finds against the exact scan.
	var agree int
	for _, v := range embedded {
		var ids [2]vectorstore.PointID
		for k, exact := range []bool{false, true} {
			hits, err := n.store.Search(ctx, cfg.EmbeddingCollectionName, vectorstore.SearchRequest{
				Vector: v, Limit: 1, Params: vectorstore.SearchParams{Exact: exact}})
			if err != nil || len(hits) != 1 {
				b.Fatalf("search: %+v %v", hits, err)
			}
			ids[k] = hits[0].ID
		}
		if ids[0] == ids[1] {
			agree++
		}
	}
	b.Logf("HNSW recall@1 against the exact scan, for the %d embedded texts as queries: %d/%d", len(embedded), agree, len(embedded))
	srv := httptest.NewServer(n.Handler())
	defer srv.Close()
	client := srv.Client()

	// firstToken streams one chat and returns the time to its first
	// content delta and the sources reported at the end.
	firstToken := func(b *testing.B, q string, extra string) (time.Duration, []api.Source) {
		body, _ := json.Marshal(map[string]any{"model": "tiny-llama", "stream": true, "max_tokens": 4,
			"temperature": 0, "messages": []map[string]string{{"role": "user", "content": q}}})
		if extra != "" {
			body = append(body[:len(body)-1], []byte(","+extra+"}")...)
		}
		t0 := time.Now()
		resp, err := client.Post(srv.URL+"/v1/chat/completions", "application/json", strings.NewReader(string(body)))
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			msg, _ := io.ReadAll(resp.Body)
			b.Fatalf("status %d: %s", resp.StatusCode, msg)
		}
		var ttft time.Duration
		var sources []api.Source
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok || data == "[DONE]" {
				continue
			}
			var ev struct {
				Choices []struct {
					Delta struct {
						Content string `json:"content"`
					} `json:"delta"`
				} `json:"choices"`
				Sources []api.Source `json:"sources"`
			}
			if err := json.Unmarshal([]byte(data), &ev); err != nil {
				b.Fatalf("bad event %q", data)
			}
			if ttft == 0 && len(ev.Choices) > 0 && ev.Choices[0].Delta.Content != "" {
				ttft = time.Since(t0)
			}
			sources = append(sources, ev.Sources...)
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		if ttft == 0 {
			b.Fatalf("no content streamed for %q", q)
		}
		return ttft, sources
	}

	for _, v := range []struct{ name, extra string }{{"rag", ""}, {"norag", `"limit":0`}} {
		b.Run(v.name+fmt.Sprintf("/chunks=%d", ragChunks), func(b *testing.B) {
			lat := make([]float64, 0, b.N)
			var total time.Duration
			c0 := cpuTime(b)
			for i := range b.N {
				q := texts[(i*7)%len(texts)]
				d, sources := firstToken(b, q, v.extra)
				if v.extra == "" && len(sources) != 1 {
					b.Fatalf("query %q retrieved %+v", q, sources)
				}
				if v.extra != "" && len(sources) != 0 {
					b.Fatalf("limit 0 retrieved %+v", sources)
				}
				total += d
				lat = append(lat, ms(d))
			}
			b.ReportMetric(ms(total)/float64(b.N), "ttft-ms")
			b.ReportMetric(quantile(lat, 0.5), "ttft-p50-ms")
			b.ReportMetric(quantile(lat, 0.9), "ttft-p90-ms")
			reportCPU(b, c0, b.N)
		})
	}
	b.Run(fmt.Sprintf("retrieve-only/chunks=%d", ragChunks), func(b *testing.B) {
		c0 := cpuTime(b)
		for i := range b.N {
			q := texts[(i*7)%len(texts)]
			chunks, err := n.retriever.Retrieve(ctx, rag.Query{Text: q, Collections: n.collections,
				Limit: cfg.QdrantLimit, Threshold: cfg.QdrantScoreThreshold})
			if err != nil || len(chunks) != 1 {
				b.Fatalf("retrieve %q: %+v %v", q, chunks, err)
			}
		}
		reportCPU(b, c0, b.N)
	})
	for _, exact := range []bool{false, true} {
		name := "search-only/hnsw"
		if exact {
			name = "search-only/exact"
		}
		b.Run(fmt.Sprintf("%s/chunks=%d", name, ragChunks), func(b *testing.B) {
			c0 := cpuTime(b)
			for i := range b.N {
				hits, err := n.store.Search(ctx, cfg.EmbeddingCollectionName, vectorstore.SearchRequest{
					Vector: embedded[(i*7)%len(texts)], Limit: cfg.QdrantLimit,
					With: vectorstore.With{WithPayload: true}, Params: vectorstore.SearchParams{Exact: exact}})
				if err != nil || len(hits) != 1 {
					b.Fatalf("search: %+v %v", hits, err)
				}
			}
			reportCPU(b, c0, b.N)
		})
	}
}

// BenchmarkThroughput measures aggregate completion tokens/s of a node
// with 4 slots, with 1 and with 4 clients each sending chats of 64 tokens
// at temperature 0.8 (a distinct seed per request) over HTTP. An operation
// is one request, but each client sends whole rounds (b.N is rounded up to
// a multiple of the clients; ms/req is over the requests sent); tok/s counts
// the completion tokens the replies report.
// "paired" alternates the two within each iteration and reports their
// ratio, which a changing machine load skews less. The conformance chat
// model always runs; set GAIANET_BENCH_CHAT to a GGUF file (a 1.1B model,
// say) to measure it too, with -benchtime 1x: it is slow.
func BenchmarkThroughput(b *testing.B) {
	cfg := testConfig(b, false, func(c *config.Config) { c.Ext.Parallel = 4 })
	b.Run("model="+strings.TrimSuffix(filepath.Base(cfg.Chat), ".gguf"), func(b *testing.B) { benchThroughput(b, cfg) })
	if p := os.Getenv("GAIANET_BENCH_CHAT"); p != "" {
		large := *cfg
		large.Chat = p
		b.Run("model="+strings.TrimSuffix(filepath.Base(p), ".gguf"), func(b *testing.B) { benchThroughput(b, &large) })
	}
}

func benchThroughput(b *testing.B, cfg *config.Config) {
	ctx := context.Background()
	n, err := Open(ctx, cfg, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer n.Close()
	srv := httptest.NewServer(n.Handler())
	defer srv.Close()

	client := srv.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = 8 // keep 4 clients' connections alive
	// chat sends request i and returns its completion tokens.
	chat := func(i int64) (int, error) {
		body := fmt.Sprintf(`{"model":"tiny-llama","max_tokens":64,"temperature":0.8,"seed":%d,`+
			`"messages":[{"role":"user","content":"Tell me a story about request %d."}]}`, i+1, i)
		resp, err := client.Post(srv.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
		if err != nil {
			return 0, err
		}
		var out completionOut
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK || out.Usage.CompletionTokens < 1 {
			return 0, fmt.Errorf("status %d, %+v, %v", resp.StatusCode, out.Usage, err)
		}
		return out.Usage.CompletionTokens, nil
	}
	// run sends requests first..first+count-1 from clients goroutines and
	// returns the completion tokens and the wall time.
	run := func(b *testing.B, clients int, first, count int64) (int64, time.Duration) {
		var next, tokens atomic.Int64
		next.Store(first)
		var wg sync.WaitGroup
		errs := make(chan error, clients)
		t0 := time.Now()
		for range clients {
			wg.Go(func() {
				for {
					i := next.Add(1) - 1
					if i >= first+count {
						return
					}
					n, err := chat(i)
					if err != nil {
						errs <- err
						return
					}
					tokens.Add(int64(n))
				}
			})
		}
		wg.Wait()
		elapsed := time.Since(t0)
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		return tokens.Load(), elapsed
	}

	// Warm up: the first forward passes touch the mmapped weights.
	if _, err := chat(-1); err != nil {
		b.Fatal(err)
	}
	for _, clients := range []int{1, 4} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			// Whole rounds, so that every client has work.
			reqs := (b.N + clients - 1) / clients * clients
			c0 := cpuTime(b)
			tokens, elapsed := run(b, clients, 0, int64(reqs))
			b.ReportMetric(ms(elapsed)/float64(reqs), "ms/req")
			b.ReportMetric(float64(tokens)/elapsed.Seconds(), "tok/s")
			b.ReportMetric(float64(tokens)/float64(reqs), "tok/req")
			b.ReportMetric(float64(tokens)/(cpuTime(b)-c0).Seconds(), "tok/cpu-s")
		})
	}
	// paired alternates, in every iteration, 4 requests from 1 client and
	// 4 requests from 4 clients, so that both see the same machine load.
	b.Run("paired=clients-1-vs-4", func(b *testing.B) {
		var tok1, tok4 int64
		var d1, d4 time.Duration
		for i := range int64(b.N) {
			t, d := run(b, 1, 8*i, 4)
			tok1, d1 = tok1+t, d1+d
			t, d = run(b, 4, 8*i+4, 4)
			tok4, d4 = tok4+t, d4+d
		}
		r1, r4 := float64(tok1)/d1.Seconds(), float64(tok4)/d4.Seconds()
		b.ReportMetric(r1, "tok/s-1client")
		b.ReportMetric(r4, "tok/s-4clients")
		b.ReportMetric(r4/r1, "ratio")
	})
}
