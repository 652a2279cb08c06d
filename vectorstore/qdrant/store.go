package qdrant

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"time"

	qc "github.com/qdrant/go-client/qdrant"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// maxRecvBytes bounds one answer from the server.
const maxRecvBytes = 256 << 20

// DefaultPort is Qdrant's gRPC port, used when the URL names none.
const DefaultPort = 6334

// Collection metadata keys this package reserves. User metadata keys
// (CollectionConfig.Metadata) are stored beside them unchanged.
const (
	MetaEmbeddingModel = "gaianet_embedding_model"
)

// Options tunes Open. The zero value is usable.
type Options struct {
	// Timeout bounds CollectionInfo, whose signature has no context.
	// Default 30s.
	Timeout time.Duration
	// UpsertBatch is the most points sent in one upsert request. Default 256.
	UpsertBatch int
	// PoolSize is the number of gRPC connections. Default 1.
	PoolSize uint
	// TLSConfig replaces the default TLS settings for https URLs (for a
	// private CA, say).
	TLSConfig *tls.Config
	// DialOptions are added to the client's gRPC dial options (tests use
	// them).
	DialOptions []grpc.DialOption
}

// Store is a connection to a Qdrant server that stores collections of
// points like *vectorstore.Store. It is safe for concurrent use. Close
// releases its connections.
type Store struct {
	opts Options

	// mu guards client and closed: calls hold it for reading while they
	// use client, and Close takes it for writing.
	mu     sync.RWMutex
	client *qc.Client
	closed bool
}

// acquire returns the client for one call, or ErrClosed after Close; the
// caller must call release when done.
func (s *Store) acquire() (*qc.Client, error) {
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return nil, fmt.Errorf("qdrant: %w", vectorstore.ErrClosed)
	}
	return s.client, nil
}

func (s *Store) release() { s.mu.RUnlock() }

// Open connects to the Qdrant gRPC endpoint at rawURL
// ("http://host:6334", or "https://..." for TLS; the port defaults to
// 6334) and checks that it answers. apiKey, when not empty, is sent as
// Qdrant's "api-key" header with every request; over http it travels in
// plain text. opts may be nil.
func Open(ctx context.Context, rawURL, apiKey string, opts *Options) (*Store, error) {
	s := &Store{}
	if opts != nil {
		s.opts = *opts
	}
	if s.opts.Timeout <= 0 {
		s.opts.Timeout = 30 * time.Second
	}
	if s.opts.UpsertBatch <= 0 {
		s.opts.UpsertBatch = 256
	}
	if s.opts.PoolSize == 0 {
		s.opts.PoolSize = 1
	}
	host, port, useTLS, err := parseURL(rawURL)
	if err != nil {
		return nil, err
	}
	// Pages of points with vectors outgrow gRPC's default 4 MiB answer
	// limit quickly (1000 768-dimensional vectors are 3 MiB).
	dial := []grpc.DialOption{grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxRecvBytes))}
	dial = append(dial, s.opts.DialOptions...)
	if apiKey != "" {
		// Set here rather than through the client's APIKey so that the
		// library does not log a warning to slog's default logger.
		dial = append(dial, grpc.WithChainUnaryInterceptor(apiKeyInterceptor(apiKey)))
	}
	client, err := qc.NewClient(&qc.Config{
		Host:                   host,
		Port:                   port,
		UseTLS:                 useTLS,
		TLSConfig:              s.opts.TLSConfig,
		GrpcOptions:            dial,
		SkipCompatibilityCheck: true,
		PoolSize:               s.opts.PoolSize,
	})
	if err != nil {
		return nil, fmt.Errorf("qdrant: connect to %s: %w", rawURL, err)
	}
	s.client = client
	if _, err := client.HealthCheck(ctx); err != nil {
		client.Close()
		hint := ""
		if port == 6333 {
			hint = " (6333 is Qdrant's REST port; the gRPC port is usually 6334)"
		}
		return nil, mapError(fmt.Sprintf("health check of %s%s", rawURL, hint), err, ctx.Err())
	}
	return s, nil
}

