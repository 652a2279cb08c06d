package vectorstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Options configures Open. The zero value is usable.
type Options struct {
	// CheckpointBytes: when the WAL grows past this many bytes after a
	// write, the writer checkpoints (writes what changed since the last
	// checkpoint, see checkpoint.go, and starts an empty WAL). Default
	// 64 MiB.
	CheckpointBytes int64
	// CheckpointReplayCost: when the work of replaying the WAL at the next
	// Open passes this, the writer checkpoints, so that reopening stays
	// fast however small the records are. The work is counted in vector
	// components to index: an upserted point of dimension d costs d (its
	// insertion into the HNSW graph, which dominates replay), a deleted
	// point 3d (its share of the graph rebuild that tombstones trigger once
	// they are a quarter of the graph). Default 200,000: about 260 points
	// of 768 dimensions, under a second of CPU to replay (graph insertion costs
	// 1.5–3.5 ms of CPU per such point in a 100k collection, on every
	// core; BenchmarkReopen measures it). A checkpoint writes the points
	// added since the last one plus each collection's graph and tombstones
	// (for 100k points of 768 dimensions, ~2 MB of points and 14 MB of
	// graph at this default), not the whole store.
	CheckpointReplayCost int64
	// NoSync skips fsync. Acknowledged writes then survive a process crash
	// but not a machine crash. For benchmarks and tests only.
	NoSync bool
}

// Files in a store directory.
const (
	walFile        = "wal.log"
	checkpointFile = "checkpoint.vsc"
	lockFile       = "LOCK"
)

// Store is an embedded vector store: named collections of points, durable in
// one directory (or in memory only, when opened with an empty directory).
//
// Store is safe for concurrent use. Reads (Get, Scroll, Count, Search,
// CollectionInfo, ListCollections, ExportSnapshot) run in parallel; writes are
// serialised by writeMu, so there is one writer at a time, and each write is
// in the WAL and fsynced before it is applied and acknowledged.
//
// Locking, outermost first:
//
//   - writeMu serialises writers; it guards wal, seq, broken and the
//     checkpoint files. Only its holder mutates collections.
//   - mu guards colls and closed; readers hold it (read) just to look a
//     collection up.
//   - each collection's mu guards that collection's data (see collection).
type Store struct {
	dir  string
	opts Options
	lock *os.File

	writeMu sync.Mutex
	wal     *walWriter // nil for an in-memory store
	seq     uint64     // seq of the last record written
	broken  error      // set when disk state became unknown; writes then fail
	// nextCkpt is the WAL size that triggers the next automatic checkpoint;
	// it moves on after a failed attempt so a full disk is not retried on
	// every write. replayCost is the work of replaying the WAL (see
	// Options.CheckpointReplayCost) and nextCkptCost its trigger, likewise.
	nextCkpt     int64
	replayCost   int64
	nextCkptCost int64
	// nextSegID names the next segment file; migrate is set by Open when
	// the checkpoint is in format 2, to rewrite it (see checkpoint.go).
	nextSegID uint64
	migrate   bool
	// walBytes is the WAL's size when Open began: loading a checkpoint
	// leaves room for that many bytes of vectors, so that replaying the
	// WAL appends in place instead of copying every array.
	walBytes int64

	mu      sync.RWMutex
	colls   map[string]*collection
	aliases map[string]string // alias -> collection name (alias.go)
	closed  bool
}

// Open opens or creates the store in dir and replays its log. With dir ""
// the store lives in memory only. The directory is locked against a second
// Open from another process until Close.
func Open(ctx context.Context, dir string, opts *Options) (*Store, error) {
	s := &Store{dir: dir, colls: make(map[string]*collection)}
	if opts != nil {
		s.opts = *opts
	}
	if s.opts.CheckpointBytes <= 0 {
		s.opts.CheckpointBytes = 64 << 20
	}
	if s.opts.CheckpointReplayCost <= 0 {
		s.opts.CheckpointReplayCost = defaultReplayCost
	}
	if dir == "" {
		return s, nil
	}
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return nil, fmt.Errorf("vectorstore: %w", err)
	}
	if err := tightenModes(dir); err != nil {
		return nil, err
	}
	lock, err := lockDir(filepath.Join(dir, lockFile))
	if err != nil {
		return nil, err
	}
	s.lock = lock
	if err := s.recover(ctx); err != nil {
		lock.Close()
		return nil, err
	}
	if s.migrate {
		// A format-2 checkpoint: rewrite it in today's format now, so
		// that the next Open is fast. On failure the store still works
		// (the WAL holds everything) and the next checkpoint retries.
		s.writeMu.Lock()
		err := s.checkpointLocked(ctx)
		s.writeMu.Unlock()
		if err != nil {
			slog.Warn("vectorstore: rewriting a format-2 checkpoint", "dir", dir, "err", err)
		} else {
			s.migrate = false
		}
	}
	return s, nil
}

