package vectorstore

// distItem is a node and its distance to the query; lower is nearer.
type distItem struct {
	d  float32
	id uint32
}

// minHeap and maxHeap are binary heaps of distItem ordered by d. They are
// hand-written rather than container/heap so that pushes and pops neither
// allocate (beyond growing the backing slice once) nor go through interfaces.
//
// Hand-written on purpose, like the other heaps of the module
// (tokenizer's bigramHeap and spmHeap, vectorstore's minHeap and maxHeap,
// rag's topK): a generic heap was measured and loses. With the order passed
// as a func, or as a type parameter's method, the compiler does not inline
// sift-down, so every comparison becomes an indirect call: in per-thread
// CPU time (issue 12, item 4; min of 30 alternated rounds, same binary) it
// was 2.4x slower on BPE-like merges and 1.3-1.4x on a candidate queue,
// and only a bounded top-64 that rarely sifts came out even (0.91x). Keep
// the sift loops identical between them when changing one.
type minHeap []distItem

func (h *minHeap) push(x distItem) {
	s := append(*h, x)
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 2
		if s[p].d <= s[i].d {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
	*h = s
}

func (h *minHeap) pop() distItem {
	s := *h
	top := s[0]
	n := len(s) - 1
	s[0] = s[n]
	s = s[:n]
	i := 0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && s[r].d < s[l].d {
			m = r
		}
		if s[i].d <= s[m].d {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return top
}

type maxHeap []distItem

func (h *maxHeap) push(x distItem) {
	s := append(*h, x)
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 2
		if s[p].d >= s[i].d {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
	*h = s
}

func (h *maxHeap) pop() distItem {
	s := *h
	top := s[0]
	n := len(s) - 1
	s[0] = s[n]
	s = s[:n]
	i := 0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && s[r].d > s[l].d {
			m = r
		}
		if s[i].d >= s[m].d {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return top
}

// pushBounded keeps the k nearest items seen: it pushes x when the heap has
// fewer than k items or x is nearer than the farthest kept.
func (h *maxHeap) pushBounded(x distItem, k int) {
	if len(*h) < k {
		h.push(x)
		return
	}
	if x.d < (*h)[0].d {
		(*h)[0] = x
		h.fix0()
	}
}

func (h *maxHeap) fix0() {
	s := *h
	n := len(s)
	i := 0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && s[r].d > s[l].d {
			m = r
		}
		if s[i].d >= s[m].d {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
}

// drainSorted empties the heap into dst in ascending order of d and returns
// the extended dst.
func (h *maxHeap) drainSorted(dst []distItem) []distItem {
	n := len(*h)
	start := len(dst)
	for range n {
		dst = append(dst, distItem{})
	}
	for i := n - 1; i >= 0; i-- {
		dst[start+i] = h.pop()
	}
	return dst
}
