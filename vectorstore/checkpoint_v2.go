package vectorstore

import (
	"context"
	"fmt"
	"io"
	"slices"
)

// Format 2 checkpoints (written before format 3, see checkpoint.go) are
// still read, and Open rewrites them as format 3:
//
//	offset  size  field
//	0       8     magic "GAIAVCKP" (47 41 49 41 56 43 4b 50)
//	8       4     format version, u32 = 2
//	12      8     last seq included, u64
//	20      4     collection count K, u32
//	24      4     CRC-32C of bytes 0..24
//	28      ...   K times: a collection snapshot (snapshot.go) followed by
//	              its HNSW graph, each with its own CRC
//
// In such a checkpoint each collection's snapshot is followed by its HNSW
// graph, so that Open does not rebuild the index:
//
//	offset  size       field
//	0       1          present: 0 = no graph follows (Open rebuilds it), 1 = graph
//	1       4          M, u32 (must equal the collection's HNSWConfig.M)
//	5       4          node count N, u32 (must equal the snapshot's point count)
//	9       4          entry node, u32
//	13      N          level of each node, u8 (at most 32)
//	13+N    ...        per node: layer-0 link count u16, then that many u32 ids
//	...     ...        per node with level L > 0, for levels 1..L: count u16,
//	                   then that many u32 ids
//	end-4   4          CRC-32C of the section from "present" on
//
// Node i is the snapshot's i-th point. A graph is only written when the
// collection has no tombstones (node ids then equal snapshot order);
// otherwise present is 0. The reader checks every count and id against M
// and N, so a damaged section is an error, never a bad graph.

// decodedGraph is a graph section read and checked.
type decodedGraph struct {
	entry  uint32
	levels []uint8
	links0 [][]uint32
	upper  [][]uint32 // per node, laid out as hnswGraph.upper
}

// readGraph reads a graph section for a snapshot of n points with config
// cfg. It returns nil (and no error) when the section says no graph.
func readGraph(r *streamReader, cfg *CollectionConfig, n int) (*decodedGraph, error) {
	r.crc.Reset()
	present := r.u8("graph present")
	if r.err != nil {
		return nil, r.err
	}
	if present == 0 {
		r.checkCRC("graph")
		return nil, r.err
	}
	if present != 1 {
		return nil, fmt.Errorf("%w: bad graph marker %d", ErrCorrupt, present)
	}
	m := int(r.u32("graph m"))
	count := int(r.u32("graph node count"))
	entry := r.u32("graph entry")
	if r.err != nil {
		return nil, r.err
	}
	if m != cfg.HNSW.M || count != n || n == 0 || int(entry) >= n {
		return nil, fmt.Errorf("%w: graph header (m %d, %d nodes, entry %d) does not fit the collection (m %d, %d points)", ErrCorrupt, m, count, entry, cfg.HNSW.M, n)
	}
	g := &decodedGraph{entry: entry, levels: make([]uint8, n), links0: make([][]uint32, n), upper: make([][]uint32, n)}
	if !r.read(g.levels, "graph levels") {
		return nil, r.err
	}
	readList := func(max int, what string) []uint32 {
		k := int(r.u16(what + " count"))
		if r.err != nil {
			return nil
		}
		if k > max {
			r.err = fmt.Errorf("%w: %s has %d links, limit %d", ErrCorrupt, what, k, max)
			return nil
		}
		out := make([]uint32, k)
		for j := range out {
			id := r.u32(what)
			if r.err == nil && int(id) >= n {
				r.err = fmt.Errorf("%w: %s links to node %d of %d", ErrCorrupt, what, id, n)
			}
			out[j] = id
		}
		return out
	}
	for i := range n {
		if g.levels[i] > 32 {
			return nil, fmt.Errorf("%w: graph node %d has level %d", ErrCorrupt, i, g.levels[i])
		}
		g.links0[i] = readList(2*m, "layer-0 links")
	}
	for i := range n {
		if L := int(g.levels[i]); L > 0 {
			up := make([]uint32, L*(m+1))
			for l := 1; l <= L && r.err == nil; l++ {
				ns := readList(m, "upper links")
				o := (l - 1) * (m + 1)
				up[o] = uint32(len(ns))
				copy(up[o+1:], ns)
			}
			g.upper[i] = up
		}
	}
	r.checkCRC("graph")
	if r.err != nil {
		return nil, r.err
	}
	top := int(g.levels[entry])
	for i, lv := range g.levels {
		if int(lv) > top {
			return nil, fmt.Errorf("%w: graph node %d is above the entry point", ErrCorrupt, i)
		}
		for l := 1; l <= int(lv); l++ {
			o := (l - 1) * (m + 1)
			for _, id := range g.upper[i][o+1 : o+1+int(g.upper[i][o])] {
				if int(g.levels[id]) < l {
					return nil, fmt.Errorf("%w: graph node %d links at level %d to node %d of level %d", ErrCorrupt, i, l, id, g.levels[id])
				}
			}
		}
	}
	return g, nil
}