func apiKeyInterceptor(key string) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		return invoker(metadata.AppendToOutgoingContext(ctx, "api-key", key), method, req, reply, cc, opts...)
	}
}

// parseURL splits an http(s) URL into what the client dials.
func parseURL(rawURL string) (host string, port int, useTLS bool, err error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", 0, false, fmt.Errorf("qdrant: bad URL %q: %w", rawURL, err)
	}
	switch u.Scheme {
	case "http":
	case "https":
		useTLS = true
	default:
		return "", 0, false, fmt.Errorf("qdrant: URL %q: want http://host[:port] or https://host[:port]", rawURL)
	}
	if u.Hostname() == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
		return "", 0, false, fmt.Errorf("qdrant: URL %q: want http(s)://host[:port] with no path, query or credentials", rawURL)
	}
	port = DefaultPort
	if p := u.Port(); p != "" {
		port, err = strconv.Atoi(p)
		if err != nil || port < 1 || port > 65535 {
			return "", 0, false, fmt.Errorf("qdrant: URL %q: bad port %q", rawURL, p)
		}
	}
	host = u.Hostname()
	if ip := net.ParseIP(host); ip != nil && ip.To4() == nil {
		host = "[" + host + "]" // the client joins host and port with ':'
	}
	return host, port, useTLS, nil
}

// Close closes the connections, after waiting for calls in flight. Calls
// after Close fail with an error wrapping vectorstore.ErrClosed; a second
// Close does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if err := s.client.Close(); err != nil {
		return fmt.Errorf("qdrant: close: %w", err)
	}
	return nil
}

// CollectionInfo returns the configuration and approximate counts of a
// collection, within Options.Timeout.
func (s *Store) CollectionInfo(name string) (vectorstore.CollectionInfo, error) {
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.Timeout)
	defer cancel()
	c, err := s.acquire()
	if err != nil {
		return vectorstore.CollectionInfo{}, err
	}
	defer s.release()
	info, err := c.GetCollectionInfo(ctx, name)
	if err != nil {
		return vectorstore.CollectionInfo{}, mapError(fmt.Sprintf("collection %q", name), err, ctx.Err())
	}
	return collectionInfoFromProto(name, info)
}

func collectionInfoFromProto(name string, info *qc.CollectionInfo) (vectorstore.CollectionInfo, error) {
	cfg := info.GetConfig()
	params := cfg.GetParams().GetVectorsConfig().GetParams()
	if params == nil {
		return vectorstore.CollectionInfo{}, fmt.Errorf("qdrant: collection %q: %w: it has named vectors or none; want one unnamed dense vector",
			name, vectorstore.ErrInvalid)
	}
	dist, err := distanceFromProto(params.GetDistance())
	if err != nil {
		return vectorstore.CollectionInfo{}, fmt.Errorf("qdrant: collection %q: %w", name, err)
	}
	if params.GetSize() > vectorstore.MaxDim {
		return vectorstore.CollectionInfo{}, fmt.Errorf("qdrant: collection %q: %w: dimension %d", name, vectorstore.ErrInvalid, params.GetSize())
	}
	out := vectorstore.CollectionInfo{Name: name, Config: vectorstore.CollectionConfig{
		Dim: int(params.GetSize()), Distance: dist}}
	// A vector's own HNSW settings override the collection's, field by field.
	m, ef := cfg.GetHnswConfig().GetM(), cfg.GetHnswConfig().GetEfConstruct()
	if p := params.GetHnswConfig(); p != nil {
		if p.M != nil {
			m = p.GetM()
		}
		if p.EfConstruct != nil {
			ef = p.GetEfConstruct()
		}
	}
	out.Config.HNSW.M = int(min(m, 1<<20))
	out.Config.HNSW.EfConstruction = int(min(ef, 1<<20))
	out.Config.EmbeddingModel, out.Config.Metadata = metadataFromProto(cfg.GetMetadata())
	out.Points = int(min(info.GetPointsCount(), math.MaxInt32))
	out.IndexedNodes = int(min(info.GetIndexedVectorsCount(), math.MaxInt32))
	return out, nil
}

