package onchain

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadConfig: any chain.json either loads as a valid configuration or
// is refused with an error; nothing panics.
func FuzzLoadConfig(f *testing.F) {
	f.Add(`{"rpc":"http://127.0.0.1:8545","escrow":"0x0000000000000000000000000000000000000001","key":"k","confirmations":0,"poll":"200ms"}`)
	f.Add(`{"rpc":"http://x","escrow":"0x01","key":""}`)
	f.Add(`{"rpc":"ws://h:1","escrow":"0x0000000000000000000000000000000000000001","key":"k","batch_size":0,"unknown":1}`)
	f.Add(`{"rpc":"http://h:1","escrow":"0x0000000000000000000000000000000000000001","key":"k","components":{"` +
		`9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08":1,"9F86":0}}`)
	f.Add(`{"rpc":"http://h:1","escrow":"0x0000000000000000000000000000000000000001","key":"k","components":{"` +
		`9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08":18446744073709551615}}`)
	f.Fuzz(func(t *testing.T, text string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		c, ok, err := LoadConfig(dir)
		if err != nil {
			return
		}
		if !ok {
			t.Fatal("an existing file reported missing")
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("loaded an invalid configuration: %v", err)
		}
	})
}

func TestLoadConfigMissingAndSaved(t *testing.T) {
	dir := t.TempDir()
	if _, ok, err := LoadConfig(dir); ok || err != nil {
		t.Fatalf("no chain.json: ok %v, err %v", ok, err)
	}
	c := Config{RPC: "http://127.0.0.1:8545", Escrow: "0x0000000000000000000000000000000000000001", Key: "k"}
	if err := SaveConfig(dir, c); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, ConfigFile))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("chain.json mode %v, %v", st.Mode(), err)
	}
	got, ok, err := LoadConfig(dir)
	if err != nil || !ok || got.BatchSize != 1000 || *got.Confirmations != 12 {
		t.Fatalf("loaded %+v, %v, %v", got, ok, err)
	}
}
