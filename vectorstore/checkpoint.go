package vectorstore

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A checkpoint is the state of every collection as of one WAL seq, in
// files a restart can load with a few large reads:
//
//   - checkpoint.vsc, rewritten at every checkpoint, holds what changes
//     anywhere in a collection (tombstones, the HNSW graph, the quantizer)
//     and lists the segment files that hold the rest;
//   - segment files seg-<id>.vss (segment.go) hold consecutive slots
//     (ids, vectors, SQ8 codes, payload JSON), are written once and never
//     changed.
//
// Slots only ever get appended (a replaced point is a tombstone plus a new
// slot), so a checkpoint writes one new segment with the slots added since
// the last one and keeps the older segments; to bound their number it
// merges the new slots with the trailing segments that are not larger than
// them (a binary counter: at most log2(points/batch) segments, and each slot
// rewritten that many times over its life, where format 2 rewrote the whole
// store at every checkpoint). A compaction or an imported collection
// renumbers the slots and rewrites that collection in one segment; a
// payload changed in place rewrites from the segment holding it.
//
// checkpoint.vsc (format 3), little-endian:
//
//	offset  size   field
//	0       8      magic "GAIAVCKP" (47 41 49 41 56 43 4b 50)
//	8       4      format version, u32 = 3
//	12      8      last seq included, u64
//	20      8      next segment id, u64
//	28      4      collection count K, u32
//	32      ...    K times:
//	                 header length H u32, header JSON {"name", "config"}
//	                 slot count N u64
//	                 quantized u8; if 1, dim×f32 SQ8 steps
//	                 N×u8 tombstones (0 live, 1 deleted)
//	                 graph: entry u32, N×u8 levels, N×u16 layer-0 link
//	                 counts, N×2M×u32 layer-0 links, then for each node of
//	                 level L > 0 in order L×(M+1) u32 (per level a count and
//	                 M link slots)
//	                 segment count S u32, S×(id u64, first slot u64, slot
//	                 count u64, file size u64, file CRC u32)
//	                 formats 4 and 5: extension length E u32, E bytes of
//	                 extension (named vectors and payload indexes, see
//	                 checkpoint_ext.go)
//	...     ...    formats 4 and 5: store length A u32, A bytes of JSON
//	               {"aliases": {alias: collection}}
//	end-4   4      CRC-32C of every byte before it
//
// A checkpoint writes its new segments (fsynced), then checkpoint.vsc.tmp
// (fsynced), renames it over checkpoint.vsc and fsyncs the directory; only
// then are segments no longer listed deleted and the WAL replaced by an
// empty one. A crash at any point leaves the old or the new checkpoint whole
// with all its segments (stray segments are deleted at the next Open), and a
// WAL whose records at or below the checkpoint's seq replay skips.
//
// Format 5 is format 4 whose extension blocks may end in tagged sections
// (checkpoint_ext.go); format 4 and format 3 (the same without the
// extension and store blocks) are read as is; format 2 (checkpoint_v2.go: one file with every collection as a
// snapshot and a graph) is still read, and Open rewrites it as format 5.

const (
	checkpointMagic   = "GAIAVCKP"
	checkpointVersion = 5
	checkpointV4      = 4
	checkpointV3      = 3
	maxCollections    = 1 << 16
)

// collPlan is what one checkpoint does for one collection.
type collPlan struct {
	c     *collection
	segs  []segmentRef // the collection's segments after this checkpoint
	fresh bool         // the last of segs was written by this checkpoint
}