// metadataToProto stores the embedding model under MetaEmbeddingModel and
// the user's metadata beside it.
func metadataToProto(cfg *vectorstore.CollectionConfig) map[string]*qc.Value {
	if cfg.EmbeddingModel == "" && len(cfg.Metadata) == 0 {
		return nil
	}
	m := make(map[string]*qc.Value, len(cfg.Metadata)+1)
	for k, v := range cfg.Metadata {
		m[k] = qc.NewValueString(v)
	}
	if cfg.EmbeddingModel != "" {
		m[MetaEmbeddingModel] = qc.NewValueString(cfg.EmbeddingModel)
	}
	return m
}

// metadataFromProto reverses metadataToProto. Values that are not strings
// (set by other tools) are kept in their JSON form.
func metadataFromProto(m map[string]*qc.Value) (model string, meta map[string]string) {
	for k, v := range m {
		if k == MetaEmbeddingModel {
			model = v.GetStringValue()
			continue
		}
		if meta == nil {
			meta = make(map[string]string, len(m))
		}
		if sv, ok := v.GetKind().(*qc.Value_StringValue); ok {
			meta[k] = sv.StringValue
			continue
		}
		g, err := valueFromProto(v, 0)
		if err != nil {
			continue
		}
		meta[k] = jsonString(g)
	}
	return model, meta
}

// CreateCollection creates an empty collection with one unnamed dense
// vector. cfg is validated and its defaults filled as the embedded store
// does; ErrExists if the name is taken.
func (s *Store) CreateCollection(ctx context.Context, name string, cfg vectorstore.CollectionConfig) error {
	if err := vectorstore.ValidName(name); err != nil {
		return fmt.Errorf("qdrant: %w", err)
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("qdrant: %w", err)
	}
	req, err := createRequest(name, &cfg)
	if err != nil {
		return err
	}
	c, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.release()
	if err := c.CreateCollection(ctx, req); err != nil {
		return mapError(fmt.Sprintf("create collection %q", name), err, ctx.Err())
	}
	return nil
}

func createRequest(name string, cfg *vectorstore.CollectionConfig) (*qc.CreateCollection, error) {
	dist, err := distanceToProto(cfg.Distance)
	if err != nil {
		return nil, fmt.Errorf("qdrant: %w", err)
	}
	return &qc.CreateCollection{
		CollectionName: name,
		VectorsConfig:  qc.NewVectorsConfig(&qc.VectorParams{Size: uint64(cfg.Dim), Distance: dist}),
		HnswConfig: &qc.HnswConfigDiff{
			M:           qc.PtrOf(uint64(cfg.HNSW.M)),
			EfConstruct: qc.PtrOf(uint64(cfg.HNSW.EfConstruction)),
		},
		Metadata: metadataToProto(cfg),
	}, nil
}

// DeleteCollection removes a collection and reports whether it existed.
func (s *Store) DeleteCollection(ctx context.Context, name string) (bool, error) {
	c, err := s.acquire()
	if err != nil {
		return false, err
	}
	defer s.release()
	res, err := c.GetCollectionsClient().Delete(ctx, &qc.DeleteCollection{CollectionName: name})
	if err != nil {
		err = mapError(fmt.Sprintf("delete collection %q", name), err, ctx.Err())
		if errors.Is(err, vectorstore.ErrNotFound) {
			return false, nil
		}
		return false, err
	}
	return res.GetResult(), nil
}

// ListCollections returns the collection names in sorted order.
func (s *Store) ListCollections(ctx context.Context) ([]string, error) {
	c, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer s.release()
	names, err := c.ListCollections(ctx)
	if err != nil {
		return nil, mapError("list collections", err, ctx.Err())
	}
	slices.Sort(names)
	return names, nil
}

