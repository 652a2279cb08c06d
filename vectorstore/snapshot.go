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
	snapshotMagic   = "GAIAVSNP"
	snapshotVersion = 1
)

type snapshotHeader struct {
	Name   string           `json:"name"`
	Config CollectionConfig `json:"config"`
}

// writeSnapshotLocked writes c to w in the snapshot format. The caller must
// keep the collection from changing: hold mu (read) or be the store's writer.
func (c *collection) writeSnapshotLocked(w io.Writer) error {
	if c.cfg.hasNamed() || len(c.indexes) > 0 || slices.Contains(c.noVec, true) {
		return fmt.Errorf("%w: collection %q has named vectors, payload indexes or points without a vector, which the snapshot format (version 1) does not hold yet", ErrInvalid, c.name)
	}
	crc := crc32.New(crcTable)
	bw := bufio.NewWriterSize(io.MultiWriter(w, crc), 1<<16)
	hdr, err := json.Marshal(snapshotHeader{Name: c.name, Config: c.cfg})
	if err != nil {
		return fmt.Errorf("vectorstore: snapshot header: %w", err)
	}
	b := make([]byte, 0, 1<<16)
	b = append(b, snapshotMagic...)
	b = appendU32(b, snapshotVersion)
	b = appendU32(b, uint32(len(hdr)))
	b = append(b, hdr...)
	b = appendU64(b, uint64(c.liveLocked()))
	for s := range c.ids {
		if c.deleted[s] {
			continue
		}
		p := preparedPoint{id: c.ids[s], vec: c.vecs.at(uint32(s)), payloadJSON: c.payloads.raw[s]}
		b = appendPoint(b, &p)
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
	if v := r.u32("snapshot version"); r.err == nil && v != snapshotVersion {
		return nil, fmt.Errorf("%w: unsupported snapshot version %d", ErrCorrupt, v)
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
