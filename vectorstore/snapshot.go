package vectorstore

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"slices"
	"sync"
)

// A collection snapshot is one self-checking file:
//
//	offset  size   field
//	0       8      magic "GAIAVSNP" (47 41 49 41 56 53 4e 50)
//	8       4      format version, u32 = 1
//	12      4      header length H, u32, at most 1 MiB
//	16      H      header, JSON: {"name": ..., "config": CollectionConfig}
//	16+H    8      point count N, u64
//	24+H    ...    N points, each as in codec.go: id kind u8, id (8 or 16
//	               bytes), dim×f32 vector, u32 payload length, payload JSON
//	end-4   4      CRC-32C (Castagnoli) of every byte before it
//
// Format version 2 holds what version 1 cannot: named dense, sparse and
// multi-vectors, points without the unnamed vector, payload indexes and
// point versions. Its header adds "indexes" ({field: params}) and each
// point is
//
//	len     u32    length L of the point's named form, at most 1 GiB
//	version u64    the point's version
//	point   L      the point in the named form of codec_named.go
//
// Export writes version 1 when the collection fits it (an unnamed vector
// on every point, no named vectors, no payload indexes), so that older
// readers keep reading those, and version 2 otherwise.
//
// For example an empty collection "d" of dimension 2 starts
//
//	47 41 49 41 56 53 4e 50  01 00 00 00  2b 00 00 00  {"name":"d","config":{"dim":2,...
//
// The header carries the embedding model name and the dimension, which
// ImportSnapshot checks before it replaces anything. Readers treat every
// byte as hostile: lengths are bounded before allocation, vectors must be
// finite, payloads must be JSON objects, and nothing is stored until the
// checksum at the end has matched.

const (
	snapshotMagic     = "GAIAVSNP"
	snapshotVersion   = 1
	snapshotVersion2  = 2
	maxSnapshotPoint2 = 1 << 30
)

type snapshotHeader struct {
	Name    string                        `json:"name"`
	Config  CollectionConfig              `json:"config"`
	Indexes map[string]PayloadIndexParams `json:"indexes,omitempty"`
}

// writeSnapshotLocked writes c to w in the snapshot format. The caller must
// keep the collection from changing: hold mu (read) or be the store's writer.
func (c *collection) writeSnapshotLocked(w io.Writer) error {
	v2 := c.cfg.hasNamed() || len(c.indexes) > 0 || slices.Contains(c.noVec, true)
	crc := crc32.New(crcTable)
	bw := bufio.NewWriterSize(io.MultiWriter(w, crc), 1<<16)
	h := snapshotHeader{Name: c.name, Config: c.cfg}
	version := uint32(snapshotVersion)
	if v2 {
		h.Indexes, version = c.indexParams(), snapshotVersion2
	}
	hdr, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("vectorstore: snapshot header: %w", err)
	}
	b := make([]byte, 0, 1<<16)
	b = append(b, snapshotMagic...)
	b = appendU32(b, version)
	b = appendU32(b, uint32(len(hdr)))
	b = append(b, hdr...)
	b = appendU64(b, uint64(c.liveLocked()))
	var pb []byte // one point in the named form (version 2)
	for s := range c.ids {
		if c.deleted[s] {
			continue
		}
		p := preparedPoint{id: c.ids[s], vec: c.vecs.at(uint32(s)), payloadJSON: c.payloads.raw[s]}
		if !v2 {
			b = appendPoint(b, &p)
		} else {
			if !c.hasVecLocked(uint32(s)) {
				p.vec = nil
			}
			for _, ds := range c.dense {
				if flat := ds.flat(uint32(s)); flat != nil {
					if p.named == nil {
						p.named = map[string][]float32{}
					}
					p.named[ds.name] = flat
				}
			}
			for _, sp := range c.sparse {
				if v := sp.vecs[s]; v.Indices != nil {
					if p.sparse == nil {
						p.sparse = map[string]SparseVector{}
					}
					p.sparse[sp.name] = v
				}
			}
			pb = appendNamedPoint(pb[:0], &p)
			b = appendU32(b, uint32(len(pb)))
			b = appendU64(b, c.versions[s])
			b = append(b, pb...)
		}
		if len(b) >= 1<<16 {
			if _, err := bw.Write(b); err != nil {
				return fmt.Errorf("vectorstore: writing snapshot: %w", err)
			}
			b = b[:0]
		}
	}
	if _, err := bw.Write(b); err != nil {
		return fmt.Errorf("vectorstore: writing snapshot: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("vectorstore: writing snapshot: %w", err)
	}
	if _, err := w.Write(appendU32(nil, crc.Sum32())); err != nil {
		return fmt.Errorf("vectorstore: writing snapshot: %w", err)
	}
	return nil
}

// decodedSnapshot is a snapshot read and verified in full.
type decodedSnapshot struct {
	name   string
	cfg    CollectionConfig
	points []preparedPoint
	graph  *decodedGraph // from a checkpoint only; nil means rebuild
	// indexes are the payload indexes to build (version 2).
	indexes map[string]PayloadIndexParams
}