func (s *Store) checkpointLocked(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	colls := s.sortedCollections()
	plans := make([]collPlan, 0, len(colls))
	removeFresh := func() {
		for _, p := range plans {
			if p.fresh {
				os.Remove(filepath.Join(s.dir, segmentName(p.segs[len(p.segs)-1].id)))
			}
		}
	}
	for _, c := range colls {
		p, err := s.planSegmentsLocked(c)
		if err != nil {
			removeFresh()
			return fmt.Errorf("vectorstore: checkpoint: %w", err)
		}
		plans = append(plans, p)
	}
	tmp := filepath.Join(s.dir, checkpointFile+".tmp")
	if err := s.writeCheckpointFile(tmp, plans); err != nil {
		os.Remove(tmp)
		removeFresh()
		return err
	}
	if err := os.Rename(tmp, filepath.Join(s.dir, checkpointFile)); err != nil {
		os.Remove(tmp)
		removeFresh()
		return fmt.Errorf("vectorstore: checkpoint: %w", err)
	}
	if err := syncDir(s.dir); err != nil {
		// The new checkpoint may or may not be the one on disk: keep
		// every segment either references.
		return err
	}
	for _, p := range plans {
		p.c.segs = p.segs
		p.c.persisted = len(p.c.ids)
		p.c.dirtyFrom = p.c.persisted
	}
	s.removeStraySegments()
	// Start an empty WAL. Both files are closed around the rename: Windows
	// cannot rename an open file or replace one (Go opens files without
	// FILE_SHARE_DELETE), and on Unix it costs one open per checkpoint.
	walTmp := filepath.Join(s.dir, walFile+".tmp")
	walPath := filepath.Join(s.dir, walFile)
	if err := writeNewWAL(walTmp); err != nil {
		os.Remove(walTmp)
		return fmt.Errorf("vectorstore: checkpoint: %w", err)
	}
	s.wal.f.Close()
	if err := os.Rename(walTmp, walPath); err != nil {
		// The old WAL is still in place and valid: go on appending to it.
		err = fmt.Errorf("vectorstore: checkpoint: %w", err)
		if s.wal.f, s.broken = openWALAppend(walPath); s.broken != nil {
			s.broken = errors.Join(err, s.broken)
		}
		return err
	}
	// From here the old WAL is replaced: whatever happens, appends must go
	// to the new one.
	f, err := openWALAppend(walPath)
	if err != nil {
		s.broken = err
		return err
	}
	s.wal.f = f
	s.wal.size = walHeaderSize
	s.nextCkpt = 0
	s.replayCost, s.nextCkptCost = 0, 0
	if err := syncDir(s.dir); err != nil {
		s.broken = err
		return err
	}
	return nil
}

// sortedCollections returns the collections in name order.
func (s *Store) sortedCollections() []*collection {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.colls))
	for n := range s.colls {
		names = append(names, n)
	}
	slices.Sort(names)
	colls := make([]*collection, 0, len(names))
	for _, n := range names {
		colls = append(colls, s.colls[n])
	}
	return colls
}

// planSegmentsLocked keeps the segments of c that still hold its slots as
// they are, and writes the rest in one new segment, merged with the trailing
// segments that are not larger (see the top of this file). Needs writeMu.
func (s *Store) planSegmentsLocked(c *collection) (collPlan, error) {
	n := len(c.ids)
	flags := segFlags(c.vecs)
	keepUpTo := min(c.dirtyFrom, c.persisted)
	var keep []segmentRef
	for _, sg := range c.segs {
		if sg.first+sg.count > keepUpTo || sg.flags != flags {
			break
		}
		keep = append(keep, sg)
	}
	first := 0
	if len(keep) > 0 {
		last := keep[len(keep)-1]
		first = last.first + last.count
	}
	for len(keep) > 0 && keep[len(keep)-1].count <= n-first {
		first = keep[len(keep)-1].first
		keep = keep[:len(keep)-1]
	}
	p := collPlan{c: c, segs: keep}
	if first == n {
		return p, nil
	}
	id := s.nextSegID
	s.nextSegID++
	ref, err := c.writeSegment(s.dir, id, first, n-first, !s.opts.NoSync)
	if err != nil {
		return p, err
	}
	p.segs = append(slices.Clip(keep), ref)
	p.fresh = true
	return p, nil
}

// removeStraySegments deletes the segment files the checkpoint on disk does
// not list: left by a checkpoint that a crash interrupted, or replaced.
func (s *Store) removeStraySegments() {
	live := map[uint64]bool{}
	for _, c := range s.sortedCollections() {
		for _, sg := range c.segs {
			live[sg.id] = true
		}
	}
	ents, err := os.ReadDir(s.dir)
	if err != nil {
		slog.Warn("vectorstore: listing segments", "dir", s.dir, "err", err)
		return
	}
	for _, e := range ents {
		if id, ok := parseSegmentName(e.Name()); ok && !live[id] {
			if err := os.Remove(filepath.Join(s.dir, e.Name())); err != nil {
				slog.Warn("vectorstore: removing an unused segment", "file", e.Name(), "err", err)
			}
		}
	}
}

