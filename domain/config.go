package domain

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/identity"
)

// File names in a domain's directory.
const (
	ConfigFile   = "domain.json"
	AdminKeyFile = "admin.key"
	// JournalDir holds the local charge journal (package domain/journal).
	JournalDir = "journal"
)

// Admission policies.
const (
	PolicyOpen    = "open"    // any node with a valid signature (minus the deny list)
	PolicyAllow   = "allow"   // only addresses on the allow list
	PolicyApprove = "approve" // new nodes wait for "gaianet domain nodes approve"
)

// Config is domain.json: everything an operator sets. Load fills defaults;
// Validate says what is wrong.
type Config struct {
	// Name is the domain's name, e.g. "example.gaia.domains"; nodes sign it.
	Name string `json:"name"`
	// PublicURL is where users and nodes reach the domain.
	PublicURL string `json:"public_url"`
	// Listen is the gateway's HOST:PORT.
	Listen string `json:"listen"`
	// Policy is open, allow or approve.
	Policy string `json:"policy"`
	// Allow and Deny are node addresses; Deny wins over every policy.
	Allow []string `json:"allow"`
	Deny  []string `json:"deny"`
	// Requirements a node must meet, checked against what it serves.
	Requirements Requirements `json:"requirements"`
	// Prices users pay.
	Prices ledger.Prices `json:"prices"`
	// Split of each charge between operator, node and stakers.
	Split ledger.Split `json:"revenue_split"`
	// Storage is a SQLite file (relative to the domain's directory;
	// default domain.db) or a postgres:// DSN.
	Storage string `json:"storage"`
	// Monitor tunes health checks.
	Monitor Monitor `json:"monitor"`
	// Canary checks that nodes claiming a model answer as it does.
	Canary Canary `json:"canary"`
	// Replay re-runs a sample of real requests on a second node.
	Replay Replay `json:"replay"`
	// MaxBodyBytes bounds a request body; 0 means 32 MiB.
	MaxBodyBytes int64 `json:"max_body_bytes,omitempty"`
	// ChallengeRate limits join challenges per client IP.
	ChallengeRate RateLimit `json:"challenge_rate"`
}

// RateLimit is a token bucket: PerMinute tokens a minute, up to Burst.
type RateLimit struct {
	PerMinute int `json:"per_minute"`
	Burst     int `json:"burst"`
}

// Requirements are what a node must serve to be admitted and kept.
type Requirements struct {
	// ChatModel and EmbeddingModel are model names the node must list in
	// /v1/models; empty means any.
	ChatModel      string `json:"chat_model,omitempty"`
	EmbeddingModel string `json:"embedding_model,omitempty"`
	// MinContextSize is the least chat context (tokens) /v1/info may report.
	MinContextSize int `json:"min_context_size,omitempty"`
	// Hashes (lowercase hex SHA-256) the node must state, signed, in
	// /v1/info?nonce=N: its chat and embedding model files, its
	// knowledge-base snapshot file and its system prompt; empty means any.
	ChatModelSHA256      string `json:"chat_model_sha256,omitempty"`
	EmbeddingModelSHA256 string `json:"embedding_model_sha256,omitempty"`
	KnowledgeBaseSHA256  string `json:"knowledge_base_sha256,omitempty"`
	SystemPromptSHA256   string `json:"system_prompt_sha256,omitempty"`
}

// Monitor tunes health checks.
type Monitor struct {
	// Interval between active probes of each node; default 5s.
	Interval Duration `json:"interval"`
	// Timeout of one probe; default 5s.
	Timeout Duration `json:"timeout"`
	// MaxFailures is how many checks in a row take a node out of rotation;
	// default 3. One success brings it back.
	MaxFailures int `json:"max_failures"`
}

// Duration is a time.Duration written as "5s" in JSON.
type Duration time.Duration

// MarshalJSON writes d as a Go duration string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

// UnmarshalJSON reads a Go duration string such as "5s" or "250ms".
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want a duration such as \"5s\", got %s", b)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// Default returns a domain named name listening on listen, open, with
// GaiaNet-like prices and the default split.
func Default(name, listen string) Config {
	c := Config{Name: name, Listen: listen, Policy: PolicyOpen,
		Prices: ledger.Prices{InputPerMillion: 100_000, OutputPerMillion: 400_000},
		Split:  ledger.DefaultSplit, Storage: store.DefaultSQLite}
	c.ApplyDefaults()
	return c
}

