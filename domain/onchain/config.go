package onchain

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/domain"
)

// ConfigFile is the payments settings in a domain's directory. Without it
// the domain takes no payments on a chain.
const ConfigFile = "chain.json"

// Config is chain.json.
type Config struct {
	// RPC is the chain's JSON-RPC URL.
	RPC string `json:"rpc"`
	// Escrow is the domain's escrow contract.
	Escrow string `json:"escrow"`
	// Key is the escrow's settlement signer key, which also pays the gas:
	// a node base folder (nodeid.json and keystore) or a v3 keystore file
	// (password from KeyPasswordFile or GAIANET_KEYSTORE_PASSWORD[_FILE]).
	Key             string `json:"key"`
	KeyPasswordFile string `json:"key_password_file,omitempty"`
	// Confirmations a block needs before its deposits count; default 12.
	// 0 suits a development chain only.
	Confirmations *uint64 `json:"confirmations,omitempty"`
	// StartBlock is where the first scan starts (the escrow's deployment).
	StartBlock uint64 `json:"start_block,omitempty"`
	// Poll is how often the escrow is read; default 5s.
	Poll domain.Duration `json:"poll,omitempty"`
	// SettleEvery is how often the ledger settles; default 10m.
	SettleEvery domain.Duration `json:"settle_every,omitempty"`
	// BatchSize bounds the requests of one batch; default 1000.
	BatchSize int `json:"batch_size,omitempty"`
	// Deadline is how long a batch's signature is valid; default 1h. A
	// batch not settled in time is signed again under the same id.
	Deadline domain.Duration `json:"deadline,omitempty"`
	// Components maps a component's content hash (the lowercase hex
	// SHA-256 a node signs for its model, knowledge-base snapshot or
	// plugin file) to its marketplace token id. Requests served by a node
	// verified to serve a listed component share the escrow's royalty with
	// the token's owner; the service checks at start that each token holds
	// that hash.
	Components map[string]uint64 `json:"components,omitempty"`
	// Lease is how long the replica that settles holds the settler lease
	// without renewing it (it renews every poll); another replica takes
	// over at most this long after it dies. Default 30s, at least 3 polls.
	Lease domain.Duration `json:"lease,omitempty"`
}

// ApplyDefaults fills the unset optional fields.
func (c *Config) ApplyDefaults() {
	if c.Confirmations == nil {
		n := uint64(12)
		c.Confirmations = &n
	}
	if c.Poll == 0 {
		c.Poll = domain.Duration(5 * time.Second)
	}
	if c.SettleEvery == 0 {
		c.SettleEvery = domain.Duration(10 * time.Minute)
	}
	if c.BatchSize == 0 {
		c.BatchSize = 1000
	}
	if c.Deadline == 0 {
		c.Deadline = domain.Duration(time.Hour)
	}
	if c.Lease == 0 {
		c.Lease = domain.Duration(max(30*time.Second, 3*time.Duration(c.Poll)))
	}
}

// Validate reports every problem with c in one error.
func (c *Config) Validate() error {
	var errs []error
	if u, err := url.Parse(c.RPC); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ws" && u.Scheme != "wss") {
		errs = append(errs, fmt.Errorf("rpc: want an http(s) or ws(s) URL, got %q", c.RPC))
	}
	if !common.IsHexAddress(c.Escrow) {
		errs = append(errs, fmt.Errorf("escrow: %q is not an address", c.Escrow))
	}
	if c.Key == "" {
		errs = append(errs, errors.New("key: the settlement signer's keystore is required"))
	}
	if c.Poll < domain.Duration(10*time.Millisecond) || c.SettleEvery < domain.Duration(100*time.Millisecond) {
		errs = append(errs, errors.New("poll must be at least 10ms and settle_every at least 100ms"))
	}
	if c.BatchSize < 1 || c.BatchSize > 10_000 {
		errs = append(errs, fmt.Errorf("batch_size: want 1 to 10000, got %d", c.BatchSize))
	}
	if c.Lease < 3*c.Poll {
		errs = append(errs, fmt.Errorf("lease (%s) must be at least 3 polls (%s)", time.Duration(c.Lease), 3*time.Duration(c.Poll)))
	}
	if c.Deadline < domain.Duration(time.Minute) {
		errs = append(errs, errors.New("deadline must be at least 1m"))
	}
	for h, id := range c.Components {
		if b, err := hex.DecodeString(h); err != nil || len(b) != 32 || hex.EncodeToString(b) != h {
			errs = append(errs, fmt.Errorf("components: %q is not a lowercase hex SHA-256", h))
		}
		if id == 0 {
			errs = append(errs, fmt.Errorf("components: %s: token ids start at 1", h))
		}
	}
	return errors.Join(errs...)
}

// LoadConfig reads DIR/chain.json; ok is false when there is none.
func LoadConfig(dir string) (c Config, ok bool, err error) {
	p := filepath.Join(dir, ConfigFile)
	b, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return Config{}, false, nil
	}
	if err != nil {
		return Config{}, false, err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Config{}, false, fmt.Errorf("%s: %w", p, err)
	}
	c.ApplyDefaults()
	if err := c.Validate(); err != nil {
		return Config{}, false, fmt.Errorf("%s: %w", p, err)
	}
	return c, true, nil
}

// SaveConfig writes DIR/chain.json (mode 0600), atomically.
func SaveConfig(dir string, c Config) error {
	c.ApplyDefaults()
	if err := c.Validate(); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	return config.WriteFileAtomic(filepath.Join(dir, ConfigFile), append(b, '\n'), 0o600)
}
