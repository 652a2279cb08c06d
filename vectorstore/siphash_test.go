package vectorstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestSipHash24 checks the test vectors of the SipHash paper (appendix A
// and the reference implementation's vectors.h): key 00 01 .. 0f, message
// 00 01 .. (n-1).
func TestSipHash24(t *testing.T) {
	k0, k1 := uint64(0x0706050403020100), uint64(0x0f0e0d0c0b0a0908)
	msg := make([]byte, 64)
	for i := range msg {
		msg[i] = byte(i)
	}
	for _, tc := range []struct {
		n    int
		want uint64
	}{
		{0, 0x726fdb47dd0e0e31},
		{8, 0x93f5f5799a932462},
		{15, 0xa129ca6149be45e5},
	} {
		if got := sipHash24(k0, k1, msg[:tc.n]); got != tc.want {
			t.Errorf("%d bytes: %016x, want %016x", tc.n, got, tc.want)
		}
	}
}

// TestSliceCondition: the slices of a total partition the points (numeric
// and UUID ids alike), must_not takes the complement, slices of total 4
// nest in those of total 2 (same hash), and bad slices are refused.
func TestSliceCondition(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	mustCreate(t, s, "s", CollectionConfig{Dim: 2, Distance: Dot})
	var pts []Point
	for i := range 64 {
		id := NumID(uint64(i))
		if i%2 == 1 {
			var u [16]byte
			u[15], u[0] = byte(i), 0xab
			id = UUIDID(u)
		}
		pts = append(pts, Point{ID: id, Vector: []float32{1, 2}})
	}
	if err := s.Upsert(ctx, "s", pts); err != nil {
		t.Fatal(err)
	}
	ids := func(f string) map[PointID]bool {
		var flt Filter
		if err := json.Unmarshal([]byte(f), &flt); err != nil {
			t.Fatal(err)
		}
		page, err := s.Scroll(ctx, "s", ScrollRequest{Filter: &flt, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		out := map[PointID]bool{}
		for _, r := range page.Points {
			out[r.ID] = true
		}
		return out
	}
	seen := map[PointID]bool{}
	for i := range 4 {
		sl := ids(fmt.Sprintf(`{"must": [{"slice": {"total": 4, "index": %d}}]}`, i))
		if len(sl) == 0 || len(sl) == 64 {
			t.Fatalf("slice %d of 4 has %d points", i, len(sl))
		}
		for id := range sl {
			if seen[id] {
				t.Fatalf("point %v in two slices", id)
			}
			seen[id] = true
			if !ids(fmt.Sprintf(`{"must": [{"slice": {"total": 2, "index": %d}}]}`, i%2))[id] {
				t.Fatalf("point %v of slice %d/4 is not in slice %d/2", id, i, i%2)
			}
		}
		if not := ids(fmt.Sprintf(`{"must_not": [{"slice": {"total": 4, "index": %d}}]}`, i)); len(not)+len(sl) != 64 {
			t.Fatalf("must_not slice %d: %d + %d points", i, len(not), len(sl))
		}
	}
	if len(seen) != 64 {
		t.Fatalf("slices cover %d of 64 points", len(seen))
	}
	for _, f := range []string{`{"must": [{"slice": {"total": 0, "index": 0}}]}`, `{"must": [{"slice": {"total": 4, "index": 4}}]}`} {
		var flt Filter
		if err := json.Unmarshal([]byte(f), &flt); err != nil {
			t.Fatal(err)
		}
		_, err := s.Count(ctx, "s", &flt)
		// total 0 is malformed (400); an index past it fails validation (422).
		if wantValidation := strings.Contains(f, `"index": 4`); !errors.Is(err, ErrInvalid) || errors.Is(err, ErrValidation) != wantValidation {
			t.Errorf("%s: %v, want ErrInvalid (and ErrValidation: %v)", f, err, wantValidation)
		}
	}
}
