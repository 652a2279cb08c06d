// Package rocksdb reads RocksDB databases and backups, read-only, in pure Go.
//
// It owns the on-disk formats that Qdrant segments store through RocksDB
// and replays them the way RocksDB recovery would:
//
//   - block-based tables (SST files), format_version 2 to 5 as written by
//     RocksDB 7.x/8.x and 6 (new footer, context checksums) as RocksDB 9.x
//     writes by default, each tested on files RocksDB wrote (0 and 1 are
//     read best effort): binary-search, hash-search,
//     first-key and partitioned (two-level) indexes, delta-encoded index
//     values, data-block hash indexes, range-deletion blocks, block
//     compression none, snappy, zlib, lz4, lz4hc and zstd, crc32c, xxHash64
//     and XXH3 block checksums (32-bit xxHash checksums are not verified);
//   - the write-ahead log (plain and recyclable records; a torn tail is
//     dropped) and the write batches it holds;
//   - the MANIFEST (column families, live table files, WAL log numbers,
//     atomic groups);
//   - BackupEngine directories (meta/, private/, shared/, shared_checksum/):
//     the backup with the highest id is read and every file is checked
//     against the size and crc32c its meta file records.
//
// Open keeps the live view of every column family in memory: it reads every
// live table and WAL file in full, so the whole database must fit
// comfortably in RAM (Qdrant knowledge-base snapshots are tens of
// megabytes; a 13 MB backup of 30 MB of key/value data takes about 80 MB of
// allocations and 0.1 s to open).
//
// Only the default bytewise comparator is supported. Live merge operands,
// blob indexes (BlobDB), wide-column entities, user-defined timestamps,
// transactions (prepare/commit markers), compressed WALs, bzip2/xpress
// blocks, compression dictionaries and table files in secondary db_paths
// are rejected with an error matching ErrUnsupported rather than misread;
// malformed input yields an error matching ErrCorrupt.
//
// Nothing is ever written: the package takes no lock and creates no files,
// so it may read a directory another process has open.
//
// It imports nothing from this module.
package rocksdb