// install replaces g's structure with d (sizes already checked).
func (g *hnswGraph) install(d *decodedGraph) {
	n := len(d.levels)
	g.levels = d.levels
	g.links0 = make([]uint32, n*g.m0)
	g.cnt0 = make([]uint16, n)
	for i, ns := range d.links0 {
		copy(g.links0[i*g.m0:], ns)
		g.cnt0[i] = uint16(len(ns))
	}
	g.upper = d.upper
	g.entry = d.entry
	g.top = int(d.levels[d.entry])
}

// loadWithGraph fills an empty collection with points and a decoded graph,
// without inserting: the graph is taken as it is.
func (c *collection) loadWithGraph(pts []preparedPoint, d *decodedGraph) {
	// Size everything once: growing by append would copy the vectors
	// (most of a checkpoint) several times over.
	c.vecs.data = slices.Grow(c.vecs.data, len(pts)*c.cfg.Dim)
	c.ids = slices.Grow(c.ids, len(pts))
	c.payloads.grow(len(pts))
	c.deleted = slices.Grow(c.deleted, len(pts))
	if len(c.byID) == 0 {
		c.byID = make(map[PointID]uint32, len(pts))
	}
	for i := range pts {
		p := &pts[i]
		c.vecs.data = append(c.vecs.data, p.vec...)
		c.ids = append(c.ids, p.id)
		c.versions = append(c.versions, p.version)
		c.payloads.add(p.payloadJSON)
		c.deleted = append(c.deleted, false)
		c.byID[p.id] = uint32(i)
	}
	c.vecs.encodePending()
	c.graph.install(d)
}

const checkpointV2 = 2

// loadCheckpointV2 reads a format-2 checkpoint into s.colls and returns the
// last seq it includes.
func (s *Store) loadCheckpointV2(ctx context.Context, f io.Reader) (uint64, error) {
	seq, snaps, err := readCheckpoint(ctx, f)
	if err != nil {
		return 0, err
	}
	for _, d := range snaps {
		c := newCollection(d.name, d.cfg)
		if d.graph != nil {
			c.loadWithGraph(d.points, d.graph)
		} else {
			c.upsert(d.points)
		}
		s.colls[d.name] = c
	}
	return seq, nil
}

// readCheckpoint decodes a format-2 checkpoint stream.
func readCheckpoint(ctx context.Context, r io.Reader) (uint64, []*decodedSnapshot, error) {
	sr := newStreamReader(r)
	var magic [8]byte
	if sr.read(magic[:], "checkpoint magic") && string(magic[:]) != checkpointMagic {
		return 0, nil, fmt.Errorf("%w: bad checkpoint magic %q", ErrCorrupt, magic[:])
	}
	if v := sr.u32("checkpoint version"); sr.err == nil && v != checkpointV2 {
		return 0, nil, fmt.Errorf("%w: unsupported checkpoint version %d", ErrCorrupt, v)
	}
	seq := sr.u64("checkpoint seq")
	k := sr.u32("collection count")
	sr.checkCRC("checkpoint header")
	if sr.err != nil {
		return 0, nil, sr.err
	}
	if k > maxCollections {
		return 0, nil, fmt.Errorf("%w: checkpoint claims %d collections", ErrCorrupt, k)
	}
	var snaps []*decodedSnapshot
	seen := map[string]bool{}
	for range k {
		if err := ctx.Err(); err != nil {
			return 0, nil, err
		}
		d, err := readSnapshot(sr)
		if err != nil {
			return 0, nil, err
		}
		if d.graph, err = readGraph(sr, &d.cfg, len(d.points)); err != nil {
			return 0, nil, fmt.Errorf("collection %q: %w", d.name, err)
		}
		if seen[d.name] {
			return 0, nil, fmt.Errorf("%w: checkpoint has collection %q twice", ErrCorrupt, d.name)
		}
		seen[d.name] = true
		snaps = append(snaps, d)
	}
	return seq, snaps, nil
}