// defaultReplayCost is Options.CheckpointReplayCost's default.
const defaultReplayCost = 200_000

// Replay cost weights (see Options.CheckpointReplayCost).
func upsertCost(dim, n int) int64 { return int64(dim) * int64(n) }
func deleteCost(dim, n int) int64 { return 3 * int64(dim) * int64(n) }

// recover loads the checkpoint, replays the WAL after it and opens the WAL
// for appending, truncated after its last good record.
//
// Replay applies what the writes applied, in order, but in bigger steps:
// consecutive upserts into one collection are applied as one batch (so the
// graph insertion runs on every core, as it does for a large Upsert, rather
// than one small record at a time), and collections are compacted once at
// the end rather than whenever their tombstones pass a quarter.
func (s *Store) recover(ctx context.Context) error {
	path := filepath.Join(s.dir, walFile)
	if st, err := os.Stat(path); err == nil {
		s.walBytes = st.Size()
	}
	lastSeq, err := s.loadCheckpoint(ctx)
	if err != nil {
		return err
	}
	s.seq = lastSeq
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, fileMode)
	if err != nil {
		return fmt.Errorf("vectorstore: %w", err)
	}
	data, err := readAllLimited(f)
	if err != nil {
		f.Close()
		return fmt.Errorf("vectorstore: reading wal: %w", err)
	}
	r := replayer{s: s}
	good, err := scanWAL(data, func(op walOp) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if op.seq <= lastSeq {
			return nil
		}
		if op.seq != s.seq+1 {
			return fmt.Errorf("%w: wal seq %d after %d", ErrCorrupt, op.seq, s.seq)
		}
		s.seq = op.seq
		return r.apply(&op)
	})
	if err == nil {
		r.finish()
	}
	if err != nil {
		f.Close()
		return fmt.Errorf("vectorstore: replaying %s: %w", path, err)
	}
	if good < walHeaderSize {
		// New or torn while being created: write a fresh header.
		if err := f.Truncate(0); err != nil {
			f.Close()
			return fmt.Errorf("vectorstore: %w", err)
		}
		if _, err := f.WriteAt(walHeader(), 0); err != nil {
			f.Close()
			return fmt.Errorf("vectorstore: %w", err)
		}
		good = walHeaderSize
	} else if good < len(data) {
		if err := f.Truncate(int64(good)); err != nil {
			f.Close()
			return fmt.Errorf("vectorstore: truncating torn wal tail: %w", err)
		}
	}
	if _, err := f.Seek(int64(good), io.SeekStart); err != nil {
		f.Close()
		return fmt.Errorf("vectorstore: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("vectorstore: %w", err)
	}
	s.wal = &walWriter{f: f, size: int64(good), sync: !s.opts.NoSync}
	return nil
}

// replayer applies replayed records to memory (see recover) and counts
// their replay cost.
type replayer struct {
	s       *Store
	pending *collection     // collection of the upserts in points
	points  []preparedPoint // upserts not yet applied
	touched []*collection   // collections whose compaction was deferred
}

// maxPendingPoints bounds the upserts replay gathers before applying them.
const maxPendingPoints = 1 << 16

