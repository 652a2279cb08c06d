//go:build !linux

package main

import "errors"

// listenAddrs is not implemented outside Linux; info then shows the port
// from config.json.
func listenAddrs(pid int) ([]string, error) {
	return nil, errors.New("listening sockets of another process are read on Linux only")
}
