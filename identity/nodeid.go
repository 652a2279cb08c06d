package identity

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
)

const maxNodeIDBytes = 64 << 10

// NodeID is the content of nodeid.json, GaiaNet's record of the node key:
//
//	{
//	  "address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
//	  "keystore": "9b0c6f5e-0a3d-4a43-9c39-6c1e1b7f3c1a",
//	  "password": "Xy3…(30 letters and digits)"
//	}
//
// GaiaNet writes the address in lower case; we write EIP-55 and read both.
// Keys other than these three are kept in Extra and written back.
type NodeID struct {
	// Address is the node's Ethereum address, "0x" + 40 hex digits.
	Address string
	// Keystore is the keystore file name, relative to the base directory.
	Keystore string
	// Password decrypts the keystore.
	Password string
	// Extra holds other keys verbatim.
	Extra map[string]json.RawMessage
}

// ReadNodeID reads a nodeid.json. An empty object ("{}", GaiaNet's
// starting file) gives a zero NodeID. Errors wrap the os errors, so
// errors.Is(err, fs.ErrNotExist) tells a missing file.
func ReadNodeID(path string) (*NodeID, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxNodeIDBytes+1))
	if err != nil {
		return nil, fmt.Errorf("identity: read %s: %w", path, err)
	}
	if len(data) > maxNodeIDBytes {
		return nil, fmt.Errorf("identity: %s is larger than %d bytes", path, maxNodeIDBytes)
	}
	n, err := decodeNodeID(data)
	if err != nil {
		return nil, fmt.Errorf("identity: %s: %w", path, err)
	}
	return n, nil
}

func decodeNodeID(data []byte) (*NodeID, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	n := &NodeID{}
	for key, dst := range map[string]*string{"address": &n.Address, "keystore": &n.Keystore, "password": &n.Password} {
		raw, ok := m[key]
		if !ok {
			continue
		}
		delete(m, key)
		if string(raw) == "null" {
			continue
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			return nil, fmt.Errorf("field %q: want a string", key)
		}
	}
	if len(m) > 0 {
		n.Extra = m
	}
	return n, nil
}

// Write stores n at path atomically with mode 0600, in GaiaNet's shape:
// sorted keys, two-space indentation.
func (n *NodeID) Write(path string) error {
	data, err := n.encode()
	if err != nil {
		return fmt.Errorf("identity: %s: %w", path, err)
	}
	return writeFileAtomic(path, data, 0o600)
}

func (n *NodeID) encode() ([]byte, error) {
	m := make(map[string]any, len(n.Extra)+3)
	for k, v := range n.Extra {
		m[k] = v
	}
	m["address"] = n.Address
	m["keystore"] = n.Keystore
	m["password"] = n.Password
	data, err := json.MarshalIndent(m, "", "  ") // map keys come out sorted
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

const passwordChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// NewPassword returns a random keystore password like GaiaNet's: 30
// letters and digits from crypto/rand, with at least one upper-case letter,
// one lower-case letter and one digit.
func NewPassword() (string, error) {
	limit := big.NewInt(int64(len(passwordChars)))
	for {
		var b strings.Builder
		for range 30 {
			i, err := rand.Int(rand.Reader, limit)
			if err != nil {
				return "", fmt.Errorf("identity: password: %w", err)
			}
			b.WriteByte(passwordChars[i.Int64()])
		}
		s := b.String()
		if strings.ContainsAny(s, passwordChars[:26]) && strings.ContainsAny(s, passwordChars[26:52]) &&
			strings.ContainsAny(s, passwordChars[52:]) {
			return s, nil
		}
	}
}
