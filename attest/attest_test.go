package attest

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/identity"
)

func newID(t testing.TB) *identity.Identity {
	t.Helper()
	id, err := identity.Create(t.TempDir(), identity.LightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestAnswer(t *testing.T) {
	node, other := newID(t), newID(t)
	a := Answer{Request: Hash([]byte(`{"model":"m"}`)), Seed: 42, Output: Hash([]byte("hello"))}
	sig, err := a.Sign(node)
	if err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	h.Set(HeaderRequest, a.Request)
	h.Set(HeaderSeed, strconv.FormatUint(a.Seed, 10))
	h.Set(HeaderOutput, a.Output)
	h.Set(HeaderSignature, sig)
	got, gotSig, err := ReadAnswer(h, node.Address())
	if err != nil || got != a || gotSig != sig {
		t.Fatalf("ReadAnswer = %+v, %q, %v", got, gotSig, err)
	}
	for _, tc := range []struct {
		name string
		edit func(h http.Header)
		addr string
	}{
		{"another node's key", func(http.Header) {}, other.Address()},
		{"output changed", func(h http.Header) { h.Set(HeaderOutput, Hash([]byte("hellO"))) }, node.Address()},
		{"seed changed", func(h http.Header) { h.Set(HeaderSeed, "43") }, node.Address()},
		{"no signature", func(h http.Header) { h.Del(HeaderSignature) }, node.Address()},
		{"bad seed", func(h http.Header) { h.Set(HeaderSeed, "-1") }, node.Address()},
		{"short hash", func(h http.Header) { h.Set(HeaderRequest, "abc") }, node.Address()},
		{"upper-case hash", func(h http.Header) { h.Set(HeaderRequest, strings.ToUpper(a.Request)) }, node.Address()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h2 := h.Clone()
			tc.edit(h2)
			if _, _, err := ReadAnswer(h2, tc.addr); !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
		})
	}
	if err := VerifyAnswer(a, node.Address(), sig); err != nil {
		t.Fatal(err)
	}
}

func TestInfo(t *testing.T) {
	node, other := newID(t), newID(t)
	now := time.Unix(1_800_000_000, 0)
	info := Info{NodeID: node.Address(), ChatModel: "llama", ChatModelSHA256: Hash([]byte("gguf")),
		SystemPromptSHA256: Hash([]byte("be brief")), PluginsSHA256: []string{Hash([]byte("wasm"))}, ContextSize: 4096, Nonce: "n1", Time: now.Unix()}
	att, err := info.Sign(node)
	if err != nil {
		t.Fatal(err)
	}
	got, err := att.Verify(node.Address(), "n1", now.Add(10*time.Second))
	if err != nil || !reflect.DeepEqual(got, info) {
		t.Fatalf("Verify = %+v, %v", got, err)
	}
	forged := info
	forged.NodeID = node.Address() // another key claims node's identity
	fatt, err := forged.Sign(other)
	if err != nil {
		t.Fatal(err)
	}
	selfOther := info
	selfOther.NodeID = other.Address()
	oatt, err := selfOther.Sign(other)
	if err != nil {
		t.Fatal(err)
	}
	tampered := att
	tampered.Statement = strings.Replace(att.Statement, `"ctx_size":4096`, `"ctx_size":8192`, 1)
	for _, tc := range []struct {
		name  string
		a     Attestation
		addr  string
		nonce string
		at    time.Time
	}{
		{"forged by another key", fatt, node.Address(), "n1", now},
		{"another node's statement", oatt, node.Address(), "n1", now},
		{"tampered", tampered, node.Address(), "n1", now},
		{"replayed for another nonce", att, node.Address(), "n2", now},
		{"stale", att, node.Address(), "n1", now.Add(MaxAge + time.Second)},
		{"from the future", att, node.Address(), "n1", now.Add(-MaxAge - time.Second)},
		{"not a statement", Attestation{Statement: "hello", Signature: att.Signature}, node.Address(), "n1", now},
		{"bad signature", Attestation{Statement: att.Statement, Signature: "0x12"}, node.Address(), "n1", now},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.a.Verify(tc.addr, tc.nonce, tc.at); !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
		})
	}
}

// FuzzVerify feeds arbitrary statements and signatures to the checks a
// domain runs on what a node sends: they never panic and accept only a
// statement the key signed.
func FuzzVerify(f *testing.F) {
	node := newID(f)
	info := Info{NodeID: node.Address(), ChatModel: "m", Nonce: "n", Time: 1}
	att, err := info.Sign(node)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(att.Statement, att.Signature, "n", "1", "0x00")
	f.Add("gaianet info v1\n{}", "0x", "", "x", "")
	f.Fuzz(func(t *testing.T, statement, sig, nonce, seed, hash string) {
		a := Attestation{Statement: statement, Signature: sig}
		if _, err := a.Verify(node.Address(), nonce, time.Unix(1, 0)); err == nil && statement != att.Statement {
			t.Fatalf("accepted a statement the node did not sign: %q", statement)
		}
		h := http.Header{}
		h.Set(HeaderSeed, seed)
		h.Set(HeaderRequest, hash)
		h.Set(HeaderOutput, hash)
		h.Set(HeaderSignature, sig)
		if _, _, err := ReadAnswer(h, node.Address()); err == nil {
			t.Fatalf("accepted an unsigned answer: %v", h)
		}
	})
}

// TestText checks Text against encoding/json: the text a node hashes is
// the text a client decodes, invalid UTF-8 included.
func TestText(t *testing.T) {
	for _, s := range []string{"plain", "caf\xc3\xa9", "\xff\xfe", "a\xe2\x82", "\xe2\x82\xac\xe2", "", "\x80abc\xc3"} {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var decoded string
		if err := json.Unmarshal(b, &decoded); err != nil {
			t.Fatal(err)
		}
		if got := Text(s); got != decoded {
			t.Errorf("Text(%q) = %q, a JSON client reads %q", s, got, decoded)
		}
	}
}
