package plugin_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/internal/wasmbuild"
	"github.com/gaianet-go/gaianet/plugin"
)

// TestBuiltinCodeReproducible rebuilds the committed code-execution module
// from its source: the bytes must be identical.
func TestBuiltinCodeReproducible(t *testing.T) {
	sha, goVersion := plugin.BuiltinDigest()
	if goVersion != runtime.Version() {
		msg := "the embedded module was built with " + goVersion + ", this is " + runtime.Version()
		if sharedtest.Required() {
			t.Fatal(msg + ": run go generate ./plugin with the project's Go")
		}
		t.Skip(msg)
	}
	b, err := os.ReadFile(wasmbuild.Go(t, "plugin/builtin/code", false))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != sha {
		t.Fatalf("plugin/builtin/code builds to %s, the committed module is %s: run go generate ./plugin", got, sha)
	}
}

func TestBuiltinCode(t *testing.T) {
	ms, err := plugin.ParseManifests([]byte(`[{"name":"code","builtin":"code","memory_pages":400,"timeout":"20s",
		"config":{"max_steps":"2000000","max_output_bytes":"1000"}}]`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := plugin.NewRegistry(context.Background(), newHost(t, nil), ms, "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close(context.Background())
	tool, err := r.PluginTool("code", "")
	if err != nil {
		t.Fatal(err)
	}
	if tool.Name() != "run_code" {
		t.Fatalf("tool %s", tool.Name())
	}
	type out struct {
		Output, Result, Error string
		Steps                 uint64
	}
	call := func(code string) (out, error) {
		args, _ := json.Marshal(map[string]string{"code": code})
		b, err := tool.Call(context.Background(), args)
		var o out
		if err == nil {
			err = json.Unmarshal(b, &o)
		}
		return o, err
	}
	for _, tc := range []struct{ code, output, result, errHas string }{
		{"print(1 + 2)\nresult = [x * x for x in range(4)]", "3\n", "[0, 1, 4, 9]", ""},
		{"def fib(n):\n  return n if n < 2 else fib(n-1) + fib(n-2)\nresult = fib(15)", "", "610", ""},
		{`result = json.encode({"a": math.sqrt(16)})`, "", `"{\"a\":4.0}"`, ""},
		{"print('before')\nx = 1 // 0", "before\n", "", "division by zero"},
		{"while True:\n  pass", "", "", "too many steps"},
		{"for i in range(100000):\n  print('xxxxxxxxxx')", "", "", "output over 1000 bytes"},
		{"f = open('/etc/passwd')", "", "", "undefined: open"},
		{"load('os', 'system')", "", "", "load not implemented"},
	} {
		o, err := call(tc.code)
		if err != nil {
			t.Fatalf("%q: %v", tc.code, err)
		}
		if !strings.HasPrefix(o.Output, tc.output) || o.Result != tc.result || !strings.Contains(o.Error, tc.errHas) || (tc.errHas == "") != (o.Error == "") {
			t.Errorf("%q: got %+v", tc.code, o)
		}
	}
	// Memory is bounded by the manifest's pages.
	_, err = call("l = []\nfor i in range(1000000000):\n  l.append('x' * 100000)")
	if !errors.Is(err, plugin.ErrMemoryLimit) {
		t.Fatalf("memory bomb: %v", err)
	}
	if o, err := call("result = 'fine'"); err != nil || o.Result != `"fine"` {
		t.Fatalf("after the memory bomb: %+v %v", o, err)
	}
}