func (r *replayer) apply(op *walOp) error {
	s := r.s
	if (op.op != opUpsert && op.op != opUpsertNamed) || r.pending == nil || r.pending.name != op.name || len(r.points) >= maxPendingPoints {
		r.flush()
	}
	switch op.op {
	case opCreate:
		if _, ok := s.colls[op.name]; ok {
			return fmt.Errorf("%w: wal creates existing collection %q", ErrCorrupt, op.name)
		}
		c := newCollection(op.name, op.cfg)
		c.deferCompact = true
		r.touched = append(r.touched, c)
		s.colls[op.name] = c
	case opDrop:
		delete(s.colls, op.name)
		s.dropAliasesLocked(op.name)
	case opUpsert:
		c, ok := s.colls[op.name]
		if !ok || c.cfg.Dim != op.dim || c.cfg.hasNamed() {
			return fmt.Errorf("%w: wal upserts into missing or different collection %q", ErrCorrupt, op.name)
		}
		r.defer_(c)
		r.pending = c
		r.points = append(r.points, op.points...)
		s.replayCost += upsertCost(c.cfg.replayDim(), len(op.points))
	case opUpsertNamed:
		c, ok := s.colls[op.name]
		if !ok {
			return fmt.Errorf("%w: wal upserts into missing collection %q", ErrCorrupt, op.name)
		}
		pts, err := decodeNamedPoints(op, &c.cfg)
		if err != nil {
			return err
		}
		r.defer_(c)
		r.pending = c
		r.points = append(r.points, pts...)
		s.replayCost += upsertCost(c.cfg.replayDim(), len(pts))
	case opAliases, opIndex, opConfig:
		return s.replayJSONOp(op)
	case opDelete:
		c, ok := s.colls[op.name]
		if !ok {
			return fmt.Errorf("%w: wal deletes from missing collection %q", ErrCorrupt, op.name)
		}
		r.defer_(c)
		c.deleteIDs(op.ids)
		s.replayCost += deleteCost(c.cfg.replayDim(), len(op.ids))
	}
	return nil
}

// defer_ turns off c's compaction until finish.
func (r *replayer) defer_(c *collection) {
	if !c.deferCompact {
		c.deferCompact = true
		r.touched = append(r.touched, c)
	}
}

func (r *replayer) flush() {
	if len(r.points) > 0 {
		r.pending.upsert(r.points)
	}
	r.pending, r.points = nil, nil
}

// finish applies what is pending and compacts what needs it.
func (r *replayer) finish() {
	r.flush()
	for _, c := range r.touched {
		c.deferCompact = false
		c.maybeCompact()
	}
}

// Close releases the store. It does not checkpoint: the WAL already holds
// every acknowledged write. Close is idempotent.
func (s *Store) Close() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	var errs []error
	if s.wal != nil {
		errs = append(errs, s.wal.f.Close())
	}
	if s.lock != nil {
		errs = append(errs, s.lock.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("vectorstore: close: %w", err)
	}
	return nil
}

// beginWrite takes writeMu and checks the store can be written. On success
// the caller must call s.writeMu.Unlock.
func (s *Store) beginWrite(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.writeMu.Lock()
	s.mu.RLock()
	closed := s.closed
	s.mu.RUnlock()
	switch {
	case closed:
		s.writeMu.Unlock()
		return ErrClosed
	case s.broken != nil:
		err := fmt.Errorf("%w: %v", ErrBroken, s.broken)
		s.writeMu.Unlock()
		return err
	}
	return nil
}

// beginCollectionWrite is beginWrite followed by the lookup of the
// collection called name (or an alias of it). When want is not nil the
// name must still refer to it (a request that prepared its points against
// want before taking writeMu). On success the caller holds writeMu and
// must call s.writeMu.Unlock; on error writeMu is released.
func (s *Store) beginCollectionWrite(ctx context.Context, name string, want *collection) (*collection, error) {
	if err := s.beginWrite(ctx); err != nil {
		return nil, err
	}
	c, err := s.collection(name)
	if err == nil && want != nil && c != want {
		err = fmt.Errorf("%w: collection %q was replaced during the request", ErrInvalid, name)
	}
	if err != nil {
		s.writeMu.Unlock()
		return nil, err
	}
	return c, nil
}

// beginFilteredWrite compiles f (nil: no filter) and then is
// beginCollectionWrite: on success the caller holds writeMu.
func (s *Store) beginFilteredWrite(ctx context.Context, collection string, f *Filter) (*collection, *cfilter, error) {
	cf, err := compileFilter(f)
	if err != nil {
		return nil, nil, err
	}
	c, err := s.beginCollectionWrite(ctx, collection, nil)
	return c, cf, err
}

// logLocked appends records built by mk (given consecutive seqs) to the WAL
// and fsyncs. Needs writeMu. A failure breaks the store: what is on disk is
// unknown, so no later write may be acknowledged.
func (s *Store) logLocked(payloads ...[]byte) error {
	if s.wal == nil {
		return nil
	}
	if err := s.wal.append(payloads...); err != nil {
		if !errors.Is(err, ErrInvalid) {
			s.broken = err
		}
		return err
	}
	return nil
}

