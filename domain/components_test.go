package domain

import (
	"reflect"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/attest"
)

func TestComponents(t *testing.T) {
	a, b, c := attest.Hash([]byte("model")), attest.Hash([]byte("kb")), attest.Hash([]byte("plugin"))
	for name, tc := range map[string]struct {
		info attest.Info
		want []string
	}{
		"none":          {attest.Info{}, nil},
		"model and kb":  {attest.Info{ChatModelSHA256: a, KnowledgeBaseSHA256: b}, []string{a, b}},
		"plugins":       {attest.Info{ChatModelSHA256: a, PluginsSHA256: []string{c, a}}, []string{a, c}},
		"not a sha-256": {attest.Info{ChatModelSHA256: "ABC", EmbeddingModelSHA256: "zz" + a[2:], PluginsSHA256: []string{""}}, nil},
		"system prompt": {attest.Info{SystemPromptSHA256: a}, nil}, // not a component
	} {
		if got := components(tc.info); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: components = %v, want %v", name, got, tc.want)
		}
	}
}

// TestComponentsRecorded: the domain stores the components a node signs
// at admission, and again when the node starts stating others.
func TestComponentsRecorded(t *testing.T) {
	h := newHarness(t, "", nil)
	model, kb, plugin := attest.Hash([]byte("model file")), attest.Hash([]byte("kb file")), attest.Hash([]byte("plugin"))
	state := func(f *attest.Info) {
		f.ChatModelSHA256, f.KnowledgeBaseSHA256, f.PluginsSHA256 = model, kb, []string{plugin}
	}
	n, _ := h.joinWith(0, "m", func(n *stubNode) { n.info.Store(&state) })
	h.waitHealthy(1)
	wait := func(want []string) {
		t.Helper()
		deadline := time.Now().Add(patience)
		for {
			got, err := h.st.NodeComponents(h.ctx, n.addr)
			if err == nil && reflect.DeepEqual(got, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("components of %s = %v (%v), want %v", n.addr, got, err, want)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	wait([]string{model, kb, plugin})
	other := func(f *attest.Info) { f.ChatModelSHA256 = kb }
	n.info.Store(&other)
	wait([]string{kb})
}
