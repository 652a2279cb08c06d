package qdrant

// This file is a stand-in for a Qdrant server: an in-process gRPC server
// implementing the RPCs this package calls (Qdrant.HealthCheck; Collections
// Get, List, Create, Delete; Points Upsert, Delete, Get, Scroll, Count,
// Query) on top of an in-memory *vectorstore.Store. It lets the tests drive
// the real go-client over a real gRPC connection. It answers as Qdrant's
// documented API says, not as Qdrant's code does: the integration tests
// (QDRANT_URL) are what check the real server.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"testing"

	qc "github.com/qdrant/go-client/qdrant"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/gaianet-go/gaianet/vectorstore"
)

type fakeServer struct {
	qc.UnimplementedQdrantServer
	qc.UnimplementedCollectionsServer

	store  *vectorstore.Store
	apiKey string // when set, requests must carry it

	mu    sync.Mutex
	meta  map[string]map[string]*qc.Value // collection metadata as sent
	calls map[string]int                  // RPC name -> count, guarded by mu
}

// startFake serves a fake Qdrant on a loopback port and returns its URL.
func startFake(t testing.TB, apiKey string) (*fakeServer, string) {
	t.Helper()
	vs, err := vectorstore.Open(context.Background(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeServer{store: vs, apiKey: apiKey, meta: map[string]map[string]*qc.Value{}, calls: map[string]int{}}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(grpc.UnaryInterceptor(f.intercept))
	qc.RegisterQdrantServer(srv, f)
	qc.RegisterCollectionsServer(srv, f)
	qc.RegisterPointsServer(srv, fakePoints{fakeServer: f})
	go srv.Serve(lis)
	t.Cleanup(func() {
		srv.Stop()
		vs.Close()
	})
	return f, "http://" + lis.Addr().String()
}

func (f *fakeServer) intercept(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	f.mu.Lock()
	f.calls[info.FullMethod]++
	f.mu.Unlock()
	if f.apiKey != "" {
		md, _ := metadata.FromIncomingContext(ctx)
		if got := md.Get("api-key"); len(got) != 1 || got[0] != f.apiKey {
			return nil, status.Error(codes.Unauthenticated, "Invalid api-key")
		}
	}
	return h(ctx, req)
}

func (f *fakeServer) callCount(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[method]
}

// statusOf answers store errors with the codes and wording Qdrant uses.
func statusOf(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, vectorstore.ErrNotFound):
		return status.Error(codes.NotFound, "Not found: "+err.Error())
	case errors.Is(err, vectorstore.ErrExists):
		return status.Error(codes.InvalidArgument, "Wrong input: Collection already exists!")
	case errors.Is(err, vectorstore.ErrInvalid), errors.Is(err, vectorstore.ErrInvalidID):
		return status.Error(codes.InvalidArgument, "Wrong input: "+err.Error())
	}
	return status.Error(codes.Internal, err.Error())
}

// --- Qdrant service ---

func (f *fakeServer) HealthCheck(context.Context, *qc.HealthCheckRequest) (*qc.HealthCheckReply, error) {
	return &qc.HealthCheckReply{Title: "fake qdrant (vectorstore stand-in)", Version: "1.17.0"}, nil
}

// --- Collections service ---

func (f *fakeServer) Get(_ context.Context, r *qc.GetCollectionInfoRequest) (*qc.GetCollectionInfoResponse, error) {
	info, err := f.store.CollectionInfo(r.GetCollectionName())
	if err != nil {
		return nil, statusOf(err)
	}
	dist, err := distanceToProto(info.Config.Distance)
	if err != nil {
		return nil, statusOf(err)
	}
	f.mu.Lock()
	meta := f.meta[r.GetCollectionName()]
	f.mu.Unlock()
	return &qc.GetCollectionInfoResponse{Result: &qc.CollectionInfo{
		Status: qc.CollectionStatus_Green,
		Config: &qc.CollectionConfig{
			Params: &qc.CollectionParams{ShardNumber: 1, VectorsConfig: qc.NewVectorsConfig(&qc.VectorParams{
				Size: uint64(info.Config.Dim), Distance: dist})},
			HnswConfig: &qc.HnswConfigDiff{M: qc.PtrOf(uint64(info.Config.HNSW.M)),
				EfConstruct: qc.PtrOf(uint64(info.Config.HNSW.EfConstruction))},
			Metadata: meta,
		},
		PointsCount:         qc.PtrOf(uint64(info.Points)),
		IndexedVectorsCount: qc.PtrOf(uint64(info.IndexedNodes)),
	}}, nil
}

