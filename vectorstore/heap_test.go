package vectorstore

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestHeaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 7, 100} {
		var mn minHeap
		var mx maxHeap
		var bounded maxHeap
		var all []float32
		for i := range n {
			d := float32(rng.IntN(50))
			all = append(all, d)
			mn.push(distItem{d, uint32(i)})
			mx.push(distItem{d, uint32(i)})
			bounded.pushBounded(distItem{d, uint32(i)}, 5)
		}
		slices.Sort(all)
		for i := range n {
			if got := mn.pop().d; got != all[i] {
				t.Fatalf("n=%d min pop %d = %v want %v", n, i, got, all[i])
			}
		}
		got := mx.drainSorted(nil)
		for i := range got {
			if got[i].d != all[i] {
				t.Fatalf("n=%d drainSorted[%d] = %v want %v", n, i, got[i].d, all[i])
			}
		}
		b := bounded.drainSorted(nil)
		if want := min(n, 5); len(b) != want {
			t.Fatalf("bounded len %d want %d", len(b), want)
		}
		for i := range b {
			if b[i].d != all[i] {
				t.Fatalf("bounded[%d] = %v want %v", i, b[i].d, all[i])
			}
		}
	}
}
