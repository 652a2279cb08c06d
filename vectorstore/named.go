package vectorstore

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
)

// A collection's unnamed vector lives in collection.vecs and
// collection.graph, slot for slot (the fast path). Named dense vectors
// (CollectionConfig.Vectors) each live in a denseSpace: a vectorSet and an
// HNSW graph of their own over the points that carry that vector, whose
// nodes map to collection slots through owner. Named sparse vectors
// (CollectionConfig.SparseVectors) each live in a sparseSpace (sparse.go).
// A slot's tombstone kills its nodes in every space too: the acceptor
// reads deleted through owner.
//
// A multi-vector (VectorParams.MultiVector) is a denseSpace too: a point's
// vectors are consecutive nodes owned by its slot (nodeOf gives the
// first), and the space has no graph: searches scan it (MaxSim).

// denseSpace is one named dense vector of a collection.
type denseSpace struct {
	name   string
	params VectorParams
	hnsw   HNSWConfig
	vecs   *vectorSet
	graph  *hnswGraph
	owner  []uint32 // node -> collection slot (non-decreasing)
	nodeOf []int32  // collection slot -> (first) node, -1 when the point has none
	multi  bool     // a multi-vector: no graph, several nodes per slot
}

func newDenseSpace(name string, vp VectorParams, h HNSWConfig) *denseSpace {
	ds := &denseSpace{name: name, params: vp, hnsw: h, multi: vp.isMulti()}
	ds.vecs = newVectorSet(vp.Size, vp.Distance, h.NoQuantization || ds.multi)
	ds.graph = newHNSW(ds.vecs, h)
	return ds
}

// nodes returns the first node of slot s and how many it has (1 unless
// multi), k 0 when the point has no such vector.
func (ds *denseSpace) nodes(s uint32) (first, k uint32) {
	n := ds.nodeOf[s]
	if n < 0 {
		return 0, 0
	}
	first, k = uint32(n), 1
	if ds.multi {
		for int(first+k) < len(ds.owner) && ds.owner[first+k] == s {
			k++
		}
	}
	return first, k
}

// flat returns slot s's vectors back to back (nil when it has none).
func (ds *denseSpace) flat(s uint32) []float32 {
	first, k := ds.nodes(s)
	if k == 0 {
		return nil
	}
	d := ds.params.Size
	return ds.vecs.data[int(first)*d : int(first+k)*d]
}

// node returns the node of slot s, if the point there has this vector.
func (ds *denseSpace) node(s uint32) (uint32, bool) {
	n := ds.nodeOf[s]
	return uint32(n), n >= 0
}

// namedSpaces builds the empty named spaces of cfg, sorted by name.
func namedSpaces(cfg *CollectionConfig) ([]*denseSpace, []*sparseSpace) {
	var dense []*denseSpace
	for n, vp := range cfg.Vectors {
		dense = append(dense, newDenseSpace(n, vp, cfg.namedHNSW(vp)))
	}
	sort.Slice(dense, func(i, j int) bool { return dense[i].name < dense[j].name })
	var sparse []*sparseSpace
	for n, sp := range cfg.SparseVectors {
		sparse = append(sparse, newSparseSpace(n, sp))
	}
	sort.Slice(sparse, func(i, j int) bool { return sparse[i].name < sparse[j].name })
	return dense, sparse
}

func (c *collection) denseSpace(name string) *denseSpace {
	for _, ds := range c.dense {
		if ds.name == name {
			return ds
		}
	}
	return nil
}

func (c *collection) sparseSpace(name string) *sparseSpace {
	for _, sp := range c.sparse {
		if sp.name == name {
			return sp
		}
	}
	return nil
}

