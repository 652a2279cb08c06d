package vectorstore

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// adviseHugePages asks the kernel to back b with transparent huge pages,
// which it does at first touch when THP is in "madvise" mode (the common
// default). Loading a checkpoint writes hundreds of megabytes into freshly
// allocated arrays; with 4 KiB pages most of that time is page faults.
// It is advice only: errors are ignored, and the part of b outside whole
// 2 MiB pages is left alone.
func adviseHugePages(b []byte) {
	const huge = 2 << 20
	if len(b) < 2*huge {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	aligned := (start + huge - 1) &^ (huge - 1)
	end := (start + uintptr(len(b))) &^ (huge - 1)
	if end <= aligned {
		return
	}
	_ = unix.Madvise(b[aligned-start:end-start], unix.MADV_HUGEPAGE)
}
