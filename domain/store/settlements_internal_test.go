package store

import "testing"

// TestIsPostingOf: a reopened batch's reversal picks exactly its own
// outcome postings of the generation in force: not another batch's whose
// id starts with the same digits, not another generation's.
func TestIsPostingOf(t *testing.T) {
	for _, c := range []struct {
		tid  string
		gen  int64
		want bool
	}{
		{"royalty/12", 0, true},
		{"shortfall/12", 0, true},
		{"shortfall/12/node:0xAb", 0, true},
		{"royalty/123", 0, false},
		{"shortfall/123/node:0xAb", 0, false},
		{"shortfall/12#1", 0, false},
		{"shortfall/12#1", 1, true},
		{"shortfall/12/node:0xAb#1", 1, true},
		{"shortfall/12/node:0xAb#11", 1, false},
		{"shortfall/12/node:0xAb#11", 11, true},
		{"royalty/12", 1, false},
		{"royalty/12#2", 1, false},
		{"unsettle/royalty/12", 0, false},
		{"chain/royalty/12", 0, false},
	} {
		if got := isPostingOf(c.tid, "12", c.gen); got != c.want {
			t.Errorf("isPostingOf(%q, 12, %d) = %v, want %v", c.tid, c.gen, got, c.want)
		}
		if c.want && postingID(trimGen(c.tid), c.gen) != c.tid {
			t.Errorf("postingID does not give %q back", c.tid)
		}
	}
}

func trimGen(tid string) string {
	for i := len(tid) - 1; i >= 0; i-- {
		if tid[i] == '#' {
			return tid[:i]
		}
	}
	return tid
}
