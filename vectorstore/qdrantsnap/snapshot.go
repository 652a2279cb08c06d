package qdrantsnap

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// Options selects what Read takes from a snapshot.
type Options struct {
	// Collection names the collection to read from a full-storage snapshot
	// that holds several; empty means the only one.
	Collection string
	// Vector names the dense vector to read from a collection with named
	// vectors; empty means the unnamed vector, or the only dense one.
	Vector string
	// TempDir is where the snapshot is unpacked while it is read (removed
	// before Read returns); empty means os.TempDir().
	TempDir string
	// Limits bound what unpacking may decompress and write; the zero
	// value means the defaults.
	Limits Limits
}

// Collection is what Read returns: one collection's configuration and its
// live points.
type Collection struct {
	// Name is the collection's name in Qdrant, when the snapshot records
	// it (full-storage snapshots and Qdrant's file naming do).
	Name string
	// Vector is the name of the dense vector read ("" for the unnamed one).
	Vector   string
	Dim      int
	Distance vectorstore.Distance
	// Points are the live points that have the vector, in id order.
	Points []vectorstore.Point
	// Segments is how many segments were read; WithoutVector counts live
	// points that lack the vector (they cannot be searched and are left out).
	Segments      int
	WithoutVector int
}

// ReadFile reads the Qdrant snapshot at path. See Read.
func ReadFile(ctx context.Context, path string, opts Options) (*Collection, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("qdrantsnap: %w", err)
	}
	defer f.Close()
	c, err := Read(ctx, f, opts)
	if err != nil {
		return nil, err
	}
	if c.Name == "" {
		c.Name = nameFromFile(filepath.Base(path))
	}
	return c, nil
}

// Read reads a Qdrant snapshot from r: a collection snapshot, a
// full-storage snapshot (several collections), or either one gzipped or
// wrapped in a .tar.gz as GaiaNet publishes them. Errors wrap ErrFormat for
// input that is not such a snapshot or is damaged, and ErrUnsupported for
// storage layouts this package does not read.
func Read(ctx context.Context, r io.Reader, opts Options) (*Collection, error) {
	dir, err := os.MkdirTemp(opts.TempDir, "qdrant-snapshot-") // 0700
	if err != nil {
		return nil, fmt.Errorf("qdrantsnap: %w", err)
	}
	defer os.RemoveAll(dir)
	b := newBudget(opts.Limits, dir)
	if err := b.checkDisk(); err != nil {
		return nil, err
	}
	if err := unpack(ctx, b.source(r), dir, 0, b); err != nil {
		return nil, err
	}
	colls, err := findCollections(dir, "")
	if err != nil {
		return nil, err
	}
	if len(colls) == 0 {
		return nil, fmt.Errorf("%w: no collection config.json found", ErrFormat)
	}
	var pick *collectionDir
	if opts.Collection != "" {
		for i := range colls {
			if colls[i].name == opts.Collection {
				pick = &colls[i]
			}
		}
		if pick == nil && len(colls) == 1 && colls[0].name == "" {
			pick = &colls[0]
		}
		if pick == nil {
			return nil, fmt.Errorf("qdrantsnap: snapshot has no collection %q (it has %s)", opts.Collection, collectionNames(colls))
		}
	} else {
		if len(colls) > 1 {
			return nil, fmt.Errorf("qdrantsnap: snapshot holds %d collections (%s); name one", len(colls), collectionNames(colls))
		}
		pick = &colls[0]
	}
	return readCollection(ctx, pick, opts)
}

type collectionDir struct {
	name string
	dir  string
}

func collectionNames(cs []collectionDir) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = fmt.Sprintf("%q", c.name)
	}
	return strings.Join(names, ", ")
}

