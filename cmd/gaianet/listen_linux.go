package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// listenAddrs returns the TCP addresses process pid listens on, read from
// /proc: the socket inodes among its open files, matched with the
// listening sockets of /proc/net/tcp and tcp6.
func listenAddrs(pid int) ([]string, error) {
	fds, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		return nil, err
	}
	inodes := map[string]bool{}
	for _, fd := range fds {
		link, err := os.Readlink(filepath.Join(fmt.Sprintf("/proc/%d/fd", pid), fd.Name()))
		if err != nil {
			continue
		}
		if ino, ok := strings.CutPrefix(link, "socket:["); ok {
			inodes[strings.TrimSuffix(ino, "]")] = true
		}
	}
	var out []string
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		addrs, err := listeningSockets(table, inodes)
		if err != nil && !os.IsNotExist(err) {
			return nil, err
		}
		out = append(out, addrs...)
	}
	return out, nil
}

// listeningSockets reads a /proc/net/tcp-format table and returns the local
// addresses of the listening sockets whose inode is in inodes.
func listeningSockets(table string, inodes map[string]bool) ([]string, error) {
	f, err := os.Open(table)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Scan() // the header
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		// sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
		if len(fields) < 10 || fields[3] != "0A" || !inodes[fields[9]] {
			continue
		}
		if addr, ok := parseProcAddr(fields[1]); ok {
			out = append(out, addr)
		}
	}
	return out, sc.Err()
}

// parseProcAddr decodes "0100007F:1F90" (an IPv4 or IPv6 address as
// 32-bit words in host byte order, then the port) into "127.0.0.1:8080".
func parseProcAddr(s string) (string, bool) {
	hexIP, hexPort, ok := strings.Cut(s, ":")
	if !ok {
		return "", false
	}
	raw, err := hex.DecodeString(hexIP)
	if err != nil || (len(raw) != 4 && len(raw) != 16) {
		return "", false
	}
	port, err := strconv.ParseUint(hexPort, 16, 16)
	if err != nil {
		return "", false
	}
	ip := make(net.IP, len(raw))
	for w := 0; w < len(raw); w += 4 { // each word is little-endian
		ip[w], ip[w+1], ip[w+2], ip[w+3] = raw[w+3], raw[w+2], raw[w+1], raw[w]
	}
	return net.JoinHostPort(ip.String(), strconv.Itoa(int(port))), true
}
