package plugin_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/gaianet-go/gaianet/internal/wasmbuild"
	"github.com/gaianet-go/gaianet/plugin"
)

// TestExtismHostAgrees runs the example plugins under Extism's own host SDK
// (plugin/testdata/extismhost, its own module, so the node does not depend
// on the SDK) and under package plugin: the ABI hosted here must give the
// same outputs and the same failures as the reference.
func TestExtismHostAgrees(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = "/usr/local/go/bin/go"
	}
	ref := filepath.Join(t.TempDir(), "extismhost")
	cmd := exec.Command(goBin, "build", "-o", ref, ".")
	cmd.Dir = filepath.Join("testdata", "extismhost")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the Extism reference host: %v\n%s", err, out)
	}
	wc := wasmbuild.Go(t, "plugin/examples/go-wordcount", false)
	rev := wasmbuild.C(t, "plugin/examples/c-reverse/reverse.c")
	hostile := wasmbuild.Go(t, "plugin/testdata/hostile", false)
	h := newHost(t, nil)
	for _, tc := range []struct {
		name, wasm, fn, input string
		config                map[string]string
	}{
		{"c tool", rev, "reverse", `{"text": "extism"}`, nil},
		{"c describe", rev, "gaianet_describe", ``, nil},
		{"c bad input", rev, "reverse", `{}`, nil},
		{"c trap", rev, "trap", ``, nil},
		{"go tool", wc, "word_count", `{"text":"one two three four"}`, nil},
		{"go describe", wc, "gaianet_describe", ``, nil},
		{"go bad input", wc, "word_count", `[]`, nil},
		{"go prompt hook", wc, "prompt_hook", `{"messages":[{"role":"user","content":"hi"}],"chunks":[{"text":"DROP","score":1},{"text":"keep","score":0.5}]}`,
			map[string]string{"note": "Be brief."}},
		{"go response hook", wc, "response_hook", `{"content":"Hello"}`, map[string]string{"signature": " --"}},
		{"go config", hostile, "config", `city`, map[string]string{"city": "Lyon"}},
		{"go config unset", hostile, "config", `city`, nil},
		{"go echo", hostile, "echo", `0123456789abcdefXYZ`, nil},
		{"go vars", hostile, "counter", ``, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{tc.wasm, tc.fn, tc.input}
			for k, v := range tc.config {
				args = append(args, k+"="+v)
			}
			var stdout, stderr bytes.Buffer
			c := exec.Command(ref, args...)
			c.Env = append(os.Environ(), "EXTISMHOST_CACHE="+filepath.Join(testCacheDir(t), "extism"))
			c.Stdout, c.Stderr = &stdout, &stderr
			refErr := c.Run()

			p := load(t, h, tc.wasm, plugin.Manifest{Config: tc.config})
			res, err := p.Call(context.Background(), tc.fn, []byte(tc.input))
			switch {
			case (refErr == nil) != (err == nil):
				t.Fatalf("Extism: %v %s; here: %v", refErr, stderr.Bytes(), err)
			case err == nil && !bytes.Equal(res.Output, stdout.Bytes()):
				t.Fatalf("Extism output %s, here %s", stdout.Bytes(), res.Output)
			}
			t.Logf("both: %s%v", stdout.Bytes(), err)
		})
	}
}
