package wasmbuild

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

var mu sync.Mutex

// cacheDir is where built modules are kept.
func cacheDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	d = filepath.Join(d, "gaianet-test-wasm")
	return d, os.MkdirAll(d, 0o755)
}

// key hashes the files under dirs (and the Go version), so a change to a
// plugin or to the PDK rebuilds it.
func key(extra string, paths ...string) (string, error) {
	h := sha256.New()
	fmt.Fprintln(h, runtime.Version(), extra)
	for _, p := range paths {
		var files []string
		err := filepath.WalkDir(p, func(f string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				files = append(files, f)
			}
			return nil
		})
		if err != nil {
			return "", err
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return "", err
			}
			fmt.Fprintf(h, "%s %d\n", f, len(b))
			h.Write(b)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// Go builds the main package in dir (a path relative to the module root,
// e.g. "plugin/examples/go-wordcount") as a wasip1 reactor and returns the
// .wasm path. With command set it builds a plain wasip1 command (_start).
func Go(tb testing.TB, dir string, command bool) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	root := moduleRoot(tb)
	k, err := key(fmt.Sprint(command)+" -buildvcs=false", filepath.Join(root, dir), filepath.Join(root, "plugin", "pdk"), filepath.Join(root, "go.sum"))
	if err != nil {
		tb.Fatalf("wasmbuild: %v", err)
	}
	cd, err := cacheDir()
	if err != nil {
		tb.Fatalf("wasmbuild: %v", err)
	}
	out := filepath.Join(cd, strings.ReplaceAll(dir, "/", "_")+"-"+k+".wasm")
	if _, err := os.Stat(out); err == nil {
		return out
	}
	args := []string{"build", "-trimpath", "-buildvcs=false", "-o", out + ".tmp"}
	if !command {
		args = append(args, "-buildmode=c-shared")
	}
	args = append(args, "./"+dir)
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = "/usr/local/go/bin/go"
	}
	cmd := exec.Command(goBin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("wasmbuild: go %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	if err := os.Rename(out+".tmp", out); err != nil {
		tb.Fatal(err)
	}
	return out
}

// C compiles the C file src (relative to the module root) as a wasm32-wasi
// reactor with clang and wasi-libc; it skips (fails under CI) when they
// are not installed.
func C(tb testing.TB, src string) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	clang, err := exec.LookPath("clang")
	if err != nil {
		sharedtest.Missing(tb, "clang is not installed (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)")
	}
	if _, err := os.Stat("/usr/include/wasm32-wasi/stdlib.h"); err != nil {
		sharedtest.Missing(tb, "wasi-libc is not installed (apt-get install wasi-libc)")
	}
	root := moduleRoot(tb)
	k, err := key("c", filepath.Join(root, src))
	if err != nil {
		tb.Fatalf("wasmbuild: %v", err)
	}
	cd, err := cacheDir()
	if err != nil {
		tb.Fatalf("wasmbuild: %v", err)
	}
	out := filepath.Join(cd, strings.ReplaceAll(src, "/", "_")+"-"+k+".wasm")
	if _, err := os.Stat(out); err == nil {
		return out
	}
	args := []string{"--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-mexec-model=reactor", "-o", out + ".tmp", filepath.Join(root, src)}
	if b, err := exec.Command(clang, args...).CombinedOutput(); err != nil {
		tb.Fatalf("wasmbuild: clang %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	if err := os.Rename(out+".tmp", out); err != nil {
		tb.Fatal(err)
	}
	return out
}

// moduleRoot is the folder holding go.mod, above the working directory.
func moduleRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("wasmbuild: no go.mod above the working directory")
		}
		dir = parent
	}
}
