package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/gaianet-go/gaianet/internal/atomicfile"
)

// FileName is the config file's name in a node's base directory.
const FileName = "config.json"

// Load reads and decodes the config file at path and applies defaults. It
// does not validate: a caller that edits the file (`gaianet config`) can
// load a broken config, fix it and save it; one that runs the node calls
// Validate. Errors name the path.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return nil, fmt.Errorf("config: read %s: %w", path, err)
	}
	c, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("config: %s: %w", path, err)
	}
	c.ApplyDefaults()
	return c, nil
}

// Save writes c to path atomically: it encodes c, writes a temporary file in
// the same directory, syncs it and renames it over path, so a crash leaves
// either the old file or the new one. The file holds API keys, so it is
// written 0600 (an existing file keeps its bits minus any for group and
// others). Save does not validate.
func (c *Config) Save(path string) error {
	data, err := c.Encode()
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data, FileMode)
}

// FileMode is the permission of a node's config.json: it holds API keys.
const FileMode fs.FileMode = 0o600

// Tighten removes any permission beyond perm from the file at path (a
// config.json an older version wrote 0644), never loosening it. A missing
// file is not an error.
func Tighten(path string, perm fs.FileMode) error {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if cur := st.Mode().Perm(); cur&^perm != 0 {
		if err := os.Chmod(path, cur&perm); err != nil {
			return fmt.Errorf("config: %w", err)
		}
	}
	return nil
}

// WriteFileAtomic writes data to path through a temporary file in the same
// directory and a rename. perm applies when path does not exist yet;
// otherwise the existing file's permission bits are kept, without any that
// perm does not have.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) (err error) {
	if st, statErr := os.Stat(path); statErr == nil {
		perm &= st.Mode().Perm()
	} else if !errors.Is(statErr, fs.ErrNotExist) {
		return fmt.Errorf("config: %w", statErr)
	}
	if err := atomicfile.WriteFile(path, data, perm); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}