func (f *fakeServer) List(context.Context, *qc.ListCollectionsRequest) (*qc.ListCollectionsResponse, error) {
	resp := &qc.ListCollectionsResponse{}
	for _, n := range f.store.ListCollections() {
		resp.Collections = append(resp.Collections, &qc.CollectionDescription{Name: n})
	}
	return resp, nil
}

func (f *fakeServer) Create(ctx context.Context, r *qc.CreateCollection) (*qc.CollectionOperationResponse, error) {
	params := r.GetVectorsConfig().GetParams()
	if params == nil {
		return nil, status.Error(codes.InvalidArgument, "fake qdrant: only one unnamed vector is supported")
	}
	dist, err := distanceFromProto(params.GetDistance())
	if err != nil {
		return nil, statusOf(err)
	}
	cfg := vectorstore.CollectionConfig{Dim: int(params.GetSize()), Distance: dist}
	if h := r.GetHnswConfig(); h != nil {
		cfg.HNSW.M, cfg.HNSW.EfConstruction = int(h.GetM()), int(h.GetEfConstruct())
	}
	if err := f.store.CreateCollection(ctx, r.GetCollectionName(), cfg); err != nil {
		return nil, statusOf(err)
	}
	f.mu.Lock()
	f.meta[r.GetCollectionName()] = r.GetMetadata()
	f.mu.Unlock()
	return &qc.CollectionOperationResponse{Result: true}, nil
}

func (f *fakeServer) Delete(ctx context.Context, r *qc.DeleteCollection) (*qc.CollectionOperationResponse, error) {
	ok, err := f.store.DeleteCollection(ctx, r.GetCollectionName())
	if err != nil {
		return nil, statusOf(err)
	}
	return &qc.CollectionOperationResponse{Result: ok}, nil
}

// --- Points service ---
//
// The Points and Collections services both have Get and Delete, so the
// Points methods live on a second type sharing the state.

type fakePoints struct {
	qc.UnimplementedPointsServer
	*fakeServer
}

func (p fakePoints) Upsert(ctx context.Context, r *qc.UpsertPoints) (*qc.PointsOperationResponse, error) {
	pts := make([]vectorstore.Point, len(r.GetPoints()))
	for i, ps := range r.GetPoints() {
		id, err := pointIDFromProto(ps.GetId())
		if err != nil {
			return nil, statusOf(err)
		}
		vec := ps.GetVectors().GetVector().GetDense().GetData()
		payload, err := payloadFromProto(ps.GetPayload())
		if err != nil {
			return nil, statusOf(fmt.Errorf("%w: %v", vectorstore.ErrInvalid, err))
		}
		pts[i] = vectorstore.Point{ID: id, Vector: vec, Payload: payload}
	}
	if err := p.store.Upsert(ctx, r.GetCollectionName(), pts); err != nil {
		return nil, statusOf(err)
	}
	return completed(), nil
}

func completed() *qc.PointsOperationResponse {
	return &qc.PointsOperationResponse{Result: &qc.UpdateResult{Status: qc.UpdateStatus_Completed}}
}

func (p fakePoints) Delete(ctx context.Context, r *qc.DeletePoints) (*qc.PointsOperationResponse, error) {
	sel := r.GetPoints()
	if ids := sel.GetPoints(); ids != nil {
		var vids []vectorstore.PointID
		for _, id := range ids.GetIds() {
			v, err := pointIDFromProto(id)
			if err != nil {
				return nil, statusOf(err)
			}
			vids = append(vids, v)
		}
		if _, err := p.store.Delete(ctx, r.GetCollectionName(), vids); err != nil {
			return nil, statusOf(err)
		}
		return completed(), nil
	}
	filt, err := filterFromProto(sel.GetFilter(), 0)
	if err != nil {
		return nil, statusOf(err)
	}
	if _, err := p.store.DeleteByFilter(ctx, r.GetCollectionName(), filt); err != nil {
		return nil, statusOf(err)
	}
	return completed(), nil
}