// Upsert inserts or replaces points. The whole batch is checked first
// (vector lengths equal, finite values, payloads encodable); then it is sent
// in requests of at most Options.UpsertBatch points, each waited for, so
// that when Upsert returns nil every point is applied. A failing request
// leaves the earlier ones applied.
func (s *Store) Upsert(ctx context.Context, collection string, points []vectorstore.Point) error {
	pts, err := pointsToProto(points)
	if err != nil {
		return err
	}
	c, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.release()
	for start := 0; start < len(pts); start += s.opts.UpsertBatch {
		end := min(start+s.opts.UpsertBatch, len(pts))
		res, err := c.Upsert(ctx, &qc.UpsertPoints{CollectionName: collection, Wait: qc.PtrOf(true), Points: pts[start:end]})
		if err == nil {
			err = checkApplied(res)
		}
		if err != nil {
			return mapError(fmt.Sprintf("upsert into %q (points %d..%d of %d)", collection, start, end-1, len(pts)), err, ctx.Err())
		}
	}
	return nil
}

func pointsToProto(points []vectorstore.Point) ([]*qc.PointStruct, error) {
	out := make([]*qc.PointStruct, len(points))
	for i := range points {
		p := &points[i]
		if len(p.Vector) == 0 || len(p.Vector) != len(points[0].Vector) {
			return nil, fmt.Errorf("qdrant: point %s: %w: vector has dimension %d, the batch's first %d",
				p.ID, vectorstore.ErrInvalid, len(p.Vector), len(points[0].Vector))
		}
		if err := checkVector(p.Vector); err != nil {
			return nil, fmt.Errorf("qdrant: point %s: %w", p.ID, err)
		}
		payload, err := payloadToProto(p.Payload)
		if err != nil {
			return nil, fmt.Errorf("qdrant: point %s: %w", p.ID, err)
		}
		out[i] = &qc.PointStruct{Id: pointIDToProto(p.ID), Vectors: qc.NewVectorsDense(slices.Clone(p.Vector)), Payload: payload}
	}
	return out, nil
}

// checkApplied reports a write the server did not complete (with wait set,
// Qdrant answers Completed once the write is applied).
func checkApplied(r *qc.UpdateResult) error {
	if st := r.GetStatus(); st != qc.UpdateStatus_Completed {
		return fmt.Errorf("server answered %s, not Completed", st)
	}
	return nil
}

func checkVector(v []float32) error {
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return fmt.Errorf("%w: vector holds %v", vectorstore.ErrInvalid, x)
		}
	}
	return nil
}

// Count returns the exact number of points matching f (all for nil).
func (s *Store) Count(ctx context.Context, collection string, f *vectorstore.Filter) (int, error) {
	pf, err := filterToProto(f)
	if err != nil {
		return 0, fmt.Errorf("qdrant: %w", err)
	}
	c, err := s.acquire()
	if err != nil {
		return 0, err
	}
	defer s.release()
	n, err := c.Count(ctx, &qc.CountPoints{CollectionName: collection, Filter: pf, Exact: qc.PtrOf(true)})
	if err != nil {
		return 0, mapError(fmt.Sprintf("count %q", collection), err, ctx.Err())
	}
	return int(min(n, math.MaxInt)), nil
}

// DeleteByFilter removes every point matching f (a nil filter matches all)
// and returns how many matched just before the delete.
func (s *Store) DeleteByFilter(ctx context.Context, collection string, f *vectorstore.Filter) (int, error) {
	pf, err := filterToProto(f)
	if err != nil {
		return 0, fmt.Errorf("qdrant: %w", err)
	}
	c, err := s.acquire()
	if err != nil {
		return 0, err
	}
	defer s.release()
	n, err := c.Count(ctx, &qc.CountPoints{CollectionName: collection, Filter: pf, Exact: qc.PtrOf(true)})
	if err != nil {
		return 0, mapError(fmt.Sprintf("count %q", collection), err, ctx.Err())
	}
	if n == 0 {
		return 0, nil
	}
	if pf == nil {
		pf = &qc.Filter{} // no conditions: every point
	}
	res, err := c.Delete(ctx, &qc.DeletePoints{CollectionName: collection, Wait: qc.PtrOf(true),
		Points: qc.NewPointsSelectorFilter(pf)})
	if err == nil {
		err = checkApplied(res)
	}
	if err != nil {
		return 0, mapError(fmt.Sprintf("delete from %q", collection), err, ctx.Err())
	}
	return int(min(n, math.MaxInt)), nil
}

