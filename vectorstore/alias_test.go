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
