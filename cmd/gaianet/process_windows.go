//go:build windows

package main

// Windows has no SIGTERM to send to another process: os.Process.Signal
// supports only Kill there, and console control events (CTRL_BREAK_EVENT)
// reach only processes sharing the sender's console, which a detached node
// does not. So a node asks to be stopped through a named event,
// Local\gaianet-stop-<pid>: the node creates it at start (with the default
// security descriptor: only the same user, SYSTEM and administrators may
// open it) and a goroutine waits on it; 'gaianet stop' opens it by the pid
// recorded in the pid file and sets it, and the node shuts down as on
// Ctrl-C. A process that has no such event is not a node we started, so
// stop never disturbs an unrelated program that reused the pid.
//
// Untested here (CI runs Linux): this file is compiled and vetted for
// windows/amd64 and windows/arm64 only.

import (
	"errors"
	"fmt"
	"os/exec"
	"syscall"

	"golang.org/x/sys/windows"
)

// filePermsMeaningful: Windows ignores Unix permission bits (access is by
// ACL, inherited from the folder), so mode checks would only mislead.
const filePermsMeaningful = false

func stopEventName(pid int) string { return fmt.Sprintf(`Local\gaianet-stop-%d`, pid) }

// detach starts cmd without a console (DETACHED_PROCESS) in its own process
// group (CREATE_NEW_PROCESS_GROUP: Ctrl-C in our console does not reach it).
// Its stdout and stderr still go to the log file: os/exec hands it the
// file handles.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{
		CreationFlags: windows.DETACHED_PROCESS | windows.CREATE_NEW_PROCESS_GROUP,
		HideWindow:    true,
	}
}

// requestStop sets the node's stop event.
func requestStop(pid int) error {
	name, err := windows.UTF16PtrFromString(stopEventName(pid))
	if err != nil {
		return err
	}
	h, err := windows.OpenEvent(windows.EVENT_MODIFY_STATE, false, name)
	if err != nil {
		return fmt.Errorf("process %d has no stop event (is it a gaianet node?): %w", pid, err)
	}
	defer windows.CloseHandle(h)
	return windows.SetEvent(h)
}

// watchStopRequests creates this process's stop event and calls stop when
// it is set. release closes the event.
func watchStopRequests(stop func()) (release func(), err error) {
	name, err := windows.UTF16PtrFromString(stopEventName(int(windows.GetCurrentProcessId())))
	if err != nil {
		return nil, err
	}
	// Manual reset, initially not set.
	ev, err := windows.CreateEvent(nil, 1, 0, name)
	if err != nil {
		return nil, fmt.Errorf("create stop event: %w", err)
	}
	// A second event, set by release, ends the waiting goroutine.
	done, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		windows.CloseHandle(ev)
		return nil, fmt.Errorf("create event: %w", err)
	}
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		r, _ := windows.WaitForMultipleObjects([]windows.Handle{ev, done}, false, windows.INFINITE)
		if r == windows.WAIT_OBJECT_0 {
			stop()
		}
	}()
	return func() {
		windows.SetEvent(done)
		<-exited
		windows.CloseHandle(done)
		windows.CloseHandle(ev)
	}, nil
}

func forceKill(pid int) error {
	h, err := windows.OpenProcess(windows.PROCESS_TERMINATE, false, uint32(pid))
	if err != nil {
		return err
	}
	defer windows.CloseHandle(h)
	return windows.TerminateProcess(h, 1)
}

func isAddrInUse(err error) bool {
	return errors.Is(err, windows.WSAEADDRINUSE) || errors.Is(err, syscall.EADDRINUSE)
}