func (p fakePoints) Get(ctx context.Context, r *qc.GetPoints) (*qc.GetResponse, error) {
	var ids []vectorstore.PointID
	for _, id := range r.GetIds() {
		v, err := pointIDFromProto(id)
		if err != nil {
			return nil, statusOf(err)
		}
		ids = append(ids, v)
	}
	recs, err := p.store.Get(ctx, r.GetCollectionName(), ids, withFromProto(r.GetWithPayload(), r.GetWithVectors()))
	if err != nil {
		return nil, statusOf(err)
	}
	resp := &qc.GetResponse{}
	// Qdrant does not promise the order asked; answer in reverse so the
	// client's reordering is exercised.
	for i := len(recs) - 1; i >= 0; i-- {
		resp.Result = append(resp.Result, retrieved(recs[i]))
	}
	return resp, nil
}

func (p fakePoints) Scroll(ctx context.Context, r *qc.ScrollPoints) (*qc.ScrollResponse, error) {
	filt, err := filterFromProto(r.GetFilter(), 0)
	if err != nil {
		return nil, statusOf(err)
	}
	req := vectorstore.ScrollRequest{Limit: int(r.GetLimit()), Filter: filt, With: withFromProto(r.GetWithPayload(), r.GetWithVectors())}
	if r.Offset != nil {
		id, err := pointIDFromProto(r.GetOffset())
		if err != nil {
			return nil, statusOf(err)
		}
		req.Offset = &id
	}
	res, err := p.store.Scroll(ctx, r.GetCollectionName(), req)
	if err != nil {
		return nil, statusOf(err)
	}
	resp := &qc.ScrollResponse{}
	for _, rec := range res.Points {
		resp.Result = append(resp.Result, retrieved(rec))
	}
	if res.NextOffset != nil {
		resp.NextPageOffset = pointIDToProto(*res.NextOffset)
	}
	return resp, nil
}

func (p fakePoints) Count(ctx context.Context, r *qc.CountPoints) (*qc.CountResponse, error) {
	filt, err := filterFromProto(r.GetFilter(), 0)
	if err != nil {
		return nil, statusOf(err)
	}
	n, err := p.store.Count(ctx, r.GetCollectionName(), filt)
	if err != nil {
		return nil, statusOf(err)
	}
	return &qc.CountResponse{Result: &qc.CountResult{Count: uint64(n)}}, nil
}

func (p fakePoints) Query(ctx context.Context, r *qc.QueryPoints) (*qc.QueryResponse, error) {
	vec := r.GetQuery().GetNearest().GetDense().GetData()
	if len(vec) == 0 {
		return nil, status.Error(codes.InvalidArgument, "fake qdrant: only nearest queries with a dense vector are supported")
	}
	filt, err := filterFromProto(r.GetFilter(), 0)
	if err != nil {
		return nil, statusOf(err)
	}
	req := vectorstore.SearchRequest{Vector: vec, Limit: int(r.GetLimit()), Offset: int(r.GetOffset()), Filter: filt,
		ScoreThreshold: r.ScoreThreshold, With: withFromProto(r.GetWithPayload(), r.GetWithVectors())}
	if r.Limit == nil {
		req.Limit = 10
	}
	req.Params.HNSWEf = int(r.GetParams().GetHnswEf())
	req.Params.Exact = r.GetParams().GetExact()
	hits, err := p.store.Search(ctx, r.GetCollectionName(), req)
	if err != nil {
		return nil, statusOf(err)
	}
	resp := &qc.QueryResponse{}
	for _, h := range hits {
		rp := retrieved(vectorstore.Record{ID: h.ID, Payload: h.Payload, Vector: h.Vector})
		resp.Result = append(resp.Result, &qc.ScoredPoint{Id: rp.Id, Payload: rp.Payload, Vectors: rp.Vectors, Score: h.Score})
	}
	return resp, nil
}

func withFromProto(p *qc.WithPayloadSelector, v *qc.WithVectorsSelector) vectorstore.With {
	return vectorstore.With{WithPayload: p.GetEnable(), WithVector: v.GetEnable()}
}

// retrieved encodes a stored record as Qdrant sends it.
func retrieved(r vectorstore.Record) *qc.RetrievedPoint {
	out := &qc.RetrievedPoint{Id: pointIDToProto(r.ID)}
	if r.Payload != nil {
		pl, err := payloadToProto(r.Payload)
		if err != nil {
			panic(err) // stored payloads came from JSON
		}
		out.Payload = pl
	}
	if r.Vector != nil {
		out.Vectors = &qc.VectorsOutput{VectorsOptions: &qc.VectorsOutput_Vector{Vector: &qc.VectorOutput{
			Vector: &qc.VectorOutput_Dense{Dense: &qc.DenseVector{Data: r.Vector}}}}}
	}
	return out
}