// Delete removes the points with these ids and returns how many existed.
func (s *Store) Delete(ctx context.Context, collection string, ids []vectorstore.PointID) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	c, err := s.acquire()
	if err != nil {
		return 0, err
	}
	defer s.release()
	found, err := c.Get(ctx, &qc.GetPoints{CollectionName: collection, Ids: pointIDsToProto(ids),
		WithPayload: qc.NewWithPayload(false), WithVectors: qc.NewWithVectors(false)})
	if err != nil {
		return 0, mapError(fmt.Sprintf("get from %q", collection), err, ctx.Err())
	}
	if len(found) == 0 {
		return 0, nil
	}
	present := make([]*qc.PointId, len(found))
	for i, p := range found {
		present[i] = p.GetId()
	}
	res, err := c.Delete(ctx, &qc.DeletePoints{CollectionName: collection, Wait: qc.PtrOf(true),
		Points: qc.NewPointsSelectorIDs(present)})
	if err == nil {
		err = checkApplied(res)
	}
	if err != nil {
		return 0, mapError(fmt.Sprintf("delete from %q", collection), err, ctx.Err())
	}
	return len(found), nil
}

// Get returns the points with these ids that exist, in the order asked
// (duplicates once), with payload and vector as w says.
func (s *Store) Get(ctx context.Context, collection string, ids []vectorstore.PointID, w vectorstore.With) ([]vectorstore.Record, error) {
	if len(ids) == 0 {
		return []vectorstore.Record{}, nil
	}
	c, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer s.release()
	got, err := c.Get(ctx, &qc.GetPoints{CollectionName: collection, Ids: pointIDsToProto(ids),
		WithPayload: qc.NewWithPayload(w.WithPayload), WithVectors: qc.NewWithVectors(w.WithVector)})
	if err != nil {
		return nil, mapError(fmt.Sprintf("get from %q", collection), err, ctx.Err())
	}
	byID := make(map[vectorstore.PointID]vectorstore.Record, len(got))
	for _, p := range got {
		r, err := recordFromProto(p.GetId(), p.GetPayload(), p.GetVectors(), w)
		if err != nil {
			return nil, err
		}
		byID[r.ID] = r
	}
	out := make([]vectorstore.Record, 0, len(byID))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
			delete(byID, id)
		}
	}
	return out, nil
}

func recordFromProto(id *qc.PointId, payload map[string]*qc.Value, vecs *qc.VectorsOutput, w vectorstore.With) (vectorstore.Record, error) {
	pid, err := pointIDFromProto(id)
	if err != nil {
		return vectorstore.Record{}, err
	}
	r := vectorstore.Record{ID: pid}
	if w.WithPayload {
		if r.Payload, err = payloadFromProto(payload); err != nil {
			return vectorstore.Record{}, fmt.Errorf("qdrant: point %s: %w", pid, err)
		}
		if r.Payload == nil {
			r.Payload = map[string]any{}
		}
	}
	if w.WithVector {
		r.Vector = denseVector(vecs)
	}
	return r, nil
}

// denseVector extracts the unnamed dense vector of a result, or nil.
func denseVector(v *qc.VectorsOutput) []float32 {
	return slices.Clone(v.GetVector().GetDenseVector().GetData())
}