// nextSeqLocked reserves the next record number. Needs writeMu.
func (s *Store) nextSeqLocked() uint64 {
	s.seq++
	return s.seq
}

// afterWriteLocked checkpoints when the WAL has grown past the threshold.
// Needs writeMu.
//
// The write itself is already durable, so a failed checkpoint does not fail
// it: a failure before the WAL is replaced leaves everything consistent (the
// next attempt comes after another CheckpointBytes of log), and a failure
// after it breaks the store (see checkpointLocked).
func (s *Store) afterWriteLocked(ctx context.Context) error {
	if s.wal == nil || (s.wal.size < max(s.nextCkpt, s.opts.CheckpointBytes) &&
		s.replayCost < max(s.nextCkptCost, s.opts.CheckpointReplayCost)) {
		return nil
	}
	if err := s.checkpointLocked(context.WithoutCancel(ctx)); err != nil {
		s.nextCkpt = s.wal.size + s.opts.CheckpointBytes
		s.nextCkptCost = s.replayCost + s.opts.CheckpointReplayCost
	}
	return nil
}

func (s *Store) collection(name string) (*collection, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, ErrClosed
	}
	c, ok := s.colls[name]
	if !ok {
		if target, isAlias := s.aliases[name]; isAlias {
			if c, ok = s.colls[target]; ok {
				return c, nil
			}
		}
		return nil, fmt.Errorf("%w: %q", ErrNotFound, name)
	}
	return c, nil
}

// CreateCollection creates an empty collection. cfg is validated and its
// defaults filled; ErrExists if the name is taken.
func (s *Store) CreateCollection(ctx context.Context, name string, cfg CollectionConfig) error {
	if err := ValidName(name); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	cfg.Metadata = cloneMap(cfg.Metadata)
	if err := s.beginWrite(ctx); err != nil {
		return err
	}
	defer s.writeMu.Unlock()
	s.mu.RLock()
	_, exists := s.colls[name]
	s.mu.RUnlock()
	if exists {
		return fmt.Errorf("%w: %q", ErrExists, name)
	}
	seq := s.seq + 1
	rec, err := encodeCreate(seq, name, cfg)
	if err != nil {
		return err
	}
	if err := s.logLocked(rec); err != nil {
		return err
	}
	s.nextSeqLocked()
	s.mu.Lock()
	s.colls[name] = newCollection(name, cfg)
	s.mu.Unlock()
	return s.afterWriteLocked(ctx)
}

// DeleteCollection removes a collection and its points. It reports whether
// the collection existed.
func (s *Store) DeleteCollection(ctx context.Context, name string) (bool, error) {
	if err := s.beginWrite(ctx); err != nil {
		return false, err
	}
	defer s.writeMu.Unlock()
	s.mu.RLock()
	_, exists := s.colls[name]
	s.mu.RUnlock()
	if !exists {
		return false, nil
	}
	seq := s.seq + 1
	if err := s.logLocked(walPayloadHead(seq, opDrop, name)); err != nil {
		return false, err
	}
	s.nextSeqLocked()
	s.mu.Lock()
	delete(s.colls, name)
	s.dropAliasesLocked(name)
	s.mu.Unlock()
	return true, s.afterWriteLocked(ctx)
}

