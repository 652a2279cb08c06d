package domain

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Config)
		want string // substring of the error; "" means valid
	}{
		{"default", func(c *Config) {}, ""},
		{"name", func(c *Config) { c.Name = "a b" }, "name:"},
		{"listen", func(c *Config) { c.Listen = "9000" }, "listen:"},
		{"public url", func(c *Config) { c.PublicURL = "ftp://x" }, "public_url:"},
		{"policy", func(c *Config) { c.Policy = "closed" }, "policy:"},
		{"allow", func(c *Config) { c.Allow = []string{"0x12"} }, "allow:"},
		{"split", func(c *Config) { c.Split.NodeBPS = 9000 }, "revenue_split:"},
		{"prices", func(c *Config) { c.Prices.PerRequest = -1 }, "prices:"},
		{"monitor", func(c *Config) { c.Monitor.MaxFailures = -1 }, "monitor:"},
		{"canary", func(c *Config) { c.Canary.Interval = 1 }, "canary:"},
		{"min ctx", func(c *Config) { c.Requirements.MinContextSize = -5 }, "min_context_size"},
	} {
		c := Default("d.example", "127.0.0.1:9000")
		tc.edit(&c)
		err := c.Validate()
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestConfigRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c := Default("d.example", "127.0.0.1:9000")
	c.Deny = []string{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}
	c.Canary.Interval = Duration(30e9)
	if err := Init(dir, c); err != nil {
		t.Fatal(err)
	}
	got, err := LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Fatalf("round trip:\n%+v\n%+v", got, c)
	}
	for _, f := range []string{ConfigFile, AdminKeyFile} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", f, st, err)
		}
	}
	os.WriteFile(filepath.Join(dir, ConfigFile), []byte(`{"name":"d.example","listen":"127.0.0.1:1","polcy":"open"}`), 0o600)
	if _, err := LoadConfig(dir); err == nil || !strings.Contains(err.Error(), "polcy") {
		t.Fatalf("a misspelt field: %v", err)
	}
}

func FuzzLoadConfig(f *testing.F) {
	f.Add([]byte(`{"name":"d.example","listen":"127.0.0.1:9000","prices":{"input_per_million":0.1},"monitor":{"interval":"5s"}}`))
	f.Add([]byte(`{"name":"x","listen":":1","revenue_split":{"node_bps":10000,"operator_bps":0,"staker_bps":0},"canary":{"interval":"1s"}}`))
	f.Add([]byte(`{"monitor":{"interval":5}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, ConfigFile), b, 0o600)
		c, err := LoadConfig(dir)
		if err != nil {
			return
		}
		// What loads validates, saves and loads back the same.
		if err := SaveConfig(dir, c); err != nil {
			t.Fatal(err)
		}
		back, err := LoadConfig(dir)
		if err != nil || !reflect.DeepEqual(back, c) {
			t.Fatalf("round trip of %q: %v\n%+v\n%+v", b, err, c, back)
		}
	})
}
