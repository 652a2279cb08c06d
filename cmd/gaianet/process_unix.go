//go:build unix

package main

import (
	"errors"
	"os/exec"
	"syscall"
)

// filePermsMeaningful: Unix permission bits say who may read a file.
const filePermsMeaningful = true

// detach makes cmd a session leader, so it outlives us and our terminal
// (no SIGHUP when the terminal closes).
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}

// requestStop sends SIGTERM; the node (main's signal context) shuts down
// gracefully.
func requestStop(pid int) error { return syscall.Kill(pid, syscall.SIGTERM) }

// watchStopRequests: on Unix the request is SIGTERM, which main already
// turns into a cancelled context.
func watchStopRequests(stop func()) (release func(), err error) { return func() {}, nil }

func forceKill(pid int) error { return syscall.Kill(pid, syscall.SIGKILL) }

func isAddrInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }
