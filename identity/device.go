package identity

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// NewDeviceID returns a fresh device ID in GaiaNet's form: "device-"
// followed by 24 lower-case hex digits (12 random bytes).
func NewDeviceID() (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("identity: device ID: %w", err)
	}
	return "device-" + hex.EncodeToString(b[:]), nil
}

// LoadOrCreateDeviceID returns the device ID stored in dir/deviceid.txt,
// creating the file (one line, mode 0600) when it is missing or blank, as
// GaiaNet's installer does. A non-blank value is returned trimmed, whatever
// its form, so a GaiaNet-made file is kept. created tells whether a new ID
// was written.
func LoadOrCreateDeviceID(dir string) (id string, created bool, err error) {
	path := filepath.Join(dir, DeviceIDFileName)
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		if id = strings.TrimSpace(string(data)); id != "" {
			if strings.ContainsAny(id, "\r\n") {
				return "", false, fmt.Errorf("identity: %s holds more than one line", path)
			}
			return id, false, nil
		}
	case !errors.Is(err, fs.ErrNotExist):
		return "", false, fmt.Errorf("identity: %w", err)
	}
	if id, err = NewDeviceID(); err != nil {
		return "", false, err
	}
	if err := writeFileAtomic(path, []byte(id+"\n"), 0o600); err != nil {
		return "", false, err
	}
	return id, true, nil
}