// nameFromFile recovers the collection name from Qdrant's snapshot file
// name, "<collection>-<peer id>-<yyyy>-<mm>-<dd>-<HH>-<MM>-<SS>.snapshot".
func nameFromFile(base string) string {
	for _, ext := range []string{".d", ".gz", ".tar", ".snapshot"} {
		base = strings.TrimSuffix(base, ext)
	}
	parts := strings.Split(base, "-")
	if len(parts) < 8 {
		return ""
	}
	for _, p := range parts[len(parts)-7:] {
		for _, r := range p {
			if r < '0' || r > '9' {
				return ""
			}
		}
	}
	return strings.Join(parts[:len(parts)-7], "-")
}

// findCollections locates the collections unpacked under dir: dir itself
// when it holds a collection's config.json, the collections a full-storage
// snapshot maps by name, or those in archives nested one level down (a
// .snapshot inside GaiaNet's .tar.gz).
func findCollections(dir, name string) ([]collectionDir, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err == nil {
		var probe struct {
			Params      json.RawMessage   `json:"params"`
			Collections map[string]string `json:"collections_mapping"`
		}
		if err := json.Unmarshal(raw, &probe); err != nil {
			return nil, fmt.Errorf("%w: config.json: %v", ErrFormat, err)
		}
		if probe.Params != nil {
			return []collectionDir{{name: name, dir: dir}}, nil
		}
		if probe.Collections != nil {
			var out []collectionDir
			for cname, file := range probe.Collections {
				if file == "" || strings.ContainsAny(file, `/\`) || file == "." || file == ".." {
					return nil, fmt.Errorf("%w: collection %q maps to file %q", ErrFormat, cname, file)
				}
				sub := filepath.Join(dir, file+".d")
				if _, err := os.Stat(sub); err != nil {
					return nil, fmt.Errorf("%w: collection %q: snapshot %s is missing", ErrFormat, cname, file)
				}
				found, err := findCollections(sub, cname)
				if err != nil {
					return nil, err
				}
				out = append(out, found...)
			}
			sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
			return out, nil
		}
		return nil, fmt.Errorf("%w: config.json is neither a collection's nor a full snapshot's", ErrFormat)
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("qdrantsnap: %w", err)
	}
	var out []collectionDir
	err = filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir || !e.IsDir() {
			return nil
		}
		if !strings.HasSuffix(e.Name(), ".snapshot.d") {
			return nil
		}
		found, err := findCollections(p, nameFromFile(e.Name()))
		if err != nil {
			return err
		}
		out = append(out, found...)
		return filepath.SkipDir
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// vectorParams is a dense vector's configuration in a collection's
// config.json.
type vectorParams struct {
	Size     int    `json:"size"`
	Distance string `json:"distance"`
}

// collectionVectors returns the collection's dense vectors by name ("" for
// the unnamed one) from its config.json. Qdrant writes either one
// {"size","distance"} object or a map of them by name; versions before 0.10
// wrote "vector_size" and "distance" at the top of params.
func collectionVectors(dir string) (map[string]vectorParams, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err != nil {
		return nil, fmt.Errorf("qdrantsnap: %w", err)
	}
	var cfg struct {
		Params struct {
			Vectors    json.RawMessage `json:"vectors"`
			VectorSize int             `json:"vector_size"`
			Distance   string          `json:"distance"`
		} `json:"params"`
	}
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return nil, fmt.Errorf("%w: collection config.json: %v", ErrFormat, err)
	}
	p := cfg.Params
	if len(p.Vectors) == 0 {
		if p.VectorSize > 0 {
			return map[string]vectorParams{"": {Size: p.VectorSize, Distance: p.Distance}}, nil
		}
		return nil, fmt.Errorf("%w: collection config.json names no vectors", ErrFormat)
	}
	var one vectorParams
	if err := json.Unmarshal(p.Vectors, &one); err == nil && one.Size > 0 {
		return map[string]vectorParams{"": one}, nil
	}
	var named map[string]vectorParams
	if err := json.Unmarshal(p.Vectors, &named); err != nil {
		return nil, fmt.Errorf("%w: collection config.json vectors: %v", ErrFormat, err)
	}
	if len(named) == 0 {
		return nil, fmt.Errorf("%w: collection has no dense vectors", ErrUnsupported)
	}
	return named, nil
}

// pickVector chooses the dense vector to read.
func pickVector(vecs map[string]vectorParams, want string) (string, vectorParams, error) {
	if v, ok := vecs[want]; ok {
		return want, v, nil
	}
	names := make([]string, 0, len(vecs))
	for n := range vecs {
		names = append(names, n)
	}
	slices.Sort(names)
	if want == "" && len(vecs) == 1 {
		return names[0], vecs[names[0]], nil
	}
	if want == "" {
		return "", vectorParams{}, fmt.Errorf("qdrantsnap: collection has vectors %q; name the one to import", names)
	}
	return "", vectorParams{}, fmt.Errorf("qdrantsnap: collection has no vector %q (it has %q)", want, names)
}

func parseDistance(s string) (vectorstore.Distance, error) {
	d, err := vectorstore.ParseDistance(s)
	if err != nil {
		return "", fmt.Errorf("%w: distance %q", ErrUnsupported, s)
	}
	return d, nil
}

// readCollection reads every segment of every shard of one collection.
func readCollection(ctx context.Context, cd *collectionDir, opts Options) (*Collection, error) {
	vecs, err := collectionVectors(cd.dir)
	if err != nil {
		return nil, err
	}
	vname, vp, err := pickVector(vecs, opts.Vector)
	if err != nil {
		return nil, err
	}
	dist, err := parseDistance(vp.Distance)
	if err != nil {
		return nil, err
	}
	segs, err := segmentDirs(cd.dir)
	if err != nil {
		return nil, err
	}
	if len(segs) == 0 {
		return nil, fmt.Errorf("%w: collection has no segments", ErrFormat)
	}
	merged := map[vectorstore.PointID]*segPoint{}
	for _, s := range segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pts, err := readSegment(ctx, s, vname, vp.Size)
		if err != nil {
			return nil, fmt.Errorf("segment %s: %w", filepath.Base(strings.TrimSuffix(s, ".tar.d")), err)
		}
		for i := range pts {
			p := &pts[i]
			if old, ok := merged[p.id]; !ok || p.version >= old.version {
				merged[p.id] = p
			}
		}
	}
	out := &Collection{Name: cd.name, Vector: vname, Dim: vp.Size, Distance: dist, Segments: len(segs)}
	for id, p := range merged {
		if p.vector == nil {
			out.WithoutVector++
			continue
		}
		out.Points = append(out.Points, vectorstore.Point{ID: id, Vector: p.vector, Payload: p.payload})
	}
	slices.SortFunc(out.Points, func(a, b vectorstore.Point) int { return comparePointIDs(a.ID, b.ID) })
	return out, nil
}

// comparePointIDs orders numeric ids before UUIDs, each by value.
func comparePointIDs(a, b vectorstore.PointID) int {
	switch {
	case a.IsUUID() != b.IsUUID():
		if a.IsUUID() {
			return 1
		}
		return -1
	case a.IsUUID():
		ua, ub := a.UUID(), b.UUID()
		return strings.Compare(string(ua[:]), string(ub[:]))
	default:
		switch {
		case a.Num() < b.Num():
			return -1
		case a.Num() > b.Num():
			return 1
		}
		return 0
	}
}

// segmentDirs lists the unpacked segments of every shard of a collection:
// shard directories hold a segments/ folder whose entries are either
// unpacked archives ("<id>.tar.d") or plain segment directories.
func segmentDirs(coll string) ([]string, error) {
	shards, err := os.ReadDir(coll)
	if err != nil {
		return nil, fmt.Errorf("qdrantsnap: %w", err)
	}
	var out []string
	for _, sh := range shards {
		segRoot := filepath.Join(coll, sh.Name(), "segments")
		if !sh.IsDir() {
			continue
		}
		ents, err := os.ReadDir(segRoot)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("qdrantsnap: %w", err)
		}
		for _, e := range ents {
			if e.IsDir() {
				out = append(out, filepath.Join(segRoot, e.Name()))
			}
		}
	}
	return out, nil
}
