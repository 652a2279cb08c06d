//go:build !linux

package vectorstore

// adviseHugePages is a no-op where transparent huge pages are not offered.
func adviseHugePages([]byte) {}
