// Package qdrantsnap reads Qdrant's own snapshot files, the format GaiaNet
// publishes knowledge bases in (a "*.snapshot" file, sometimes wrapped in a
// "*.snapshot.tar.gz"), so that a node can import them into its embedded
// vector store without running Qdrant.
//
// A collection snapshot is a tar archive: the collection's config.json (the
// vector size and distance) and one directory per shard, whose segments/
// folder holds one archive per segment. A segment keeps its point id
// mapping, its payloads and (in Qdrant's default in-memory vector storage)
// its vectors in RocksDB, packed as a RocksDB backup; memory-mapped vector
// storages are plain files beside it. Read unpacks what it needs into a
// scratch directory, reads every segment with the internal/rocksdb reader,
// and returns the live points: for an id present in several segments, the
// copy with the highest version wins, as in Qdrant.
//
// Supported: point ids in RocksDB or in the id tracker files of Qdrant 1.11
// and later (immutable) and 1.14 and later (mutable); dense float32,
// float16 and uint8 vectors in "Memory" (RocksDB), "Mmap" and "ChunkedMmap"
// storage; payloads in RocksDB ("in_memory", "on_disk") or in Qdrant's
// gridstore ("mmap", 1.13 and later), so segments with no RocksDB at all
// read too. Tests read snapshots that Qdrant 1.3 and 1.7 wrote and compare
// every point with what was uploaded, and RocksDB tables as RocksDB 7.8 and
// 9.7 write them; the file-based id trackers and the gridstore are decoded
// from Qdrant's source and tested on files built from it, as no snapshot of
// those versions was at hand. Anything else (multivectors, unknown storage
// kinds, a segment whose ids cannot be found) is refused with
// ErrUnsupported, by name, never read as empty. The shard's write-ahead log
// is not replayed: Qdrant flushes every segment before it snapshots it, so
// the segments hold every acknowledged write.
//
// Snapshots come from strangers (uploads, downloads), so unpacking is
// bounded (Limits): bytes written against an absolute cap and a ratio to
// the bytes read, bytes decompressed (skipped entries too) against ten
// times that, and the disk's free space. A decompression bomb stops at the
// first limit with ErrTooLarge or ErrNoSpace and its scratch is removed.
//
// It must not import node, api, rag or kb.
package qdrantsnap