// ApplyDefaults fills every unset optional field.
func (c *Config) ApplyDefaults() {
	if c.Policy == "" {
		c.Policy = PolicyOpen
	}
	if c.PublicURL == "" && c.Listen != "" {
		c.PublicURL = "http://" + c.Listen
	}
	if c.Split == (ledger.Split{}) {
		c.Split = ledger.DefaultSplit
	}
	if c.Monitor.Interval == 0 {
		c.Monitor.Interval = Duration(5 * time.Second)
	}
	if c.Monitor.Timeout == 0 {
		c.Monitor.Timeout = Duration(5 * time.Second)
	}
	if c.Monitor.MaxFailures == 0 {
		c.Monitor.MaxFailures = 3
	}
	c.Canary.applyDefaults()
	c.Replay.applyDefaults()
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = 32 << 20
	}
	if c.ChallengeRate == (RateLimit{}) {
		c.ChallengeRate = RateLimit{PerMinute: 30, Burst: 10}
	}
	if c.Allow == nil {
		c.Allow = []string{}
	}
	if c.Deny == nil {
		c.Deny = []string{}
	}
}

// Validate reports every problem with c in one error.
func (c *Config) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...)))
	}
	if c.Name == "" || strings.ContainsAny(c.Name, "/ \t\r\n") {
		bad("name", "want a domain name like example.gaia.domains, got %q", c.Name)
	}
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		bad("listen", "want HOST:PORT, got %q", c.Listen)
	}
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("public_url", "want http(s)://host[:port], got %q", c.PublicURL)
	}
	switch c.Policy {
	case PolicyOpen, PolicyAllow, PolicyApprove:
	default:
		bad("policy", "want open, allow or approve, got %q", c.Policy)
	}
	for _, list := range []struct {
		name  string
		addrs []string
	}{{"allow", c.Allow}, {"deny", c.Deny}} {
		for _, a := range list.addrs {
			if !identity.IsAddress(a) {
				bad(list.name, "%q is not a node address (0x and 40 hex digits)", a)
			}
		}
	}
	if err := c.Prices.Validate(); err != nil {
		bad("prices", "%v", err)
	}
	if err := c.Split.Validate(); err != nil {
		bad("revenue_split", "%v", err)
	}
	if c.Requirements.MinContextSize < 0 {
		bad("requirements.min_context_size", "must not be negative")
	}
	for _, h := range c.Requirements.hashes() {
		if h.want != "" && !isSHA256(h.want) {
			bad("requirements."+h.field, "want 64 lowercase hex digits (a SHA-256), got %q", h.want)
		}
	}
	if err := c.Replay.validate(); err != nil {
		bad("replay", "%v", err)
	}
	if c.Monitor.Interval < Duration(10*time.Millisecond) || c.Monitor.Timeout <= 0 || c.Monitor.MaxFailures < 1 {
		bad("monitor", "interval must be at least 10ms, timeout positive, max_failures at least 1")
	}
	if c.Canary.Interval < 0 || (c.Canary.Interval > 0 && c.Canary.Interval < Duration(100*time.Millisecond)) || c.Canary.MaxTokens < 1 {
		bad("canary", "interval must be 0 (off) or at least 100ms, max_tokens at least 1")
	}
	if c.MaxBodyBytes < 1024 {
		bad("max_body_bytes", "must be at least 1024")
	}
	if c.ChallengeRate.PerMinute < 1 || c.ChallengeRate.Burst < 1 {
		bad("challenge_rate", "per_minute and burst must be at least 1")
	}
	return errors.Join(errs...)
}

// LoadConfig reads DIR/domain.json, fills defaults and validates it.
func LoadConfig(dir string) (Config, error) {
	p := filepath.Join(dir, ConfigFile)
	b, err := os.ReadFile(p)
	if err != nil {
		return Config{}, err
	}
	var c Config
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Config{}, fmt.Errorf("%s: %w", p, err)
	}
	c.ApplyDefaults()
	if err := c.Validate(); err != nil {
		return Config{}, fmt.Errorf("%s: %w", p, err)
	}
	return c, nil
}

// SaveConfig writes c to DIR/domain.json (mode 0600: it may hold a DSN
// with a password), atomically.
func SaveConfig(dir string, c Config) error {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, ConfigFile+".tmp")
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, ConfigFile))
}

// AdminKey reads DIR/admin.key, which guards the operator API.
func AdminKey(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, AdminKeyFile))
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

// Init creates DIR with domain.json for c and a new admin key (0600). It
// refuses to overwrite an existing domain.
func Init(dir string, c Config) error {
	c.ApplyDefaults()
	if err := c.Validate(); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, ConfigFile)); err == nil {
		return fmt.Errorf("%s already exists", filepath.Join(dir, ConfigFile))
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := WriteAdminKey(dir, NewAdminKey()); err != nil {
		return err
	}
	return SaveConfig(dir, c)
}

// WriteAdminKey replaces DIR/admin.key (0600) with key, atomically.
func WriteAdminKey(dir, key string) error {
	tmp := filepath.Join(dir, AdminKeyFile+".tmp")
	if err := os.WriteFile(tmp, []byte(key+"\n"), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, AdminKeyFile))
}