// writeNewWAL writes an empty, synced WAL (its header) at path.
func writeNewWAL(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, fileMode)
	if err != nil {
		return err
	}
	if _, err := f.Write(walHeader()); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// openWALAppend opens the WAL at path positioned at its end.
func openWALAppend(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR, fileMode)
	if err != nil {
		return nil, fmt.Errorf("vectorstore: reopening wal: %w", err)
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		f.Close()
		return nil, fmt.Errorf("vectorstore: reopening wal: %w", err)
	}
	return f, nil
}

// writeCheckpointFile writes checkpoint.vsc's content for plans to path.
func (s *Store) writeCheckpointFile(path string, plans []collPlan) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fileMode)
	if err != nil {
		return fmt.Errorf("vectorstore: checkpoint: %w", err)
	}
	defer f.Close()
	w := &crcWriter{w: bufio.NewWriterSize(f, 1<<20)}
	b := []byte(checkpointMagic)
	b = appendU32(b, checkpointVersion)
	b = appendU64(b, s.seq)
	b = appendU64(b, s.nextSegID)
	b = appendU32(b, uint32(len(plans)))
	w.write(b)
	for _, p := range plans {
		// The writer is the only mutator and holds writeMu: no lock needed.
		if err := p.c.writeCheckpointEntry(w, p.segs); err != nil {
			return fmt.Errorf("vectorstore: checkpoint: %w", err)
		}
		ext, err := p.c.encodeExtension()
		if err != nil {
			return fmt.Errorf("vectorstore: checkpoint: %w", err)
		}
		w.write(appendU32(nil, uint32(len(ext))))
		w.write(ext)
	}
	s.mu.RLock()
	st, err := jsonMarshalSorted(storeState{Aliases: s.aliases})
	s.mu.RUnlock()
	if err != nil {
		return fmt.Errorf("vectorstore: checkpoint: %w", err)
	}
	w.write(appendU32(nil, uint32(len(st))))
	w.write(st)
	w.write(appendU32(nil, w.crc))
	if w.err == nil {
		w.err = w.w.Flush()
	}
	if w.err == nil && !s.opts.NoSync {
		w.err = f.Sync()
	}
	if w.err == nil {
		w.err = f.Close()
	}
	if w.err != nil {
		return fmt.Errorf("vectorstore: checkpoint: %w", w.err)
	}
	return nil
}

// writeCheckpointEntry writes c's part of checkpoint.vsc.
func (c *collection) writeCheckpointEntry(w *crcWriter, segs []segmentRef) error {
	hdr, err := jsonMarshalSorted(snapshotHeader{Name: c.name, Config: c.cfg})
	if err != nil {
		return err
	}
	n := len(c.ids)
	g := c.graph
	if g.size() != n || len(g.links0) != n*g.m0 {
		return fmt.Errorf("collection %q: graph has %d nodes for %d slots", c.name, g.size(), n)
	}
	b := appendU32(nil, uint32(len(hdr)))
	b = append(b, hdr...)
	b = appendU64(b, uint64(n))
	w.write(b)
	if c.vecs.quant {
		w.write([]byte{1})
		writeRaw(w, c.vecs.step)
	} else {
		w.write([]byte{0})
	}
	dead := make([]byte, n)
	for i, d := range c.deleted {
		if d {
			dead[i] = 1
		}
	}
	w.write(dead)
	writeGraph(w, g)
	b = appendU32(b[:0], uint32(len(segs)))
	for _, sg := range segs {
		b = appendU64(b, sg.id)
		b = appendU64(b, uint64(sg.first))
		b = appendU64(b, uint64(sg.count))
		b = appendU64(b, uint64(sg.size))
		b = appendU32(b, sg.crc)
	}
	w.write(b)
	return w.err
}

// writeGraph writes g as checkpoint.vsc lays a graph out: entry u32,
// levels, layer-0 link counts and links, then each upper node's links.
func writeGraph(w rawWriter, g *hnswGraph) {
	w.write(appendU32(nil, g.entry))
	writeRaw(w, g.levels)
	writeRaw(w, g.cnt0)
	writeRaw(w, g.links0)
	for i, l := range g.levels {
		if l > 0 {
			writeRaw(w, g.upper[i])
		}
	}
}

