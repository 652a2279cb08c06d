// Command build rebuilds the code-execution plugin shipped in the binary
// (plugin/builtin/code) and writes plugin/builtin/code.wasm.gz with its
// digest in code.wasm.sha256; with -check it only compares (CI: the
// committed module must be what its source builds to). Run from the
// module root, or through `go generate ./plugin`.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

func main() {
	check := flag.Bool("check", false, "compare with the committed module instead of writing it")
	dir := flag.String("dir", "plugin/builtin", "the folder holding code/ and the outputs")
	flag.Parse()
	if err := build(*dir, *check); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

func build(dir string, check bool) error {
	tmp, err := os.MkdirTemp("", "code-wasm")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "code.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-buildmode=c-shared", "-o", out, "./"+filepath.ToSlash(filepath.Join(dir, "code")))
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(wasm)
	digest := fmt.Sprintf("%s %s\n", hex.EncodeToString(sum[:]), runtime.Version())
	sumFile := filepath.Join(dir, "code.wasm.sha256")
	if check {
		old, err := os.ReadFile(sumFile)
		if err != nil {
			return err
		}
		if string(old) != digest {
			return fmt.Errorf("the committed code.wasm.gz (%s) is not what its source builds to (%s): run go generate ./plugin",
				strings.TrimSpace(string(old)), strings.TrimSpace(digest))
		}
		fmt.Println("code.wasm reproduces:", strings.TrimSpace(digest))
		return nil
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return err
	}
	zw.Write(wasm)
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "code.wasm.gz"), gz.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(sumFile, []byte(digest), 0o644)
}
