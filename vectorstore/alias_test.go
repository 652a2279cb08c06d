package vectorstore

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

func TestAliases(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	mustCreate(t, s, "a", CollectionConfig{Dim: 2, Distance: Dot})
	mustCreate(t, s, "b", CollectionConfig{Dim: 2, Distance: Dot})
	if err := s.Upsert(ctx, "a", []Point{{ID: NumID(1), Vector: []float32{1, 0}}}); err != nil {
		t.Fatal(err)
	}
	ok := []AliasAction{{Create: &CreateAlias{Collection: "a", Alias: "prod"}}, {Create: &CreateAlias{Collection: "b", Alias: "old"}}}
	if err := s.UpdateAliases(ctx, ok); err != nil {
		t.Fatal(err)
	}
	// Reads and writes through an alias reach the collection.
	if n, err := s.Count(ctx, "prod", nil); err != nil || n != 1 {
		t.Fatalf("count via alias = %d, %v", n, err)
	}
	// A failing batch changes nothing, even its valid first action.
	for _, bad := range []struct {
		acts []AliasAction
		want error
	}{
		{[]AliasAction{{Delete: &DeleteAlias{Alias: "prod"}}, {Delete: &DeleteAlias{Alias: "nope"}}}, ErrNotFound},
		{[]AliasAction{{Rename: &RenameAlias{Old: "prod", New: "x"}}, {Create: &CreateAlias{Collection: "zz", Alias: "y"}}}, ErrNotFound},
		{[]AliasAction{{Create: &CreateAlias{Collection: "a", Alias: "b"}}}, ErrExists},
		{[]AliasAction{{Create: &CreateAlias{Collection: "a", Alias: "old"}}}, ErrExists},
		{[]AliasAction{{}}, ErrInvalid},
		{[]AliasAction{{Create: &CreateAlias{Collection: "a", Alias: "bad name"}}}, ErrInvalid},
	} {
		if err := s.UpdateAliases(ctx, bad.acts); !errors.Is(err, bad.want) {
			t.Errorf("%+v: err = %v, want %v", bad.acts, err, bad.want)
		}
	}
	want := []Alias{{"old", "b"}, {"prod", "a"}}
	if got := s.Aliases(""); !reflect.DeepEqual(got, want) {
		t.Fatalf("aliases = %v, want %v", got, want)
	}
	// Atomic switch: prod moves from a to b in one step.
	sw := []AliasAction{{Delete: &DeleteAlias{Alias: "prod"}}, {Create: &CreateAlias{Collection: "b", Alias: "prod"}}, {Rename: &RenameAlias{Old: "old", New: "older"}}}
	if err := s.UpdateAliases(ctx, sw); err != nil {
		t.Fatal(err)
	}
	want = []Alias{{"older", "b"}, {"prod", "b"}}
	if got := s.Aliases(""); !reflect.DeepEqual(got, want) {
		t.Fatalf("aliases = %v, want %v", got, want)
	}
	s.Close()
	for _, phase := range []string{"wal", "checkpoint"} {
		s2, err := Open(ctx, dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := s2.Aliases(""); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: aliases = %v, want %v", phase, got, want)
		}
		if phase == "wal" {
			if err := s2.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
		}
		s2.Close()
	}
	s3, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	if _, err := s3.DeleteCollection(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if got := s3.Aliases(""); len(got) != 0 {
		t.Fatalf("aliases of a dropped collection remain: %v", got)
	}
	if _, err := s3.Count(ctx, "prod", nil); !errors.Is(err, ErrNotFound) {
		t.Fatalf("count via a dropped alias: %v", err)
	}
}

func TestUpdatePayload(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, nil)
	mustCreate(t, s, "p", CollectionConfig{Dim: 3, Distance: Cosine, Vectors: map[string]VectorParams{"v": {Size: 2, Distance: Cosine}}})
	if err := s.CreatePayloadIndex(ctx, "p", "color", PayloadIndexParams{Type: SchemaKeyword}); err != nil {
		t.Fatal(err)
	}
	pts := []Point{
		{ID: NumID(1), Vector: []float32{1, 2, 3}, Vectors: map[string][]float32{"v": {3, 4}}, Payload: map[string]any{"color": "red", "a": map[string]any{"b": 1.0}}},
		{ID: NumID(2), Vector: []float32{3, 2, 1}, Payload: map[string]any{"color": "blue"}},
	}
	if err := s.Upsert(ctx, "p", pts); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Get(ctx, "p", []PointID{NumID(1), NumID(2)}, With{WithVector: true})
	red := &Filter{Must: []Condition{{Key: "color", Match: &Match{Value: "red"}}}}
	steps := []struct {
		op   PayloadOp
		n    int
		want map[uint64]string
	}{
		{PayloadOp{Filter: red, Set: map[string]any{"x": "y"}}, 1, map[uint64]string{1: `{"a":{"b":1},"color":"red","x":"y"}`, 2: `{"color":"blue"}`}},
		{PayloadOp{IDs: []PointID{NumID(1)}, Set: map[string]any{"c": 2.0}, Key: "a"}, 1, map[uint64]string{1: `{"a":{"b":1,"c":2},"color":"red","x":"y"}`}},
		{PayloadOp{IDs: []PointID{NumID(1), NumID(2), NumID(9)}, DeleteKeys: []string{"a.b", "color"}}, 2, map[uint64]string{1: `{"a":{"c":2},"x":"y"}`, 2: `null`}},
		{PayloadOp{IDs: []PointID{NumID(2)}, Set: map[string]any{"color": "red"}, Overwrite: true}, 1, map[uint64]string{2: `{"color":"red"}`}},
		{PayloadOp{IDs: []PointID{NumID(1)}, Clear: true}, 1, map[uint64]string{1: `null`}},
	}
	for i, st := range steps {
		n, err := s.UpdatePayload(ctx, "p", st.op)
		if err != nil || n != st.n {
			t.Fatalf("step %d: %d, %v", i, n, err)
		}
		for id, want := range st.want {
			recs, _ := s.Get(ctx, "p", []PointID{NumID(id)}, With{WithPayload: true})
			got, _ := jsonMarshalSorted(recs[0].Payload)
			if string(got) != want {
				t.Fatalf("step %d: point %d payload %s, want %s", i, id, got, want)
			}
		}
	}
	// The index follows the payload: only point 2 is red now.
	if n, _ := s.Count(ctx, "p", red); n != 1 {
		t.Fatalf("red points: %d", n)
	}
	after, _ := s.Get(ctx, "p", []PointID{NumID(1), NumID(2)}, With{WithVector: true})
	for i := range after {
		// A payload write is a write: the version moves on.
		if after[i].Version <= before[i].Version {
			t.Fatalf("point %v: version %d after a payload update, was %d", after[i].ID, after[i].Version, before[i].Version)
		}
		after[i].Version = before[i].Version
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("vectors changed: %+v vs %+v", before, after)
	}
	if _, err := s.UpdatePayload(ctx, "p", PayloadOp{IDs: []PointID{NumID(1)}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("empty op: %v", err)
	}
	s.Close()
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n, _ := s2.Count(ctx, "p", red); n != 1 {
		t.Fatalf("after reopen, red points: %d", n)
	}
	if c, _ := s2.collection("p"); c.liveLocked() != 2 {
		t.Fatal("payload changes added points")
	}
}