// filterFromProto is the server's side of filterToProto.
func filterFromProto(f *qc.Filter, depth int) (*vectorstore.Filter, error) {
	if f == nil {
		return nil, nil
	}
	if depth > maxFilterDepth {
		return nil, fmt.Errorf("%w: filter too deep", vectorstore.ErrInvalid)
	}
	out := &vectorstore.Filter{}
	for _, part := range []struct {
		src []*qc.Condition
		dst *[]vectorstore.Condition
	}{{f.GetMust(), &out.Must}, {f.GetShould(), &out.Should}, {f.GetMustNot(), &out.MustNot}} {
		for _, c := range part.src {
			vc, err := conditionFromProto(c, depth)
			if err != nil {
				return nil, err
			}
			*part.dst = append(*part.dst, vc)
		}
	}
	return out, nil
}

func conditionFromProto(c *qc.Condition, depth int) (vectorstore.Condition, error) {
	switch x := c.GetConditionOneOf().(type) {
	case *qc.Condition_Field:
		fc := x.Field
		if r := fc.GetRange(); r != nil {
			return vectorstore.Condition{Key: fc.GetKey(), Range: &vectorstore.Range{GT: r.Gt, GTE: r.Gte, LT: r.Lt, LTE: r.Lte}}, nil
		}
		m := &vectorstore.Match{}
		switch mv := fc.GetMatch().GetMatchValue().(type) {
		case *qc.Match_Keyword:
			m.Value = mv.Keyword
		case *qc.Match_Integer:
			m.Value = mv.Integer
		case *qc.Match_Boolean:
			m.Value = mv.Boolean
		case *qc.Match_Text:
			m.Text = mv.Text
		case *qc.Match_Keywords:
			m.Any = anyList(mv.Keywords.GetStrings())
		case *qc.Match_Integers:
			m.Any = anyList(mv.Integers.GetIntegers())
		case *qc.Match_ExceptKeywords:
			m.Except = anyList(mv.ExceptKeywords.GetStrings())
		case *qc.Match_ExceptIntegers:
			m.Except = anyList(mv.ExceptIntegers.GetIntegers())
		default:
			return vectorstore.Condition{}, fmt.Errorf("%w: fake qdrant: unsupported field condition %v", vectorstore.ErrInvalid, fc)
		}
		return vectorstore.Condition{Key: fc.GetKey(), Match: m}, nil
	case *qc.Condition_HasId:
		var ids []vectorstore.PointID
		for _, p := range x.HasId.GetHasId() {
			id, err := pointIDFromProto(p)
			if err != nil {
				return vectorstore.Condition{}, err
			}
			ids = append(ids, id)
		}
		if ids == nil {
			ids = []vectorstore.PointID{}
		}
		return vectorstore.Condition{HasID: ids}, nil
	case *qc.Condition_IsEmpty:
		return vectorstore.Condition{IsEmpty: &vectorstore.FieldRef{Key: x.IsEmpty.GetKey()}}, nil
	case *qc.Condition_IsNull:
		return vectorstore.Condition{IsNull: &vectorstore.FieldRef{Key: x.IsNull.GetKey()}}, nil
	case *qc.Condition_Nested:
		sub, err := filterFromProto(x.Nested.GetFilter(), depth+1)
		if err != nil {
			return vectorstore.Condition{}, err
		}
		if sub == nil {
			sub = &vectorstore.Filter{}
		}
		return vectorstore.Condition{Nested: &vectorstore.Nested{Key: x.Nested.GetKey(), Filter: *sub}}, nil
	case *qc.Condition_Filter:
		sub, err := filterFromProto(x.Filter, depth+1)
		if err != nil {
			return vectorstore.Condition{}, err
		}
		if sub == nil {
			sub = &vectorstore.Filter{}
		}
		return vectorstore.Condition{Filter: sub}, nil
	}
	return vectorstore.Condition{}, fmt.Errorf("%w: fake qdrant: unsupported condition %v", vectorstore.ErrInvalid, c)
}

func anyList[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