// parseGraph reads a graph of n nodes and M m as writeGraph wrote it,
// checking every count and link, so that damage is an error, never a bad
// graph. The graph has no vectorSet yet.
func parseGraph(r *byteReader, n, m int) (*hnswGraph, error) {
	g := &hnswGraph{m: m, m0: 2 * m}
	g.entry = r.u32("graph entry")
	g.levels = takeRaw[uint8](r, n, "graph levels")
	g.cnt0 = takeRaw[uint16](r, n, "layer-0 link counts")
	g.links0 = takeRaw[uint32](r, n*g.m0, "layer-0 links")
	if r.err != nil {
		return nil, r.err
	}
	upperLen := 0
	for i, l := range g.levels {
		if l > 32 {
			return nil, fmt.Errorf("graph node %d has level %d", i, l)
		}
		upperLen += int(l) * (m + 1)
	}
	upper := takeRaw[uint32](r, upperLen, "upper links")
	if r.err != nil {
		return nil, r.err
	}
	g.upper = make([][]uint32, n)
	for i, l := range g.levels {
		if l > 0 {
			k := int(l) * (m + 1)
			g.upper[i] = upper[:k:k]
			upper = upper[k:]
		}
	}
	for i := range n {
		if int(g.cnt0[i]) > g.m0 {
			return nil, fmt.Errorf("node %d has %d layer-0 links, limit %d", i, g.cnt0[i], g.m0)
		}
		for _, id := range g.links0[i*g.m0 : i*g.m0+int(g.cnt0[i])] {
			if int(id) >= n {
				return nil, fmt.Errorf("node %d links to node %d of %d", i, id, n)
			}
		}
		for l := 1; l <= int(g.levels[i]); l++ {
			u := g.upper[i][(l-1)*(m+1):]
			if int(u[0]) > m {
				return nil, fmt.Errorf("node %d has %d links at level %d, limit %d", i, u[0], l, m)
			}
			for _, id := range u[1 : 1+u[0]] {
				if int(id) >= n {
					return nil, fmt.Errorf("node %d links to node %d of %d", i, id, n)
				}
				// A link at level l must reach a node that has level l,
				// or a walk there would read links it does not have.
				if int(g.levels[id]) < l {
					return nil, fmt.Errorf("node %d links at level %d to node %d of level %d", i, l, id, g.levels[id])
				}
			}
		}
	}
	if n == 0 {
		g.top = -1
		if g.entry != 0 {
			return nil, fmt.Errorf("empty graph with entry %d", g.entry)
		}
	} else {
		if int(g.entry) >= n {
			return nil, fmt.Errorf("graph entry %d of %d nodes", g.entry, n)
		}
		g.top = int(g.levels[g.entry])
		for i, l := range g.levels {
			if int(l) > g.top {
				return nil, fmt.Errorf("graph node %d is above the entry point", i)
			}
		}
	}
	return g, nil
}

// loadCheckpoint reads the checkpoint, if any, into s.colls and returns the
// last seq it includes. A format-2 checkpoint sets s.migrate.
func (s *Store) loadCheckpoint(ctx context.Context) (uint64, error) {
	path := filepath.Join(s.dir, checkpointFile)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		s.removeStraySegments()
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("vectorstore: %w", err)
	}
	defer f.Close()
	var hdr [12]byte
	if _, err := io.ReadFull(f, hdr[:]); err != nil {
		return 0, fmt.Errorf("vectorstore: loading %s: %w: truncated header (%v)", path, ErrCorrupt, err)
	}
	if string(hdr[:8]) != checkpointMagic {
		return 0, fmt.Errorf("vectorstore: loading %s: %w: bad checkpoint magic %q", path, ErrCorrupt, hdr[:8])
	}
	var seq uint64
	switch v := binary.LittleEndian.Uint32(hdr[8:]); v {
	case checkpointV2:
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return 0, fmt.Errorf("vectorstore: %w", err)
		}
		seq, err = s.loadCheckpointV2(ctx, f)
		s.migrate = true
	case checkpointV3, checkpointV4, checkpointVersion:
		seq, err = s.loadCheckpointV3(ctx, f)
	default:
		err = fmt.Errorf("%w: unsupported checkpoint version %d", ErrCorrupt, v)
	}
	if err != nil {
		return 0, fmt.Errorf("vectorstore: loading %s: %w", path, err)
	}
	s.removeStraySegments()
	return seq, nil
}

