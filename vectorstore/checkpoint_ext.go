package vectorstore

import (
	"fmt"
	"runtime"
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
//	    increasing, below the slot count), K×size f32 vectors
//	sparse count S u16, S times (sorted by name):
//	    name, count M u32 of slots with a vector, M times: slot u32
//	    (strictly increasing), the vector as in codec_named.go
//
// Named vectors are written whole at every checkpoint, and their HNSW
// graphs are rebuilt when the checkpoint is loaded; payload indexes are
// rebuilt from the payloads.

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
	return b, nil
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
		if size != ds.params.Size || k > n || k > r.remaining()/(4+4*size) {
			return fmt.Errorf("vector %q: %d nodes of size %d do not fit", ds.name, k, size)
		}
		ds.owner = takeRaw[uint32](r, k, "owners")
		ds.nodeOf = make([]int32, n)
		for i := range ds.nodeOf {
			ds.nodeOf[i] = -1
		}
		for i, o := range ds.owner {
			if int(o) >= n || (i > 0 && o <= ds.owner[i-1]) {
				return fmt.Errorf("vector %q: node %d has owner slot %d", ds.name, i, o)
			}
			ds.nodeOf[o] = int32(i)
		}
		ds.vecs.data = takeRaw[float32](r, k*size, "vectors")
		if r.err != nil {
			return r.err
		}
		if err := checkFinite(ds.vecs.data); err != nil {
			return fmt.Errorf("vector %q: %v", ds.name, err)
		}
		ds.vecs.encodePending()
		ds.graph.insertBatch(0, uint32(k), runtime.GOMAXPROCS(0))
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
	if r.remaining() != 0 {
		return fmt.Errorf("%d trailing bytes", r.remaining())
	}
	for field, p := range ej.Indexes {
		if err := c.createIndexLocked(field, p); err != nil {
			return err
		}
	}
	return nil
}