// Scroll returns one page of points in id order (numeric ids before
// UUIDs, as in the embedded store).
func (s *Store) Scroll(ctx context.Context, collection string, req vectorstore.ScrollRequest) (vectorstore.ScrollResult, error) {
	pf, err := filterToProto(req.Filter)
	if err != nil {
		return vectorstore.ScrollResult{}, fmt.Errorf("qdrant: %w", err)
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	sr := &qc.ScrollPoints{CollectionName: collection, Filter: pf, Limit: qc.PtrOf(uint32(min(limit, math.MaxUint32))),
		WithPayload: qc.NewWithPayload(req.WithPayload), WithVectors: qc.NewWithVectors(req.WithVector)}
	if req.Offset != nil {
		sr.Offset = pointIDToProto(*req.Offset)
	}
	c, err := s.acquire()
	if err != nil {
		return vectorstore.ScrollResult{}, err
	}
	defer s.release()
	got, next, err := c.ScrollAndOffset(ctx, sr)
	if err != nil {
		return vectorstore.ScrollResult{}, mapError(fmt.Sprintf("scroll %q", collection), err, ctx.Err())
	}
	res := vectorstore.ScrollResult{Points: make([]vectorstore.Record, 0, len(got))}
	for _, p := range got {
		r, err := recordFromProto(p.GetId(), p.GetPayload(), p.GetVectors(), req.With)
		if err != nil {
			return vectorstore.ScrollResult{}, err
		}
		res.Points = append(res.Points, r)
	}
	if next != nil {
		id, err := pointIDFromProto(next)
		if err != nil {
			return vectorstore.ScrollResult{}, err
		}
		res.NextOffset = &id
	}
	return res, nil
}

// Search returns the nearest points to req.Vector, best first, through
// Qdrant's query API. Scores and the threshold mean what they mean in the
// embedded store (see vectorstore.Distance).
func (s *Store) Search(ctx context.Context, collection string, req vectorstore.SearchRequest) ([]vectorstore.ScoredPoint, error) {
	q, err := queryRequest(collection, &req)
	if err != nil {
		return nil, err
	}
	c, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer s.release()
	got, err := c.Query(ctx, q)
	if err != nil {
		return nil, mapError(fmt.Sprintf("search %q", collection), err, ctx.Err())
	}
	out := make([]vectorstore.ScoredPoint, 0, len(got))
	for _, p := range got {
		r, err := recordFromProto(p.GetId(), p.GetPayload(), p.GetVectors(), req.With)
		if err != nil {
			return nil, err
		}
		out = append(out, vectorstore.ScoredPoint{ID: r.ID, Score: p.GetScore(), Payload: r.Payload, Vector: r.Vector})
	}
	return out, nil
}

// queryRequest builds the query for a search, checking what the embedded
// store checks before it reaches the server.
func queryRequest(collection string, req *vectorstore.SearchRequest) (*qc.QueryPoints, error) {
	if len(req.Vector) == 0 {
		return nil, fmt.Errorf("qdrant: %w: empty query vector", vectorstore.ErrInvalid)
	}
	if err := checkVector(req.Vector); err != nil {
		return nil, fmt.Errorf("qdrant: query: %w", err)
	}
	if req.Offset < 0 {
		return nil, fmt.Errorf("qdrant: %w: negative offset", vectorstore.ErrInvalid)
	}
	if t := req.ScoreThreshold; t != nil && math.IsNaN(float64(*t)) {
		return nil, fmt.Errorf("qdrant: %w: score threshold is NaN", vectorstore.ErrInvalid)
	}
	pf, err := filterToProto(req.Filter)
	if err != nil {
		return nil, fmt.Errorf("qdrant: %w", err)
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	q := &qc.QueryPoints{
		CollectionName: collection,
		Query:          qc.NewQueryDense(slices.Clone(req.Vector)),
		Filter:         pf,
		Limit:          qc.PtrOf(uint64(limit)),
		ScoreThreshold: req.ScoreThreshold,
		WithPayload:    qc.NewWithPayload(req.WithPayload),
		WithVectors:    qc.NewWithVectors(req.WithVector),
	}
	if req.Offset > 0 {
		q.Offset = qc.PtrOf(uint64(req.Offset))
	}
	if req.Params.HNSWEf > 0 || req.Params.Exact {
		q.Params = &qc.SearchParams{}
		if req.Params.HNSWEf > 0 {
			q.Params.HnswEf = qc.PtrOf(uint64(req.Params.HNSWEf))
		}
		if req.Params.Exact {
			q.Params.Exact = qc.PtrOf(true)
		}
	}
	return q, nil
}

func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