// manifestEntry is one collection as checkpoint.vsc describes it, checked
// against itself but not yet against its segment files.
type manifestEntry struct {
	name    string
	cfg     CollectionConfig
	n       int
	step    []float32 // nil when not quantized
	deleted []bool
	dead    int
	graph   *hnswGraph // levels, cnt0, links0, upper, entry, top
	segs    []segmentRef
	ext     []byte // formats 4 and 5: the extension block (checkpoint_ext.go)
}

// manifest is checkpoint.vsc decoded.
type manifest struct {
	seq, nextSeg uint64
	entries      []*manifestEntry
	state        storeState
}

// parseManifest decodes checkpoint.vsc (format 3) from memory. Every count
// is checked against the bytes present before anything is allocated, and
// every link against the node count, so damage is an error, never a bad
// graph or a huge allocation.
func parseManifest(data []byte) (*manifest, error) {
	if len(data) < 36 {
		return nil, fmt.Errorf("%w: checkpoint of %d bytes is truncated", ErrCorrupt, len(data))
	}
	body := data[:len(data)-4]
	if got, want := binary.LittleEndian.Uint32(data[len(data)-4:]), crc32Castagnoli(body); got != want {
		return nil, fmt.Errorf("%w: checkpoint checksum mismatch (stored %08x, computed %08x): torn or damaged", ErrCorrupt, got, want)
	}
	r := &byteReader{b: body}
	if string(r.take(8, "magic")) != checkpointMagic {
		return nil, fmt.Errorf("%w: not a checkpoint", ErrCorrupt)
	}
	version := r.u32("version")
	if version != checkpointV3 && version != checkpointV4 && version != checkpointVersion {
		return nil, fmt.Errorf("%w: not a format-%d to %d checkpoint", ErrCorrupt, checkpointV3, checkpointVersion)
	}
	m := &manifest{seq: r.u64("seq"), nextSeg: r.u64("next segment id")}
	k := r.u32("collection count")
	if k > maxCollections {
		return nil, fmt.Errorf("%w: checkpoint claims %d collections", ErrCorrupt, k)
	}
	seen := map[string]bool{}
	for range k {
		e, err := parseManifestEntry(r, m.nextSeg)
		if err != nil {
			return nil, err
		}
		if seen[e.name] {
			return nil, fmt.Errorf("%w: checkpoint has collection %q twice", ErrCorrupt, e.name)
		}
		if version >= 4 {
			e.ext = r.take(int(r.u32("extension length")), "extension")
		}
		seen[e.name] = true
		m.entries = append(m.entries, e)
	}
	if version >= 4 {
		st := r.take(int(r.u32("store state length")), "store state")
		if r.err != nil {
			return nil, r.err
		}
		if err := decodeStrict(st, &m.state); err != nil {
			return nil, fmt.Errorf("%w: store state: %v", ErrCorrupt, err)
		}
		for a, c := range m.state.Aliases {
			if !seen[c] || ValidName(a) != nil || seen[a] {
				return nil, fmt.Errorf("%w: alias %q of collection %q", ErrCorrupt, a, c)
			}
		}
	}
	if r.err == nil && r.remaining() != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the last collection", ErrCorrupt, r.remaining())
	}
	return m, r.err
}

// takeRaw fills a new slice of n numbers from r's little-endian bytes.
func takeRaw[T uint8 | int8 | uint16 | uint32 | uint64 | float32](r *byteReader, n int, what string) []T {
	var z T
	size := int(unsafe.Sizeof(z))
	if n < 0 || n > r.remaining()/size {
		r.fail("truncated " + what)
		return nil
	}
	src := r.take(n*size, what)
	out := make([]T, n)
	dst := rawBytes(out)
	copy(dst, src)
	if !nativeLittleEndian {
		swapBytes(dst, size)
	}
	return out
}

