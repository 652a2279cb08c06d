package vectorstore

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
)

// storeState is the store-level part of a format-4 checkpoint.
type storeState struct {
	Aliases map[string]string `json:"aliases,omitempty"`
}

// A collection's extension block in a format-4 checkpoint holds what
// format 3 has no room for, little-endian:
//
//	json length J u32, J bytes of JSON {"indexes": {field: params}}
//	dense count D u16, D times (sorted by name):
//	    name, size u32, node count K u32, K×u32 owner slots (strictly
//	    increasing, below the slot count; a multi-vector's slot owns
//	    consecutive nodes), K×size f32 vectors
//	sparse count S u16, S times (sorted by name):
//	    name, count M u32 of slots with a vector, M times: slot u32
//	    (strictly increasing), the vector as in codec_named.go
//	format 5 only, tagged sections (tag u8), each at most once, in
//	increasing tag order:
//	    1 no unnamed vector: count M u32, M slots u32 (strictly
//	      increasing) whose point lacks the unnamed vector
//	    2 versions: run count R u32, R times (run length u32, version
//	      u64); the runs cover the slots in order
//	    3 named graphs: count G u16, G times: name, M u32, node count
//	      K u32, the HNSW graph of that named dense vector as
//	      checkpoint.vsc lays one out (checkpoint.go, writeGraph); a
//	      named vector without one here has its graph rebuilt
//
// Named vectors are written whole at every checkpoint, with their HNSW
// graphs since format 5 (rebuilt when a format-4 checkpoint is loaded);
// payload indexes are rebuilt from the payloads.

type extJSON struct {
	Indexes map[string]PayloadIndexParams `json:"indexes,omitempty"`
}

// encodeExtension returns c's extension block. Caller is the writer.
func (c *collection) encodeExtension() ([]byte, error) {
	js, err := jsonMarshalSorted(extJSON{Indexes: c.indexParams()})
	if err != nil {
		return nil, err
	}
	b := appendU32(nil, uint32(len(js)))
	b = append(b, js...)
	b = appendU16(b, uint16(len(c.dense)))
	for _, ds := range c.dense {
		b = appendName(b, ds.name)
		b = appendU32(b, uint32(ds.params.Size))
		b = appendU32(b, uint32(len(ds.owner)))
		for _, o := range ds.owner {
			b = appendU32(b, o)
		}
		b = appendF32s(b, ds.vecs.data)
	}
	b = appendU16(b, uint16(len(c.sparse)))
	for _, sp := range c.sparse {
		b = appendName(b, sp.name)
		m := 0
		for _, v := range sp.vecs {
			if v.Indices != nil {
				m++
			}
		}
		b = appendU32(b, uint32(m))
		for s, v := range sp.vecs {
			if v.Indices != nil {
				b = appendU32(b, uint32(s))
				b = appendSparse(b, v)
			}
		}
	}
	if slices.Contains(c.noVec, true) {
		b = append(b, extNoVector)
		m := 0
		for _, x := range c.noVec {
			if x {
				m++
			}
		}
		b = appendU32(b, uint32(m))
		for s, x := range c.noVec {
			if x {
				b = appendU32(b, uint32(s))
			}
		}
	}
	b = append(b, extVersions)
	runsAt := len(b)
	b = appendU32(b, 0)
	runs := 0
	for s := 0; s < len(c.versions); {
		e := s + 1
		for e < len(c.versions) && c.versions[e] == c.versions[s] {
			e++
		}
		b = appendU32(b, uint32(e-s))
		b = appendU64(b, c.versions[s])
		runs++
		s = e
	}
	binary.LittleEndian.PutUint32(b[runsAt:], uint32(runs))
	var graphs []*denseSpace
	for _, ds := range c.dense {
		if !ds.multi {
			graphs = append(graphs, ds)
		}
	}
	if len(graphs) > 0 {
		b = append(b, extGraphs)
		b = appendU16(b, uint16(len(graphs)))
		sink := &byteSink{b: b}
		for _, ds := range graphs {
			if ds.graph.size() != len(ds.owner) {
				return nil, fmt.Errorf("vector %q: graph of %d nodes for %d vectors", ds.name, ds.graph.size(), len(ds.owner))
			}
			sink.b = appendName(sink.b, ds.name)
			sink.b = appendU32(sink.b, uint32(ds.graph.m))
			sink.b = appendU32(sink.b, uint32(len(ds.owner)))
			writeGraph(sink, ds.graph)
		}
		b = sink.b
	}
	return b, nil
}

// The tags of format 5's extension sections.
const (
	extNoVector = 1
	extVersions = 2
	extGraphs   = 3
)

