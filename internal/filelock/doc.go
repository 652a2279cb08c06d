// Package filelock owns exclusive locks on files between processes: the
// vector store's LOCK file and the node's pid file use it so that a second
// process sees that a store or a node folder is in use, and so that a lock
// never outlives its holder (the system drops it when the file is closed or
// the process dies, even by kill -9).
//
// On Unix it is flock(2) (LOCK_EX|LOCK_NB). On Windows it is LockFileEx
// with LOCKFILE_EXCLUSIVE_LOCK|LOCKFILE_FAIL_IMMEDIATELY on one byte far
// beyond the end of the file: Windows locks are mandatory for the bytes they
// cover, so locking past the data leaves the file readable by others (the
// pid file's content is read while its owner holds the lock). Both are tied
// to the open file, not to the process: two opens of one file in the same
// process exclude each other too.
//
// It imports nothing from this module.
package filelock
