package vectorstore

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// The named form of a point, used by WAL records of op 5 (collections with
// named dense or sparse vectors) and by checkpoint format 4:
//
//	kind  u8        1 = numeric id, 2 = UUID
//	id    8 or 16   u64 or the UUID's 16 bytes
//	dim   u32       length of the unnamed vector (0 when the point or
//	                the collection has none)
//	vec   dim×f32
//	nd    u16       named dense vectors, each: name, size u32, size×f32
//	                (a multi-vector: its k vectors back to back, size
//	                k×the vector's size)
//	ns    u16       named sparse vectors, each: name, nnz u32, nnz×u32
//	                indices (strictly increasing), nnz×f32 values
//	plen  u32       payload length, 0 = no payload (at most 16 MiB)
//	pay   plen      payload as a JSON object
//
// Names are sorted, so that equal points encode to equal bytes.

func appendF32s(b []byte, v []float32) []byte {
	for _, x := range v {
		b = appendU32(b, math.Float32bits(x))
	}
	return b
}

func appendSparse(b []byte, v SparseVector) []byte {
	b = appendU32(b, uint32(len(v.Indices)))
	for _, i := range v.Indices {
		b = appendU32(b, i)
	}
	return appendF32s(b, v.Values)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func appendNamedPoint(b []byte, p *preparedPoint) []byte {
	b = appendID(b, p.id)
	b = appendU32(b, uint32(len(p.vec)))
	b = appendF32s(b, p.vec)
	b = appendU16(b, uint16(len(p.named)))
	for _, n := range sortedKeys(p.named) {
		b = appendName(b, n)
		b = appendU32(b, uint32(len(p.named[n])))
		b = appendF32s(b, p.named[n])
	}
	b = appendU16(b, uint16(len(p.sparse)))
	for _, n := range sortedKeys(p.sparse) {
		b = appendName(b, n)
		b = appendSparse(b, p.sparse[n])
	}
	b = appendU32(b, uint32(len(p.payloadJSON)))
	return append(b, p.payloadJSON...)
}

func namedPointSize(p *preparedPoint) int {
	n := 17 + 4 + 4*len(p.vec) + 4 + 4 + len(p.payloadJSON)
	for k, v := range p.named {
		n += 2 + len(k) + 4 + 4*len(v)
	}
	for k, v := range p.sparse {
		n += 2 + len(k) + 4 + 8*len(v.Indices)
	}
	return n
}

func (r *byteReader) f32s(n int, what string) []float32 {
	if n < 0 || n > r.remaining()/4 {
		r.fail("truncated " + what)
		return nil
	}
	raw := r.take(4*n, what)
	out := make([]float32, n)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
	}
	return out
}

func (r *byteReader) sparseVec(what string) SparseVector {
	n := int(r.u32(what + " length"))
	if r.err != nil || n > maxSparseNNZ || n > r.remaining()/8 {
		r.fail("bad " + what + " length")
		return SparseVector{}
	}
	v := SparseVector{Indices: make([]uint32, n)}
	for i := range v.Indices {
		v.Indices[i] = r.u32(what + " index")
		if i > 0 && v.Indices[i] <= v.Indices[i-1] && r.err == nil {
			r.fail(what + " indices not increasing")
		}
	}
	v.Values = r.f32s(n, what+" values")
	return v
}

// namedPoint decodes one point in the named form; the vectors are checked
// against cfg as preparePoints checks new ones.
func (r *byteReader) namedPoint(cfg *CollectionConfig) (preparedPoint, error) {
	p := preparedPoint{id: r.id()}
	dim := int(r.u32("dim"))
	if r.err == nil && dim != cfg.Dim && dim != 0 {
		r.fail(fmt.Sprintf("point dimension %d, collection has %d", dim, cfg.Dim))
	}
	p.vec = r.f32s(dim, "vector")
	nd := int(r.u16("named count"))
	for range nd {
		name := r.name()
		n := int(r.u32("named size"))
		vp, ok := cfg.Vectors[name]
		fits := n == vp.Size || (vp.isMulti() && n > 0 && n%vp.Size == 0 && n/vp.Size <= maxMultiVectors)
		if r.err == nil && (!ok || !fits) {
			r.fail(fmt.Sprintf("named vector %q of size %d does not fit the collection", name, n))
		}
		v := r.f32s(n, "named vector")
		if r.err != nil {
			return p, r.err
		}
		if _, dup := p.named[name]; dup {
			return p, fmt.Errorf("%w: point %v has vector %q twice", ErrCorrupt, p.id, name)
		}
		if err := checkFiniteVec(v); err != nil {
			return p, fmt.Errorf("%w: point %v vector %q: %v", ErrCorrupt, p.id, name, err)
		}
		if p.named == nil {
			p.named = map[string][]float32{}
		}
		p.named[name] = v
	}
	ns := int(r.u16("sparse count"))
	for range ns {
		name := r.name()
		v := r.sparseVec("sparse vector")
		if r.err != nil {
			return p, r.err
		}
		if _, ok := cfg.SparseVectors[name]; !ok {
			return p, fmt.Errorf("%w: point %v has unknown sparse vector %q", ErrCorrupt, p.id, name)
		}
		if _, dup := p.sparse[name]; dup {
			return p, fmt.Errorf("%w: point %v has sparse vector %q twice", ErrCorrupt, p.id, name)
		}
		if err := checkFiniteVec(v.Values); err != nil {
			return p, fmt.Errorf("%w: point %v sparse vector %q: %v", ErrCorrupt, p.id, name, err)
		}
		if p.sparse == nil {
			p.sparse = map[string]SparseVector{}
		}
		p.sparse[name] = v
	}
	return p, r.finishPayload(&p)
}
