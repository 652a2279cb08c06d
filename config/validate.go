package config

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/gaianet-go/gaianet/egress"
)

// ErrInvalid is wrapped by every error Validate reports.
var ErrInvalid = errors.New("config: invalid")

var addressRE = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

// Validate checks c after ApplyDefaults and returns every problem found,
// joined (errors.Join), each wrapping ErrInvalid and naming the JSON key.
// It checks: ports in 1..65535; context, batch and micro-batch sizes
// positive (micro-batches may be 0 = same as batch); rag_policy one of
// "system-message" and "last-user-message" (or empty); chat, embedding and
// snapshot each an http(s) URL or a local path; chat and embedding present
// unless an upstream replaces them; address empty or 0x plus 40 hex digits;
// qdrant_limit positive and the threshold in [-1, 1]; and the extensions'
// URLs (qdrant_url as http(s)://host[:port]), origins and counts. It reads nothing from disk or network.
func (c *Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: %s: %s", ErrInvalid, key, fmt.Sprintf(format, args...)))
	}
	port := func(key string, v int) {
		if v < 1 || v > 65535 {
			bad(key, "port must be in 1..65535, got %d", v)
		}
	}
	positive := func(key string, v int) {
		if v <= 0 {
			bad(key, "must be a positive number, got %d", v)
		}
	}
	nonNegative := func(key string, v int) {
		if v < 0 {
			bad(key, "must not be negative, got %d", v)
		}
	}
	model := func(key, v string, required bool, replacedBy string) {
		if v == "" {
			if required {
				if replacedBy != "" {
					bad(key, "is empty: set a model URL or path, or %s.%s", ExtensionsKey, replacedBy)
				} else {
					bad(key, "is empty: set a URL or a local path")
				}
			}
			return
		}
		if err := checkLocation(v); err != nil {
			bad(key, "%v", err)
		}
	}

	if c.Address != "" && !addressRE.MatchString(c.Address) {
		bad("address", "want empty or 0x followed by 40 hex digits, got %q", c.Address)
	}
	if !validDomain(c.Domain) {
		bad("domain", "want a host name like gaia.domains or a domain URL like https://example.domain (no path), got %q", c.Domain)
	}
	port("llamaedge_port", c.LlamaEdgePort)
	port("llamaedge_chat_port", c.LlamaEdgeChatPort)
	port("llamaedge_embedding_port", c.LlamaEdgeEmbeddingPort)
	for _, u := range []struct{ key, v string }{
		{"server_health_url", c.ServerHealthURL},
		{"server_info_url", c.ServerInfoURL},
	} {
		if u.v != "" {
			if err := checkHTTPURL(u.v); err != nil {
				bad(u.key, "%v", err)
			}
		}
	}

	model("chat", c.Chat, c.Ext.ChatUpstream == "", "chat_upstream")
	positive("chat_ctx_size", c.ChatCtxSize)
	positive("chat_batch_size", c.ChatBatchSize)
	nonNegative("chat_ubatch_size", c.ChatUbatchSize)
	nonNegative("context_window", c.ContextWindow)
	switch c.RAGPolicy {
	case "", RAGPolicySystemMessage, RAGPolicyLastUserMessage:
	default:
		bad("rag_policy", "want %q or %q, got %q", RAGPolicySystemMessage, RAGPolicyLastUserMessage, c.RAGPolicy)
	}

	model("embedding", c.Embedding, c.Ext.EmbeddingUpstream == "", "embedding_upstream")
	positive("embedding_ctx_size", c.EmbeddingCtxSize)
	positive("embedding_batch_size", c.EmbeddingBatchSize)
	nonNegative("embedding_ubatch_size", c.EmbeddingUbatchSize)

	model("snapshot", c.Snapshot, false, "")
	if c.EmbeddingCollectionName == "" {
		bad("embedding_collection_name", "is empty")
	} else if strings.ContainsAny(c.EmbeddingCollectionName, "/\\ \t\r\n") {
		bad("embedding_collection_name", "must not contain slashes or spaces, got %q", c.EmbeddingCollectionName)
	}
	positive("qdrant_limit", c.QdrantLimit)
	if t := c.QdrantScoreThreshold; math.IsNaN(t) || t < -1 || t > 1 {
		bad("qdrant_score_threshold", "must be in [-1, 1], got %v", t)
	}

	e := &c.Ext
	for _, u := range []struct{ key, v string }{
		{"chat_upstream", e.ChatUpstream},
		{"embedding_upstream", e.EmbeddingUpstream},
	} {
		if u.v != "" {
			if err := checkHTTPURL(u.v); err != nil {
				bad(ExtensionsKey+"."+u.key, "%v", err)
			}
		}
	}
	if e.QdrantURL != "" {
		if err := checkQdrantURL(e.QdrantURL); err != nil {
			bad(ExtensionsKey+".qdrant_url", "%v", err)
		}
	}
	switch e.SearchFusion {
	case "", "vector", "hybrid", "rrf":
	default:
		bad(ExtensionsKey+".search_fusion", "must be vector, hybrid or rrf, got %q", e.SearchFusion)
	}
	switch e.Reasoning {
	case "", "separate", "inline", "none":
	default:
		bad(ExtensionsKey+".reasoning", "must be separate, inline or none, got %q", e.Reasoning)
	}
	if strings.ContainsAny(e.QdrantAPIKey, " \t\r\n") {
		bad(ExtensionsKey+".qdrant_api_key", "must have no spaces")
	}
	for i, k := range e.APIKeys {
		if k == "" || strings.ContainsAny(k, " \t\r\n") {
			bad(fmt.Sprintf("%s.api_keys[%d]", ExtensionsKey, i), "must be non-empty with no spaces")
		}
	}
	if _, err := egress.NewPolicy(e.OutboundAllow...); err != nil {
		bad(ExtensionsKey+".outbound_allow", "%v", err)
	}
	for _, n := range []struct {
		key string
		v   int
	}{
		{"http_read_timeout", e.HTTPReadTimeout}, {"http_write_timeout", e.HTTPWriteTimeout},
		{"http_idle_timeout", e.HTTPIdleTimeout}, {"max_connections", e.MaxConnections},
		{"max_connections_per_ip", e.MaxConnectionsPerIP},
	} {
		nonNegative(ExtensionsKey+"."+n.key, n.v)
	}
	for i, o := range e.CORSOrigins {
		if err := checkOrigin(o); err != nil {
			bad(fmt.Sprintf("%s.cors_origins[%d]", ExtensionsKey, i), "%v", err)
		}
	}
	e.validateAgent(bad)
	for i, l := range e.LoRA {
		key := fmt.Sprintf("%s.lora[%d]", ExtensionsKey, i)
		if l.Path == "" {
			bad(key+".path", "is empty: set the adapter's GGUF file")
		} else if IsURL(l.Path) {
			bad(key+".path", "want a local file (relative to the node's directory), got the URL %q", l.Path)
		}
		if s := l.ScaleOr1(); !(s >= -100 && s <= 100) {
			bad(key+".scale", "must be in [-100, 100], got %v", s)
		}
	}
	nonNegative(ExtensionsKey+".parallel", e.Parallel)
	nonNegative(ExtensionsKey+".queue_size", e.QueueSize)
	return errors.Join(errs...)
}