func parseManifestEntry(r *byteReader, nextSeg uint64) (*manifestEntry, error) {
	hdrBytes := r.take(int(r.u32("header length")), "collection header")
	if r.err != nil {
		return nil, r.err
	}
	var hdr snapshotHeader
	if err := decodeStrict(hdrBytes, &hdr); err != nil {
		return nil, fmt.Errorf("%w: collection header: %v", ErrCorrupt, err)
	}
	if err := ValidName(hdr.Name); err != nil {
		return nil, fmt.Errorf("%w: collection header: %v", ErrCorrupt, err)
	}
	if err := hdr.Config.Validate(); err != nil {
		return nil, fmt.Errorf("%w: collection header: %v", ErrCorrupt, err)
	}
	e := &manifestEntry{name: hdr.Name, cfg: hdr.Config}
	dim, m := hdr.Config.Dim, hdr.Config.HNSW.M
	fail := func(format string, args ...any) (*manifestEntry, error) {
		return nil, fmt.Errorf("%w: collection %q: %s", ErrCorrupt, e.name, fmt.Sprintf(format, args...))
	}
	n64 := r.u64("slot count")
	// Each slot takes at least 4+8·M bytes here (tombstone, level, links).
	if r.err != nil || n64 > uint64(r.remaining()/(4+8*m)) {
		return fail("slot count %d does not fit the checkpoint", n64)
	}
	n := int(n64)
	e.n = n
	switch r.u8("quantized") {
	case 0:
	case 1:
		e.step = takeRaw[float32](r, dim, "steps")
		for _, x := range e.step {
			if !(x > 0) || math.IsInf(float64(x), 0) {
				return fail("bad SQ8 step %v", x)
			}
		}
	default:
		return fail("bad quantized flag")
	}
	dead := r.take(n, "tombstones")
	e.deleted = make([]bool, len(dead))
	for i, d := range dead {
		switch d {
		case 0:
		case 1:
			e.deleted[i] = true
			e.dead++
		default:
			return fail("bad tombstone %d at slot %d", d, i)
		}
	}
	g, err := parseGraph(r, n, m)
	if err != nil {
		return fail("%v", err)
	}
	e.graph = g
	ns := r.u32("segment count")
	if r.err != nil || int64(ns) > int64(r.remaining()/36) {
		return fail("segment count %d does not fit the checkpoint", ns)
	}
	next := 0
	for range ns {
		sg := segmentRef{id: r.u64("segment id"), first: int(r.u64("segment first")), count: int(r.u64("segment count")), size: int64(r.u64("segment size")), crc: r.u32("segment crc")}
		if sg.first != next || sg.count <= 0 || sg.count > n-next || sg.id >= nextSeg || sg.size < 0 {
			return fail("segment %d (slots %d+%d) does not continue at slot %d of %d", sg.id, sg.first, sg.count, next, n)
		}
		if sg.size < segmentFixedSize(dim, sg.count, 0) {
			return fail("segment %d of %d bytes cannot hold %d slots", sg.id, sg.size, sg.count)
		}
		next += sg.count
		e.segs = append(e.segs, sg)
	}
	if next != n {
		return fail("segments hold %d of %d slots", next, n)
	}
	return e, r.err
}

// loadCheckpointV3 loads a format-3 checkpoint and its segments.
func (s *Store) loadCheckpointV3(ctx context.Context, f *os.File) (uint64, error) {
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	data := make([]byte, st.Size())
	if _, err := f.ReadAt(data, 0); err != nil {
		return 0, fmt.Errorf("reading: %w", err)
	}
	m, err := parseManifest(data)
	if err != nil {
		return 0, err
	}
	seq := m.seq
	s.nextSegID = m.nextSeg
	s.aliases = m.state.Aliases
	for _, e := range m.entries {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		c, err := s.loadCollection(e)
		if err != nil {
			return 0, err
		}
		s.colls[e.name] = c
	}
	return seq, nil
}

