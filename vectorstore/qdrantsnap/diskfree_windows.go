//go:build windows

package qdrantsnap

import "golang.org/x/sys/windows"

// freeSpace returns the bytes available to the caller on the volume holding
// dir; ok is false when it cannot tell.
func freeSpace(dir string) (free int64, ok bool) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, false
	}
	var avail, total, totalFree uint64
	if err := windows.GetDiskFreeSpaceEx(p, &avail, &total, &totalFree); err != nil {
		return 0, false
	}
	return int64(avail), true
}
