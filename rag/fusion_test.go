package rag

import (
	"fmt"
	"math"
	"testing"
)

func checkRanked(t *testing.T, got, want []Scored) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range got {
		if got[i].ID != want[i].ID || math.Abs(got[i].Score-want[i].Score) > 1e-12 {
			t.Fatalf("got %v, want %v (first difference at %d)", got, want, i)
		}
	}
}

func TestMinMax(t *testing.T) {
	tests := []struct {
		name string
		in   []Scored
		want []Scored
	}{
		{"empty", nil, []Scored{}},
		{"single", []Scored{{"a", 3.5}}, []Scored{{"a", 1}}},
		{"all equal", []Scored{{"a", 2}, {"b", 2}}, []Scored{{"a", 1}, {"b", 1}}},
		{"spread keeps order", []Scored{{"b", 6}, {"a", 10}, {"c", 2}}, []Scored{{"b", 0.5}, {"a", 1}, {"c", 0}}},
		{"negative scores", []Scored{{"a", -1}, {"b", -3}}, []Scored{{"a", 1}, {"b", 0}}},
		{"duplicate keeps best", []Scored{{"a", 1}, {"b", 3}, {"a", 5}}, []Scored{{"a", 1}, {"b", 0.5}}},
		{"non-finite dropped", []Scored{{"a", math.NaN()}, {"b", 4}, {"c", math.Inf(1)}, {"d", 0}}, []Scored{{"b", 1}, {"d", 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRanked(t, MinMax(tt.in), tt.want)
		})
	}
}

func TestHybrid(t *testing.T) {
	// Worked example. Keyword [a:10 b:6 c:2] normalizes to a=1 b=0.5 c=0;
	// vector [b:0.9 d:0.7 a:0.5] normalizes to b=1 d=0.5 a=0.
	// With 0.7/0.3: a=0.7, b=0.35+0.3=0.65, d=0.15, c=0.
	keyword := []Scored{{"a", 10}, {"b", 6}, {"c", 2}}
	vector := []Scored{{"b", 0.9}, {"d", 0.7}, {"a", 0.5}}
	tests := []struct {
		name    string
		keyword []Scored
		vector  []Scored
		w       HybridWeights
		want    []Scored
	}{
		{"gaianet default", keyword, vector, DefaultHybridWeights(),
			[]Scored{{"a", 0.7}, {"b", 0.65}, {"d", 0.15}, {"c", 0}}},
		{"equal weights", keyword, vector, HybridWeights{0.5, 0.5},
			[]Scored{{"b", 0.75}, {"a", 0.5}, {"d", 0.25}, {"c", 0}}},
		{"vector only", keyword, vector, HybridWeights{0, 1},
			[]Scored{{"b", 1}, {"d", 0.5}, {"a", 0}, {"c", 0}}},
		{"invalid weights fall back", keyword, vector, HybridWeights{-1, 2},
			[]Scored{{"a", 0.7}, {"b", 0.65}, {"d", 0.15}, {"c", 0}}},
		{"keyword list empty", nil, vector, DefaultHybridWeights(),
			[]Scored{{"b", 0.3}, {"d", 0.15}, {"a", 0}}},
		{"single results", []Scored{{"x", 3}}, []Scored{{"y", 0.2}}, DefaultHybridWeights(),
			[]Scored{{"x", 0.7}, {"y", 0.3}}},
		{"same single doc", []Scored{{"x", 3}}, []Scored{{"x", 0.2}}, DefaultHybridWeights(),
			[]Scored{{"x", 1}}},
		{"ties by id", []Scored{{"b", 2}, {"a", 2}}, nil, DefaultHybridWeights(),
			[]Scored{{"a", 0.7}, {"b", 0.7}}},
		{"both empty", nil, nil, DefaultHybridWeights(), []Scored{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRanked(t, Hybrid(tt.keyword, tt.vector, tt.w), tt.want)
		})
	}
}

func TestHybridWeightsValidate(t *testing.T) {
	for _, w := range []HybridWeights{{0, 0}, {-0.1, 1}, {math.NaN(), 1}, {1, math.Inf(1)}} {
		if w.Validate() == nil {
			t.Errorf("Validate(%+v) = nil", w)
		}
	}
	for _, w := range []HybridWeights{DefaultHybridWeights(), {1, 0}, {0, 2}} {
		if err := w.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v", w, err)
		}
	}
}

func TestRRF(t *testing.T) {
	// Worked example with k=60: L1=[a b c], L2=[c a d].
	// a = 1/61+1/62, c = 1/63+1/61, b = 1/62, d = 1/63.
	l1 := []Scored{{"a", 9}, {"b", 5}, {"c", 1}}
	l2 := []Scored{{"c", 0.9}, {"a", 0.8}, {"d", 0.1}}
	tests := []struct {
		name  string
		k     float64
		lists [][]Scored
		want  []Scored
	}{
		{"k=60", 60, [][]Scored{l1, l2}, []Scored{
			{"a", 1.0/61 + 1.0/62}, {"c", 1.0/63 + 1.0/61}, {"b", 1.0 / 62}, {"d", 1.0 / 63}}},
		{"k<=0 means 60", 0, [][]Scored{l1, l2}, []Scored{
			{"a", 1.0/61 + 1.0/62}, {"c", 1.0/63 + 1.0/61}, {"b", 1.0 / 62}, {"d", 1.0 / 63}}},
		// With k=1: a = 1/2+1/3, c = 1/4+1/2, b = 1/3, d = 1/4.
		{"k=1", 1, [][]Scored{l1, l2}, []Scored{
			{"a", 1.0/2 + 1.0/3}, {"c", 1.0/4 + 1.0/2}, {"b", 1.0 / 3}, {"d", 1.0 / 4}}},
		{"scores ignored, order used", 60, [][]Scored{{{"low", 0.1}, {"high", 99}}}, []Scored{
			{"low", 1.0 / 61}, {"high", 1.0 / 62}}},
		{"duplicate counts once at first rank", 60, [][]Scored{{{"a", 1}, {"b", 1}, {"a", 1}}}, []Scored{
			{"a", 1.0 / 61}, {"b", 1.0 / 62}}},
		{"three lists", 60, [][]Scored{{{"x", 1}}, {{"y", 1}}, {{"y", 1}, {"x", 1}}}, []Scored{
			{"y", 2.0 / 61}, {"x", 1.0/61 + 1.0/62}}},
		{"no lists", 60, nil, []Scored{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRanked(t, RRF(tt.k, tt.lists...), tt.want)
		})
	}
}

func ExampleHybrid() {
	keyword := []Scored{{"a", 10}, {"b", 6}, {"c", 2}}     // BM25 scores
	vector := []Scored{{"b", 0.9}, {"d", 0.7}, {"a", 0.5}} // cosine similarities
	for _, r := range Hybrid(keyword, vector, DefaultHybridWeights()) {
		fmt.Printf("%s %.2f\n", r.ID, r.Score)
	}
	// Output:
	// a 0.70
	// b 0.65
	// d 0.15
	// c 0.00
}

func ExampleRRF() {
	keyword := []Scored{{"a", 10}, {"b", 6}}
	vector := []Scored{{"b", 0.9}, {"c", 0.7}}
	for _, r := range RRF(0, keyword, vector) {
		fmt.Printf("%s %.4f\n", r.ID, r.Score)
	}
	// Output:
	// b 0.0325
	// a 0.0164
	// c 0.0161
}
