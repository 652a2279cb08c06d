//go:build wasip1

package main

import (
	"crypto/rand"
	"encoding/hex"
)

func randBytes(b []byte) string {
	rand.Read(b)
	return hex.EncodeToString(b)
}