// prepareNamed validates and copies p's named vectors into pp.
func prepareNamed(cfg *CollectionConfig, p *Point, pp *preparedPoint) error {
	for name, mv := range p.MultiVectors {
		vp, ok := cfg.Vectors[name]
		if !ok || !vp.isMulti() {
			return fmt.Errorf("%w: point %v: collection has no multi-vector named %q", ErrInvalid, p.ID, name)
		}
		if _, dup := p.Vectors[name]; dup {
			return fmt.Errorf("%w: point %v: vector %q given twice", ErrInvalid, p.ID, name)
		}
		if len(mv) == 0 || len(mv) > maxMultiVectors {
			return fmt.Errorf("%w: point %v: multi-vector %q has %d vectors (want 1..%d)", ErrInvalid, p.ID, name, len(mv), maxMultiVectors)
		}
		flat := make([]float32, 0, len(mv)*vp.Size)
		for _, v := range mv {
			if len(v) != vp.Size {
				return fmt.Errorf("%w: point %v: multi-vector %q has a vector of dimension %d, collection wants %d", ErrInvalid, p.ID, name, len(v), vp.Size)
			}
			if err := checkFiniteVec(v); err != nil {
				return fmt.Errorf("%w: point %v: vector %q: %v", ErrInvalid, p.ID, name, err)
			}
			flat = append(flat, v...)
			if vp.Distance == Cosine {
				normalize(flat[len(flat)-vp.Size:])
			}
		}
		if pp.named == nil {
			pp.named = make(map[string][]float32, len(p.Vectors)+len(p.MultiVectors))
		}
		pp.named[name] = flat
	}
	for name, v := range p.Vectors {
		vp, ok := cfg.Vectors[name]
		if ok && vp.isMulti() {
			return fmt.Errorf("%w: point %v: %q is a multi-vector: give it as a list of vectors", ErrInvalid, p.ID, name)
		}
		if !ok {
			if _, sparse := cfg.SparseVectors[name]; sparse {
				return fmt.Errorf("%w: point %v: %q is a sparse vector, given as dense", ErrInvalid, p.ID, name)
			}
			return fmt.Errorf("%w: point %v: collection has no vector named %q", ErrInvalid, p.ID, name)
		}
		if len(v) != vp.Size {
			return fmt.Errorf("%w: point %v: vector %q has dimension %d, collection wants %d", ErrInvalid, p.ID, name, len(v), vp.Size)
		}
		vec := slices.Clone(v)
		if err := checkFiniteVec(vec); err != nil {
			return fmt.Errorf("%w: point %v: vector %q: %v", ErrInvalid, p.ID, name, err)
		}
		if vp.Distance == Cosine {
			normalize(vec)
		}
		if pp.named == nil {
			pp.named = make(map[string][]float32, len(p.Vectors))
		}
		pp.named[name] = vec
	}
	for name, sv := range p.Sparse {
		if _, ok := cfg.SparseVectors[name]; !ok {
			if _, dense := cfg.Vectors[name]; dense {
				return fmt.Errorf("%w: point %v: %q is a dense vector, given as sparse", ErrInvalid, p.ID, name)
			}
			return fmt.Errorf("%w: point %v: collection has no sparse vector named %q", ErrInvalid, p.ID, name)
		}
		nv, err := normalizeSparse(sv)
		if err != nil {
			return fmt.Errorf("%w: point %v: sparse vector %q: %v", ErrInvalid, p.ID, name, err)
		}
		if pp.sparse == nil {
			pp.sparse = make(map[string]SparseVector, len(p.Sparse))
		}
		pp.sparse[name] = nv
	}
	return nil
}

func checkFiniteVec(v []float32) error {
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return fmt.Errorf("non-finite component")
		}
	}
	return nil
}

// appendNamedLocked stores p's named vectors for the new slot s (already
// appended to c.ids). Needs mu (write).
func (c *collection) appendNamedLocked(s uint32, p *preparedPoint) {
	for _, ds := range c.dense {
		v, ok := p.named[ds.name]
		if !ok {
			ds.nodeOf = append(ds.nodeOf, -1)
			continue
		}
		ds.nodeOf = append(ds.nodeOf, int32(len(ds.owner)))
		for range len(v) / ds.params.Size {
			ds.owner = append(ds.owner, s)
		}
		ds.vecs.data = append(ds.vecs.data, v...)
	}
	for _, sp := range c.sparse {
		sp.add(s, p.sparse[sp.name])
	}
}