// IsURL reports whether loc names a remote http or https resource rather
// than a local path.
func IsURL(loc string) bool {
	l := strings.ToLower(loc)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// checkLocation accepts an http(s) URL with a host, or a local path
// (absolute, relative, or a bare file name). It rejects other URL schemes
// and control characters.
func checkLocation(v string) error {
	if strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return fmt.Errorf("contains control characters: %q", v)
	}
	if IsURL(v) {
		return checkHTTPURL(v)
	}
	if i := strings.Index(v, "://"); i > 0 {
		return fmt.Errorf("want an http(s) URL or a local path, got scheme %q in %q", v[:i], v)
	}
	return nil
}

func checkHTTPURL(v string) error {
	u, err := url.Parse(v)
	if err != nil {
		return fmt.Errorf("not a URL: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("want an http or https URL, got %q", v)
	}
	if u.Host == "" {
		return fmt.Errorf("URL %q has no host", v)
	}
	return nil
}

// checkQdrantURL accepts scheme://host[:port] with scheme http or https and
// nothing after the authority: the Qdrant client dials a host and port, so a
// path, query or credentials in the URL would be silently ignored.
func checkQdrantURL(v string) error {
	if err := checkHTTPURL(v); err != nil {
		return err
	}
	u, _ := url.Parse(v)
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("want http(s)://host[:port] with no path, query or credentials, got %q", v)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("port %q of %q is not in 1..65535", p, v)
		}
	}
	return nil
}

func checkOrigin(o string) error {
	if o == "*" {
		return nil
	}
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("want \"*\" or scheme://host[:port], got %q", o)
	}
	return nil
}

// validDomain accepts GaiaNet's host-name form ("gaia.domains") and, for
// domains this project runs ("gaianet join URL"), an http(s) URL with a
// host and no path.
func validDomain(d string) bool {
	if !strings.Contains(d, "://") {
		return !strings.ContainsAny(d, "/ \t\r\n")
	}
	u, err := url.Parse(d)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.Path == "" &&
		u.RawQuery == "" && u.Fragment == "" && u.User == nil && !strings.ContainsAny(d, " \t\r\n")
}