// decodeSections reads format 5's tagged sections (see above).
func (c *collection) decodeSections(r *byteReader, loaded map[string]bool) error {
	n := len(c.ids)
	last := 0
	for r.err == nil && r.remaining() > 0 {
		tag := int(r.u8("section tag"))
		if tag <= last {
			return fmt.Errorf("extension section %d after %d", tag, last)
		}
		last = tag
		switch tag {
		case extNoVector:
			m := int(r.u32("count"))
			if r.err != nil || m > n || m > r.remaining()/4 || c.cfg.Dim == 0 {
				return fmt.Errorf("%d points without the unnamed vector do not fit", m)
			}
			c.noVec = make([]bool, n, cap(c.ids))
			prev := -1
			for range m {
				s := int(r.u32("slot"))
				if s <= prev || s >= n {
					return fmt.Errorf("slot %d without the unnamed vector out of order", s)
				}
				c.noVec[s] = true
				prev = s
			}
		case extVersions:
			runs := int(r.u32("run count"))
			if r.err != nil || runs > n || runs > r.remaining()/12 {
				return fmt.Errorf("%d version runs do not fit", runs)
			}
			s := 0
			for range runs {
				k := int(r.u32("run length"))
				v := r.u64("version")
				if k <= 0 || k > n-s {
					return fmt.Errorf("version run of %d at slot %d of %d", k, s, n)
				}
				for i := s; i < s+k; i++ {
					c.versions[i] = v
				}
				s += k
			}
			if s != n {
				return fmt.Errorf("version runs cover %d of %d slots", s, n)
			}
		case extGraphs:
			k := int(r.u16("graph count"))
			for range k {
				name := r.name()
				m := int(r.u32("graph m"))
				nodes := int(r.u32("graph nodes"))
				if r.err != nil {
					return r.err
				}
				ds := c.denseSpace(name)
				if ds == nil || ds.multi || loaded[name] || m != ds.graph.m || nodes != len(ds.owner) {
					return fmt.Errorf("graph of vector %q (m %d, %d nodes) does not fit the collection", name, m, nodes)
				}
				g, err := parseGraph(r, nodes, m)
				if err != nil {
					return fmt.Errorf("graph of vector %q: %v", name, err)
				}
				dg := ds.graph
				dg.levels, dg.cnt0, dg.links0, dg.upper, dg.entry, dg.top = g.levels, g.cnt0, g.links0, g.upper, g.entry, g.top
				loaded[name] = true
			}
		default:
			return fmt.Errorf("unknown extension section %d", tag)
		}
	}
	return r.err
}

// decodeExtension loads an extension block into c, whose slots are loaded
// already. Every count is checked against the bytes present and the slot
// count before anything is allocated.
func (c *collection) decodeExtension(ext []byte) error {
	r := &byteReader{b: ext}
	js := r.take(int(r.u32("json length")), "json")
	if r.err != nil {
		return r.err
	}
	var ej extJSON
	if err := decodeStrict(js, &ej); err != nil {
		return err
	}
	n := len(c.ids)
	nd := int(r.u16("dense count"))
	if nd != len(c.dense) {
		return fmt.Errorf("%d named dense vectors, config has %d", nd, len(c.dense))
	}
	for _, ds := range c.dense {
		if name := r.name(); r.err == nil && name != ds.name {
			return fmt.Errorf("named vector %q where %q was expected", name, ds.name)
		}
		size := int(r.u32("size"))
		k := int(r.u32("node count"))
		if r.err != nil {
			return r.err
		}
		if size != ds.params.Size || (k > n && !ds.multi) || k > r.remaining()/(4+4*size) {
			return fmt.Errorf("vector %q: %d nodes of size %d do not fit", ds.name, k, size)
		}
		ds.owner = takeRaw[uint32](r, k, "owners")
		ds.nodeOf = make([]int32, n)
		for i := range ds.nodeOf {
			ds.nodeOf[i] = -1
		}
		for i, o := range ds.owner {
			// A multi-vector's slot owns consecutive nodes.
			if int(o) >= n || (i > 0 && (o < ds.owner[i-1] || (o == ds.owner[i-1] && !ds.multi))) {
				return fmt.Errorf("vector %q: node %d has owner slot %d", ds.name, i, o)
			}
			if i == 0 || o != ds.owner[i-1] {
				ds.nodeOf[o] = int32(i)
			}
		}
		ds.vecs.data = takeRaw[float32](r, k*size, "vectors")
		if r.err != nil {
			return r.err
		}
		if err := checkFinite(ds.vecs.data); err != nil {
			return fmt.Errorf("vector %q: %v", ds.name, err)
		}

	}
	ns := int(r.u16("sparse count"))
	if r.err == nil && ns != len(c.sparse) {
		return fmt.Errorf("%d sparse vectors, config has %d", ns, len(c.sparse))
	}
	for _, sp := range c.sparse {
		if name := r.name(); r.err == nil && name != sp.name {
			return fmt.Errorf("sparse vector %q where %q was expected", name, sp.name)
		}
		m := int(r.u32("count"))
		if r.err != nil {
			return r.err
		}
		if m > n || m > r.remaining()/8 {
			return fmt.Errorf("sparse vector %q: %d vectors do not fit", sp.name, m)
		}
		sp.grow(n)
		next := 0
		for range m {
			s := int(r.u32("slot"))
			v := r.sparseVec("sparse vector")
			if r.err != nil {
				return r.err
			}
			if s < next || s >= n {
				return fmt.Errorf("sparse vector %q: slot %d out of order", sp.name, s)
			}
			if err := checkFiniteVec(v.Values); err != nil {
				return fmt.Errorf("sparse vector %q: %v", sp.name, err)
			}
			for ; next < s; next++ {
				sp.add(uint32(next), SparseVector{})
			}
			sp.add(uint32(s), v)
			next = s + 1
		}
		for ; next < n; next++ {
			sp.add(uint32(next), SparseVector{})
		}
		for s, d := range c.deleted {
			if d {
				sp.kill(uint32(s))
			}
		}
	}
	if r.err != nil {
		return r.err
	}
	// Named graphs: as stored (format 5), or built here.
	loaded := map[string]bool{}
	if err := c.decodeSections(r, loaded); err != nil {
		return err
	}
	for _, ds := range c.dense {
		if ds.multi {
			continue
		}
		ds.vecs.encodePending()
		if !loaded[ds.name] {
			ds.graph.insertBatch(0, uint32(len(ds.owner)), runtime.GOMAXPROCS(0))
		}
	}
	for field, p := range ej.Indexes {
		if err := c.createIndexLocked(field, p); err != nil {
			return err
		}
	}
	return nil
}