// indexNamedLocked inserts the named vectors added since the last call
// into their graphs. Needs mu (write).
func (c *collection) indexNamedLocked(workers int) {
	for _, ds := range c.dense {
		if ds.multi {
			continue
		}
		first := uint32(ds.graph.size())
		n := uint32(len(ds.owner)) - first
		if n == 0 {
			continue
		}
		ds.vecs.encodePending()
		ds.graph.insertBatch(first, n, workers)
	}
}

// killNamedLocked updates the sparse statistics for slot s becoming a
// tombstone. Needs mu (write).
func (c *collection) killNamedLocked(s uint32) {
	for _, sp := range c.sparse {
		sp.kill(s)
	}
}

// sameNamedLocked reports whether p's named vectors equal those of slot s
// (so an upsert of p only changes the payload).
func (c *collection) sameNamedLocked(s uint32, p *preparedPoint) bool {
	for _, ds := range c.dense {
		v, given := p.named[ds.name]
		if have := ds.flat(s); (have != nil) != given || (given && !slices.Equal(have, v)) {
			return false
		}
	}
	for _, sp := range c.sparse {
		if !sp.vecs[s].equal(p.sparse[sp.name]) {
			return false
		}
	}
	return true
}

// namedOfLocked returns copies of slot s's named vectors (nil maps when
// there are none) restricted to names when names is not nil.
func (c *collection) namedOfLocked(s uint32, names []string) (map[string][]float32, map[string]SparseVector, map[string][][]float32) {
	var dense map[string][]float32
	var sparse map[string]SparseVector
	var multi map[string][][]float32
	want := func(n string) bool { return names == nil || slices.Contains(names, n) }
	for _, ds := range c.dense {
		if !want(ds.name) {
			continue
		}
		if ds.multi {
			if flat := ds.flat(s); flat != nil {
				if multi == nil {
					multi = map[string][][]float32{}
				}
				multi[ds.name] = splitFlat(flat, ds.params.Size)
			}
		} else if n, ok := ds.node(s); ok {
			if dense == nil {
				dense = map[string][]float32{}
			}
			dense[ds.name] = slices.Clone(ds.vecs.at(n))
		}
	}
	for _, sp := range c.sparse {
		if v := sp.vecs[s]; v.Indices != nil && want(sp.name) {
			if sparse == nil {
				sparse = map[string]SparseVector{}
			}
			sparse[sp.name] = v.clone()
		}
	}
	return dense, sparse, multi
}

// splitFlat copies vectors of dimension d stored back to back into a list.
func splitFlat(flat []float32, d int) [][]float32 {
	out := make([][]float32, len(flat)/d)
	for i := range out {
		out[i] = slices.Clone(flat[i*d : (i+1)*d])
	}
	return out
}

// rebuildNamed returns fresh spaces holding the named vectors of the live
// slots of c, renumbered by keep (old slot -> new slot, -1 dropped), with
// their graphs built. The caller swaps them in under mu.
func (c *collection) rebuildNamed(keep []int32, live int) ([]*denseSpace, []*sparseSpace) {
	dense, sparse := namedSpaces(&c.cfg)
	for i, ds := range dense {
		old := c.dense[i]
		ds.vecs = old.vecs.withQuantizer()
		ds.graph = newHNSW(ds.vecs, ds.hnsw)
		ds.nodeOf = make([]int32, live)
		for s := range ds.nodeOf {
			ds.nodeOf[s] = -1
		}
		for os, ns := range keep {
			if ns < 0 {
				continue
			}
			if flat := old.flat(uint32(os)); flat != nil {
				ds.nodeOf[ns] = int32(len(ds.owner))
				for range len(flat) / ds.params.Size {
					ds.owner = append(ds.owner, uint32(ns))
				}
				ds.vecs.data = append(ds.vecs.data, flat...)
			}
		}
		if ds.multi {
			continue
		}
		ds.vecs.encodePending()
		ds.graph.insertBatch(0, uint32(len(ds.owner)), runtime.GOMAXPROCS(0))
	}
	for i, sp := range sparse {
		old := c.sparse[i]
		sp.grow(live)
		for os, ns := range keep {
			if ns >= 0 {
				sp.add(uint32(ns), old.vecs[os])
			}
		}
	}
	return dense, sparse
}