// loadCollection builds a collection from its checkpoint entry and segments.
func (s *Store) loadCollection(e *manifestEntry) (*collection, error) {
	c := newCollection(e.name, e.cfg)
	v := c.vecs
	if e.step != nil {
		v.quant, v.step = true, e.step
	}
	flags := segFlags(v)
	// Check the segment files' sizes before sizing anything by the slot
	// count, so that what is allocated is bounded by what is on disk.
	for i := range e.segs {
		sg := &e.segs[i]
		st, err := os.Stat(filepath.Join(s.dir, segmentName(sg.id)))
		if err != nil {
			return nil, fmt.Errorf("%w: collection %q: segment listed in the checkpoint: %v", ErrCorrupt, e.name, err)
		}
		if st.Size() != sg.size || sg.size < segmentFixedSize(e.cfg.Dim, sg.count, flags) {
			return nil, fmt.Errorf("%w: collection %q: segment %s is %d bytes, the checkpoint recorded %d", ErrCorrupt, e.name, segmentName(sg.id), st.Size(), sg.size)
		}
		sg.flags = flags
	}
	n, dim := e.n, e.cfg.Dim
	// Room for the points the WAL may add (at most its size in vectors),
	// bounded by the on-disk size of what is loaded: replay then appends
	// in place.
	spare := int(min(s.walBytes/int64(4*max(dim, 1)), int64(n)))
	v.data = make([]float32, n*dim, (n+spare)*dim)
	adviseHugePages(rawBytes(v.data[:cap(v.data)]))
	if v.quant {
		v.codes = make([]int8, n*dim, (n+spare)*dim)
		adviseHugePages(rawBytes(v.codes[:cap(v.codes)]))
		if v.euclid {
			v.qnorm = make([]float32, n)
		}
	}
	c.ids = make([]PointID, n)
	c.versions = make([]uint64, n) // format 5's extension fills them in
	c.deleted, c.dead = e.deleted, e.dead
	c.payloads.raw = make([][]byte, n)
	c.payloads.dec = make([]atomic.Pointer[map[string]any], n)
	for _, sg := range e.segs {
		if err := c.readSegment(s.dir, sg, flags); err != nil {
			return nil, err
		}
	}
	if err := checkFinite(v.data, v.qnorm); err != nil {
		return nil, fmt.Errorf("%w: collection %q: %v", ErrCorrupt, e.name, err)
	}
	c.byID = make(map[PointID]uint32, n-e.dead)
	for i, id := range c.ids {
		if c.deleted[i] {
			continue
		}
		if _, dup := c.byID[id]; dup {
			return nil, fmt.Errorf("%w: collection %q: point %v is live in two slots", ErrCorrupt, e.name, id)
		}
		c.byID[id] = uint32(i)
	}
	g := c.graph
	d := e.graph
	g.levels, g.cnt0, g.links0, g.upper, g.entry, g.top = d.levels, d.cnt0, d.links0, d.upper, d.entry, d.top
	c.segs, c.persisted, c.dirtyFrom = e.segs, n, n
	if e.ext != nil {
		if err := c.decodeExtension(e.ext); err != nil {
			return nil, fmt.Errorf("%w: collection %q: extension: %v", ErrCorrupt, e.name, err)
		}
	} else if c.cfg.hasNamed() {
		return nil, fmt.Errorf("%w: collection %q has named vectors but no extension block", ErrCorrupt, e.name)
	}
	if g.top >= 0 && c.noVec != nil && c.noVec[g.entry] {
		// The entry of a graph is a linked node; an unlinked one there
		// means no point had the unnamed vector: the graph is empty.
		g.top = -1
	}
	return c, nil
}

// checkFinite reports a NaN or infinity in any of the slices, checking on
// every core.
func checkFinite(xs ...[]float32) error {
	for _, x := range xs {
		workers := min(runtime.GOMAXPROCS(0), max(len(x)/(1<<16), 1))
		bad := make([]int, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				lo, hi := len(x)*w/workers, len(x)*(w+1)/workers
				bad[w] = -1
				for i, f := range x[lo:hi] {
					// A float32 is NaN or infinite when its exponent bits are all ones.
					if math.Float32bits(f)&0x7f800000 == 0x7f800000 {
						bad[w] = lo + i
						return
					}
				}
			})
		}
		wg.Wait()
		for _, i := range bad {
			if i >= 0 {
				return fmt.Errorf("non-finite value at index %d", i)
			}
		}
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("vectorstore: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("vectorstore: syncing %s: %w", dir, err)
	}
	return nil
}

func crc32Castagnoli(b []byte) uint32 { return crc32.Checksum(b, crcTable) }
