package e2e

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
)

// metricValue returns the value of the sample of the Prometheus text
// exposition body whose name is name and whose labels include labels.
func metricValue(body []byte, name string, labels map[string]string) (float64, bool) {
	labelRE := regexp.MustCompile(`(\w+)="((?:[^"\\]|\\.)*)"`)
	sc := bufio.NewScanner(bytes.NewReader(body))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, name+"{") && !strings.HasPrefix(line, name+" ") {
			continue
		}
		got := map[string]string{}
		if i := strings.IndexByte(line, '{'); i >= 0 && strings.HasPrefix(line, name+"{") {
			j := strings.LastIndexByte(line, '}')
			for _, m := range labelRE.FindAllStringSubmatch(line[i+1:j], -1) {
				got[m[1]] = m[2]
			}
			line = name + line[j+1:]
		}
		match := true
		for k, v := range labels {
			if got[k] != v {
				match = false
			}
		}
		if !match {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimPrefix(line, name)), 64)
		return v, err == nil
	}
	return 0, false
}

func scrape(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d, %v", resp.StatusCode, err)
	}
	return b
}

// TestMetrics checks that /metrics counts a chat request and the tokens its
// usage reports.
func TestMetrics(t *testing.T) {
	n := mainNode(t)
	type sample struct {
		name   string
		labels map[string]string
	}
	requests := sample{"gaianet_http_requests_total", map[string]string{"route": "POST /v1/chat/completions", "code": "200"}}
	prompt := sample{"gaianet_prompt_tokens_total", map[string]string{"model": chatModel}}
	completion := sample{"gaianet_completion_tokens_total", map[string]string{"model": chatModel}}
	read := func(body []byte, s sample) float64 {
		v, _ := metricValue(body, s.name, s.labels) // absent counts as 0
		return v
	}
	before := scrape(t, n.URL)
	c := newClient(n.URL, "unused")
	resp, err := c.Chat.Completions.New(testContext(t), chatParams("Count me.", 8))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		s     sample
		delta float64
	}{
		{requests, 1},
		{prompt, float64(resp.Usage.PromptTokens)},
		{completion, float64(resp.Usage.CompletionTokens)},
	}
	// The request counter is updated as the handler returns, which can be
	// a moment after the client has read the response.
	deadline := time.Now().Add(3 * time.Second)
	for {
		after := scrape(t, n.URL)
		var bad []string
		for _, ck := range checks {
			if got := read(after, ck.s) - read(before, ck.s); got != ck.delta {
				bad = append(bad, ck.s.name+": +"+strconv.FormatFloat(got, 'g', -1, 64)+", want +"+strconv.FormatFloat(ck.delta, 'g', -1, 64))
			}
		}
		if len(bad) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after one chat request:\n%s", strings.Join(bad, "\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestShutdownFinishesStreams sends SIGTERM to a node in the middle of a
// streamed reply: the stream must finish normally (finish_reason, usage)
// and the node must then exit 0.
func TestShutdownFinishesStreams(t *testing.T) {
	n := startExtraNode(t, "drain", nil)
	c := newClient(n.URL, "unused")
	const maxTokens = 400 // the prompt is ~60 tokens of the 512 context
	p := chatParams("Write a long story.", maxTokens)
	p.StreamOptions = openai.ChatCompletionStreamOptionsParam{IncludeUsage: openai.Bool(true)}
	stream := c.Chat.Completions.NewStreaming(testContext(t), p)
	if !stream.Next() {
		t.Fatalf("no first chunk: %v", stream.Err())
	}
	stopped := make(chan error, 1)
	go func() { stopped <- n.stop(30 * time.Second) }()
	var (
		after, content int
		finish         string
		usage          openai.CompletionUsage
	)
	for stream.Next() {
		ch := stream.Current()
		after++
		for _, c := range ch.Choices {
			if c.Delta.Content != "" {
				content++
			}
			if c.FinishReason != "" {
				finish = c.FinishReason
			}
		}
		if ch.Usage.TotalTokens > 0 {
			usage = ch.Usage
		}
	}
	if err := stream.Err(); err != nil {
		t.Fatalf("the stream broke during shutdown after %d more chunks: %v", after, err)
	}
	if content == 0 {
		t.Error("no content arrived after SIGTERM: the reply was not in flight")
	}
	if finish == "" || usage.CompletionTokens == 0 {
		t.Errorf("the stream ended without finish_reason (%q) or usage (%+v)", finish, usage)
	}
	checkUsage(t, usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens, finish, maxTokens)
	if err := <-stopped; err != nil {
		t.Errorf("shutdown: %v\n%s", err, n.logTail(10))
	}
}