// readSnapshot decodes one snapshot from r, verifying its checksum. It
// consumes exactly the snapshot's bytes from r's point of view (r may hold
// more after it, as a checkpoint does).
func readSnapshot(r *streamReader) (*decodedSnapshot, error) {
	r.crc.Reset()
	var magic [8]byte
	if r.read(magic[:], "snapshot magic") && string(magic[:]) != snapshotMagic {
		return nil, fmt.Errorf("%w: bad snapshot magic %q", ErrCorrupt, magic[:])
	}
	version := r.u32("snapshot version")
	if r.err == nil && version != snapshotVersion && version != snapshotVersion2 {
		return nil, fmt.Errorf("%w: unsupported snapshot version %d", ErrCorrupt, version)
	}
	hlen := r.u32("header length")
	hdrBytes := r.bytes(uint64(hlen), maxConfigSize, "snapshot header")
	if r.err != nil {
		return nil, r.err
	}
	var hdr snapshotHeader
	if err := decodeStrict(hdrBytes, &hdr); err != nil {
		return nil, fmt.Errorf("%w: snapshot header: %v", ErrCorrupt, err)
	}
	if err := ValidName(hdr.Name); err != nil {
		return nil, fmt.Errorf("%w: snapshot header: %v", ErrCorrupt, err)
	}
	if err := hdr.Config.Validate(); err != nil {
		return nil, fmt.Errorf("%w: snapshot header: %v", ErrCorrupt, err)
	}
	for f, p := range hdr.Indexes {
		if _, err := newPayloadIndex(f, p); err != nil {
			return nil, fmt.Errorf("%w: snapshot header: index %q: %v", ErrCorrupt, f, err)
		}
	}
	if version == snapshotVersion2 {
		return readSnapshotPoints2(r, &hdr)
	}
	if len(hdr.Indexes) > 0 {
		return nil, fmt.Errorf("%w: snapshot header: indexes in a version-1 snapshot", ErrCorrupt)
	}
	n := r.u64("point count")
	d := &decodedSnapshot{name: hdr.Name, cfg: hdr.Config}
	dim := hdr.Config.Dim
	vecBuf := make([]byte, 4*dim)
	// n is untrusted: presize for at most 64Ki points.
	d.points = make([]preparedPoint, 0, min(n, 1<<16))
	var pays [][]byte
	for i := uint64(0); i < n && r.err == nil; i++ {
		p, pay, err := r.point(dim, vecBuf)
		if err != nil {
			return nil, err
		}
		d.points = append(d.points, p)
		pays = append(pays, pay)
	}
	r.checkCRC("snapshot")
	if r.err != nil {
		return nil, r.err
	}
	if err := finishPoints(d.points, pays, hdr.Config.Distance == Cosine); err != nil {
		return nil, err
	}
	return d, nil
}

// readSnapshotPoints2 reads the points of a version-2 snapshot (see
// above) and its checksum.
func readSnapshotPoints2(r *streamReader, hdr *snapshotHeader) (*decodedSnapshot, error) {
	d := &decodedSnapshot{name: hdr.Name, cfg: hdr.Config, indexes: hdr.Indexes}
	n := r.u64("point count")
	d.points = make([]preparedPoint, 0, min(n, 1<<16))
	seen := make(map[PointID]bool, min(n, 1<<16))
	for i := uint64(0); i < n && r.err == nil; i++ {
		l := r.u32("point length")
		version := r.u64("point version")
		raw := r.bytes(uint64(l), maxSnapshotPoint2, "point")
		if r.err != nil {
			break
		}
		br := &byteReader{b: raw}
		p, err := br.namedPoint(&d.cfg)
		if err == nil && br.remaining() != 0 {
			err = fmt.Errorf("%w: point %d: %d trailing bytes", ErrCorrupt, i, br.remaining())
		}
		if err != nil {
			return nil, fmt.Errorf("%w: snapshot point %d: %v", ErrCorrupt, i, err)
		}
		if seen[p.id] {
			return nil, fmt.Errorf("%w: snapshot has point %v twice", ErrCorrupt, p.id)
		}
		seen[p.id] = true
		p.version = version
		d.points = append(d.points, p)
	}
	r.checkCRC("snapshot")
	if r.err != nil {
		return nil, r.err
	}
	return d, nil
}

// finishPoints checks and completes decoded points (finishPoint, and for
// Cosine normalizeIfNeeded) on every core: decoding payload JSON is most of
// the work of loading a checkpoint. It returns the error of the first bad
// point, as a sequential pass would.
func finishPoints(pts []preparedPoint, pays [][]byte, cosine bool) error {
	workers := min(runtime.GOMAXPROCS(0), max(len(pts)/256, 1))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			lo, hi := len(pts)*w/workers, len(pts)*(w+1)/workers
			for i := lo; i < hi; i++ {
				if err := finishPoint(&pts[i], pays[i]); err != nil {
					errs[w] = err
					return
				}
				if cosine {
					normalizeIfNeeded(pts[i].vec)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// DecodeSnapshot reads a whole collection snapshot from r and verifies it,
// returning its collection name, configuration and point count. It is what
// ImportSnapshot does before it touches the store, exposed for tools that
// inspect snapshot files.
func DecodeSnapshot(r io.Reader) (name string, cfg CollectionConfig, points int, err error) {
	d, err := readSnapshot(newStreamReader(r))
	if err != nil {
		return "", CollectionConfig{}, 0, err
	}
	return d.name, d.cfg, len(d.points), nil
}
