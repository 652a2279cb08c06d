package tools

import (
	"fmt"
	"os"
	"strings"

	"github.com/gaianet-go/gaianet/config"
)

// readSecret returns the value s stands for: its plain value, the
// environment variable it names, or its file's content (trimmed), with its
// prefix. A file group or others may read or write is refused: secrets are
// 0600.
func readSecret(s config.Secret) (string, error) {
	switch {
	case s.Env != "":
		v := os.Getenv(s.Env)
		if v == "" {
			return "", fmt.Errorf("environment variable %s is not set", s.Env)
		}
		return s.Prefix + v, nil
	case s.File != "":
		fi, err := os.Stat(s.File)
		if err != nil {
			return "", fmt.Errorf("secret file: %w", err)
		}
		if m := fi.Mode().Perm(); m&0o077 != 0 {
			return "", fmt.Errorf("secret file %s has mode %04o: group or others may access it; run chmod 600 %s", s.File, m, s.File)
		}
		b, err := os.ReadFile(s.File)
		if err != nil {
			return "", fmt.Errorf("secret file: %w", err)
		}
		v := strings.TrimSpace(string(b))
		if v == "" {
			return "", fmt.Errorf("secret file %s is empty", s.File)
		}
		if strings.ContainsAny(v, "\r\n") {
			return "", fmt.Errorf("secret file %s holds more than one line", s.File)
		}
		return s.Prefix + v, nil
	}
	return s.Prefix + s.Value, nil
}

// readSecrets resolves every value of m; what names the map in errors.
func readSecrets(what string, m map[string]config.Secret) (map[string]string, error) {
	out := make(map[string]string, len(m))
	for k, s := range m {
		v, err := readSecret(s)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", what, k, err)
		}
		out[k] = v
	}
	return out, nil
}
