package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/wasmbuild"
)

func TestPluginCommands(t *testing.T) {
	wc := wasmbuild.Go(t, "plugin/examples/go-wordcount", false)
	rev := wasmbuild.C(t, "plugin/examples/c-reverse/reverse.c")
	hostile := wasmbuild.Go(t, "plugin/testdata/hostile", false)
	command := wasmbuild.Go(t, "plugin/testdata/command", true)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "note.txt"), []byte("granted"), 0o644)

	for _, tc := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
		notStdout      string
	}{
		{"check go", []string{"plugin", "check", wc}, 0, "word_count (function word_count)", "", ""},
		{"check c", []string{"plugin", "check", rev}, 0, "Extism plugin ABI", "", ""},
		{"check command", []string{"plugin", "check", command}, 0, "WASI preview 1 command", "", ""},
		{"check not wasm", []string{"plugin", "check", filepath.Join(dir, "note.txt")}, 1, "", "compiling", ""},
		{"run tool", []string{"plugin", "run", wc, "--func", "word_count", "--input", `{"text":"a b c"}`}, 0, `{"words":3}`, "pages", ""},
		{"run plugin error", []string{"plugin", "run", wc, "--func", "word_count", "--input", `{}`}, 1, "", "plugin returned an error", ""},
		{"run trap", []string{"plugin", "run", rev, "--func", "trap"}, 1, "", "plugin trapped", ""},
		{"run timeout", []string{"plugin", "run", hostile, "--func", "loop", "--timeout", "200ms"}, 1, "", "timed out", ""},
		{"run memory limit", []string{"plugin", "run", hostile, "--func", "membomb", "--memory-pages", "200", "--timeout", "20s"}, 1, "", "memory limit", ""},
		{"run output limit", []string{"plugin", "run", hostile, "--func", "bigoutput"}, 1, "", "output limit", ""},
		{"run file not granted", []string{"plugin", "run", hostile, "--func", "readfile", "--input", filepath.Join(dir, "note.txt")}, 1, "", "Bad file number", "granted"},
		{"run file granted", []string{"plugin", "run", hostile, "--func", "readfile", "--input", filepath.Join(dir, "note.txt"), "--allow-path", dir}, 0, "granted", "", ""},
		{"run write read-only", []string{"plugin", "run", hostile, "--func", "writefile", "--input", filepath.Join(dir, "x"), "--allow-path", dir}, 1, "", "plugin returned an error", ""},
		{"run write rw", []string{"plugin", "run", hostile, "--func", "writefile", "--input", filepath.Join(dir, "x"), "--allow-path", dir + ":rw"}, 0, "", "", ""},
		{"run host not granted", []string{"plugin", "run", hostile, "--func", "fetch", "--input", "http://example.com/"}, 1, "", "not granted", ""},
		{"run _start", []string{"plugin", "run", command, "--func", "_start", "--input", "shout"}, 0, "SHOUT", "", ""},
		{"run _start default", []string{"plugin", "run", command, "--input", "exit"}, 1, "", "exited with code 3", ""},
		{"run no func", []string{"plugin", "run", wc}, 2, "", "--func", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tc.args, &out, &errb)
			if code != tc.code || !strings.Contains(out.String(), tc.stdout) || !strings.Contains(errb.String(), tc.stderr) ||
				tc.notStdout != "" && strings.Contains(out.String(), tc.notStdout) {
				t.Fatalf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tc.code, out.String(), errb.String())
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(dir, "x")); err != nil || string(b) != "x" {
		t.Fatalf("the rw grant did not write: %q %v", b, err)
	}
}