// ListCollections returns the collection names in sorted order.
func (s *Store) ListCollections() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.colls))
	for n := range s.colls {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// CollectionInfo describes a collection.
type CollectionInfo struct {
	Name   string           `json:"name"`
	Config CollectionConfig `json:"config"`
	// Points is the number of live points.
	Points int `json:"points_count"`
	// IndexedNodes is the number of nodes in the HNSW graph, tombstones
	// included; Tombstones is how many of them are deleted or replaced.
	IndexedNodes int `json:"indexed_vectors_count"`
	Tombstones   int `json:"tombstones"`
	// PayloadSchema lists the payload indexes by field.
	PayloadSchema map[string]PayloadIndexInfo `json:"payload_schema"`
	// Aliases are the collection's aliases, sorted.
	Aliases []string `json:"aliases,omitempty"`
}

// CollectionInfo returns the configuration and counts of a collection.
func (s *Store) CollectionInfo(name string) (CollectionInfo, error) {
	c, err := s.collection(name)
	if err != nil {
		return CollectionInfo{}, err
	}
	var aliases []string
	for _, a := range s.Aliases(c.name) {
		aliases = append(aliases, a.Alias)
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	cfg := c.cfg
	cfg.Metadata = cloneMap(cfg.Metadata)
	nodes := c.graph.size()
	if cfg.Dim == 0 {
		nodes = 0
	}
	for _, ds := range c.dense {
		nodes += ds.graph.size()
	}
	return CollectionInfo{Name: c.name, Config: cfg, Points: c.liveLocked(), IndexedNodes: nodes, Tombstones: c.dead,
		PayloadSchema: c.payloadSchemaLocked(), Aliases: aliases}, nil
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Upsert inserts or replaces points (a point with an existing id replaces
// it whole: vector and payload). The batch is validated first; an error
// leaves the store unchanged. When Upsert returns nil every point is durable.
func (s *Store) Upsert(ctx context.Context, collection string, points []Point) error {
	_, err := s.UpsertWith(ctx, collection, points, UpsertOptions{})
	return err
}

// UpsertMode restricts which points an upsert writes, as Qdrant's
// update_mode.
type UpsertMode string

// The upsert modes: Upsert (the default, "") inserts new points and
// replaces existing ones; InsertOnly leaves existing points as they are;
// UpdateOnly leaves out points that do not exist.
const (
	UpsertDefault    UpsertMode = "upsert"
	UpsertInsertOnly UpsertMode = "insert_only"
	UpsertUpdateOnly UpsertMode = "update_only"
)

// UpsertOptions makes an upsert conditional. Filter, when set, is
// Qdrant's update_filter: an existing point is replaced only when it
// matches it (new points are inserted, unless UpdateOnly).
type UpsertOptions struct {
	Mode   UpsertMode
	Filter *Filter
}

// UpsertWith is Upsert under opts, decided atomically with the write. It
// returns how many points it wrote.
func (s *Store) UpsertWith(ctx context.Context, collection string, points []Point, opts UpsertOptions) (int, error) {
	switch opts.Mode {
	case "", UpsertDefault, UpsertInsertOnly, UpsertUpdateOnly:
	default:
		return 0, fmt.Errorf("%w: unknown update mode %q (want upsert, insert_only or update_only)", ErrInvalid, opts.Mode)
	}
	cf, err := compileFilter(opts.Filter)
	if err != nil {
		return 0, err
	}
	c, err := s.collection(collection)
	if err != nil {
		return 0, err
	}
	cfg := c.config()
	pp, err := preparePoints(&cfg, points)
	if err != nil {
		return 0, err
	}
	if len(pp) == 0 {
		return 0, nil
	}
	if c, err = s.beginCollectionWrite(ctx, collection, c); err != nil {
		return 0, err
	}
	defer s.writeMu.Unlock()
	if (opts.Mode != "" && opts.Mode != UpsertDefault) || cf != nil {
		c.bindFilterLocked(cf) // the writer may read without c.mu
		keep := pp[:0:0]
		for _, p := range pp {
			slot, exists := c.byID[p.id]
			switch {
			case exists && opts.Mode == UpsertInsertOnly,
				!exists && opts.Mode == UpsertUpdateOnly,
				exists && cf != nil && !cf.matches(p.id, c.payloads.at(slot)):
				continue
			}
			keep = append(keep, p)
		}
		if pp = keep; len(pp) == 0 {
			return 0, nil
		}
	}
	if err := s.logUpsertLocked(c, pp); err != nil {
		return 0, err
	}
	c.upsert(pp)
	s.replayCost += upsertCost(c.cfg.replayDim(), len(pp))
	return len(pp), s.afterWriteLocked(ctx)
}

// logUpsertLocked logs pp as upsert records of c (split at walSplitBytes)
// and advances seq. Needs writeMu.
func (s *Store) logUpsertLocked(c *collection, pp []preparedPoint) error {
	var recs [][]byte
	seq := s.seq
	// The named form also carries points without the unnamed vector.
	named := c.cfg.hasNamed() || slices.ContainsFunc(pp, func(p preparedPoint) bool { return len(p.vec) != c.cfg.Dim })
	size1 := func(p *preparedPoint) int {
		if named {
			return namedPointSize(p)
		}
		return pointSize(c.cfg.Dim, p)
	}
	for start := 0; start < len(pp); {
		end, size := start, 0
		for end < len(pp) && (end == start || size+size1(&pp[end]) <= walSplitBytes) {
			size += size1(&pp[end])
			end++
		}
		seq++
		for i := start; i < end; i++ {
			pp[i].version = seq
		}
		if named {
			recs = append(recs, encodeUpsertNamed(seq, c.name, pp[start:end]))
		} else {
			recs = append(recs, encodeUpsert(seq, c.name, c.cfg.Dim, pp[start:end]))
		}
		start = end
	}
	if err := s.logLocked(recs...); err != nil {
		return err
	}
	s.seq = seq
	return nil
}

// Delete removes the points with these ids and returns how many existed.
func (s *Store) Delete(ctx context.Context, collection string, ids []PointID) (int, error) {
	c, err := s.beginCollectionWrite(ctx, collection, nil)
	if err != nil {
		return 0, err
	}
	defer s.writeMu.Unlock()
	return s.deleteLocked(ctx, c, ids)
}

func (s *Store) deleteLocked(ctx context.Context, c *collection, ids []PointID) (int, error) {
	var present []PointID
	for _, id := range ids {
		if _, ok := c.byID[id]; ok { // the writer may read without c.mu
			present = append(present, id)
		}
	}
	if len(present) == 0 {
		return 0, nil
	}
	if err := s.logLocked(encodeDelete(s.seq+1, c.name, present)); err != nil {
		return 0, err
	}
	s.nextSeqLocked()
	n := c.deleteIDs(present)
	s.replayCost += deleteCost(c.cfg.replayDim(), len(present))
	return n, s.afterWriteLocked(ctx)
}

// DeleteByFilter removes every point matching f (a nil filter matches all)
// and returns how many were removed.
func (s *Store) DeleteByFilter(ctx context.Context, collection string, f *Filter) (int, error) {
	c, cf, err := s.beginFilteredWrite(ctx, collection, f)
	if err != nil {
		return 0, err
	}
	defer s.writeMu.Unlock()
	return s.deleteLocked(ctx, c, c.matchingIDs(cf))
}

// Get returns the points with these ids that exist, in the order asked
// (duplicates once), with payload and vector as w says.
func (s *Store) Get(ctx context.Context, collection string, ids []PointID, w With) ([]Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c, err := s.collection(collection)
	if err != nil {
		return nil, err
	}
	return c.get(ids, w), nil
}

// Scroll returns one page of points in id order.
func (s *Store) Scroll(ctx context.Context, collection string, req ScrollRequest) (ScrollResult, error) {
	if err := ctx.Err(); err != nil {
		return ScrollResult{}, err
	}
	cf, err := compileFilter(req.Filter)
	if err != nil {
		return ScrollResult{}, err
	}
	c, err := s.collection(collection)
	if err != nil {
		return ScrollResult{}, err
	}
	return c.scroll(&req, cf), nil
}

// Count returns the number of points matching f (all points for nil).
func (s *Store) Count(ctx context.Context, collection string, f *Filter) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	cf, err := compileFilter(f)
	if err != nil {
		return 0, err
	}
	c, err := s.collection(collection)
	if err != nil {
		return 0, err
	}
	return c.count(cf), nil
}

// Search returns the nearest points to req.Vector, best first (see Distance
// for what the scores mean). It uses the HNSW index, or an exact scan for
// small collections, selective filters and req.Params.Exact.
func (s *Store) Search(ctx context.Context, collection string, req SearchRequest) ([]ScoredPoint, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cf, err := compileFilter(req.Filter)
	if err != nil {
		return nil, err
	}
	c, err := s.collection(collection)
	if err != nil {
		return nil, err
	}
	return c.search(&req, cf)
}

// Checkpoint writes every collection to the checkpoint file and empties the
// WAL. Open then loads the checkpoint instead of replaying the log. It is
// a no-op for an in-memory store.
func (s *Store) Checkpoint(ctx context.Context) error {
	if err := s.beginWrite(ctx); err != nil {
		return err
	}
	defer s.writeMu.Unlock()
	if s.wal == nil {
		return nil
	}
	return s.checkpointLocked(ctx)
}

// ExportSnapshot writes the collection to w in the snapshot format (see
// snapshot.go). It holds the collection's read lock while writing, so
// searches go on and writes wait.
func (s *Store) ExportSnapshot(ctx context.Context, collection string, w io.Writer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c, err := s.collection(collection)
	if err != nil {
		return err
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.writeSnapshotLocked(w)
}

// ImportOptions controls ImportSnapshot.
type ImportOptions struct {
	// Collection is the collection to create or replace; empty means the
	// name recorded in the snapshot.
	Collection string
	// EmbeddingModel and Dim, when set, must equal the snapshot's.
	EmbeddingModel string
	Dim            int
}

// ImportSnapshot reads a snapshot from r and makes it the content of the
// target collection, creating it or replacing an existing one. It refuses,
// with an error wrapping ErrMismatch, a snapshot whose embedding model or
// dimension differs from opts or from the existing collection, and, with
// ErrCorrupt, one that fails to decode or verify; in both cases nothing
// changes. On success the store is checkpointed, which makes the import
// durable.
func (s *Store) ImportSnapshot(ctx context.Context, r io.Reader, opts ImportOptions) (CollectionInfo, error) {
	d, err := readSnapshot(newStreamReader(r))
	if err != nil {
		return CollectionInfo{}, fmt.Errorf("vectorstore: import snapshot: %w", err)
	}
	name := opts.Collection
	if name == "" {
		name = d.name
	}
	if err := ValidName(name); err != nil {
		return CollectionInfo{}, err
	}
	if opts.EmbeddingModel != "" && opts.EmbeddingModel != d.cfg.EmbeddingModel {
		return CollectionInfo{}, fmt.Errorf("%w: snapshot embedding model is %q, expected %q", ErrMismatch, d.cfg.EmbeddingModel, opts.EmbeddingModel)
	}
	if opts.Dim != 0 && opts.Dim != d.cfg.Dim {
		return CollectionInfo{}, fmt.Errorf("%w: snapshot dimension is %d, expected %d", ErrMismatch, d.cfg.Dim, opts.Dim)
	}
	return s.replaceCollection(ctx, name, d.cfg, d.points, d.indexes)
}

// ReplaceCollection makes points the whole content of collection name,
// creating it with cfg or replacing an existing one, as one durable step
// (the store is checkpointed): it is how snapshots in other formats are
// imported. It refuses, with ErrMismatch, to replace a collection whose
// embedding model or dimension differs from cfg, and, with ErrInvalid,
// points that do not fit cfg; in both cases nothing changes.
func (s *Store) ReplaceCollection(ctx context.Context, name string, cfg CollectionConfig, points []Point) (CollectionInfo, error) {
	if err := ValidName(name); err != nil {
		return CollectionInfo{}, err
	}
	if err := cfg.Validate(); err != nil {
		return CollectionInfo{}, err
	}
	cfg.Metadata = cloneMap(cfg.Metadata)
	prepared, err := preparePoints(&cfg, points)
	if err != nil {
		return CollectionInfo{}, err
	}
	return s.replaceCollection(ctx, name, cfg, prepared, nil)
}

func (s *Store) replaceCollection(ctx context.Context, name string, cfg CollectionConfig, points []preparedPoint, indexes map[string]PayloadIndexParams) (CollectionInfo, error) {
	if err := s.beginWrite(ctx); err != nil {
		return CollectionInfo{}, err
	}
	defer s.writeMu.Unlock()
	s.mu.RLock()
	old := s.colls[name]
	s.mu.RUnlock()
	if old != nil && (old.cfg.EmbeddingModel != cfg.EmbeddingModel || old.cfg.Dim != cfg.Dim) {
		return CollectionInfo{}, fmt.Errorf("%w: snapshot has embedding model %q (dimension %d) but collection %q has %q (dimension %d)",
			ErrMismatch, cfg.EmbeddingModel, cfg.Dim, name, old.cfg.EmbeddingModel, old.cfg.Dim)
	}
	c := newCollection(name, cfg)
	c.upsert(points)
	for f, p := range indexes {
		if err := c.createIndexLocked(f, p); err != nil { // checked by the decoder already
			return CollectionInfo{}, err
		}
	}
	s.mu.Lock()
	s.colls[name] = c
	s.mu.Unlock()
	if s.wal != nil {
		if err := s.checkpointLocked(ctx); err != nil {
			s.broken = err
			return CollectionInfo{}, err
		}
	}
	return CollectionInfo{Name: name, Config: c.cfg, Points: c.liveLocked(), IndexedNodes: c.graph.size()}, nil
}
