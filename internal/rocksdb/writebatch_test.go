package rocksdb

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func batch(seq byte, count byte, records string) []byte {
	return []byte(string([]byte{seq, 0, 0, 0, 0, 0, 0, 0, count, 0, 0, 0}) + records)
}

func TestDecodeWriteBatch(t *testing.T) {
	cases := []struct {
		name  string
		in    []byte
		want  string // rendered ops
		class error
	}{
		{"put delete in cf", batch(7, 2, "\x05\x02\x01k\x01v\x04\x02\x01k"), "cf2 seq7 t1 k=v;cf2 seq8 t0 k=;", nil},
		{"range deletion", batch(1, 1, "\x0f\x01a\x01c"), "cf0 seq1 tf a=c;", nil},
		{"single delete, merge", batch(3, 2, "\x07\x01x\x02\x01y\x01z"), "cf0 seq3 t7 x=;cf0 seq4 t2 y=z;", nil},
		{"noop and log data take no sequence", batch(5, 1, "\x0d\x03\x02hi\x01\x01a\x01b"), "cf0 seq5 t1 a=b;", nil},
		{"empty", batch(1, 0, ""), "", nil},
		{"short header", []byte{1, 2, 3}, "", ErrCorrupt},
		{"count mismatch", batch(1, 2, "\x01\x01a\x01b"), "", ErrCorrupt},
		{"truncated value", batch(1, 1, "\x01\x01a\x05b"), "", ErrCorrupt},
		{"unknown tag", batch(1, 1, "\x7e"), "", ErrCorrupt},
		{"prepare marker", batch(1, 0, "\x09"), "", ErrUnsupported},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			err := decodeWriteBatch(c.in, func(op batchOp) error {
				fmt.Fprintf(&b, "cf%d seq%d t%x %s=%s;", op.cf, op.seq, op.kind, op.key, op.value)
				return nil
			})
			if c.class != nil {
				if !errors.Is(err, c.class) {
					t.Fatalf("err = %v, want %v", err, c.class)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != c.want {
				t.Errorf("got %q, want %q", b.String(), c.want)
			}
		})
	}
}

// TestResolve covers the live-view rules on entries as recovery collects
// them from tables and WALs.
func TestResolve(t *testing.T) {
	m := &memCF{name: "payload", latest: map[string]internalEntry{}}
	add := func(k string, seq uint64, kind byte, v string) {
		m.add(internalEntry{key: []byte(k), seq: seq, kind: kind, value: []byte(v)})
	}
	add("a", 1, typeValue, "old")
	add("a", 5, typeValue, "new")
	add("a", 3, typeDeletion, "") // older than the put: no effect
	add("b", 2, typeValue, "x")
	add("b", 4, typeSingleDeletion, "")
	add("c", 2, typeValue, "covered")
	add("d", 9, typeValue, "newer than the tombstone")
	add("e", 1, typeValue, "end is exclusive")
	add("m", 3, typeMerge, "hidden by the put")
	add("m", 4, typeValue, "put")
	m.tombs = append(m.tombs, tombstone{start: []byte("c"), end: []byte("e"), seq: 6})
	cf, err := m.resolve()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, k := range cf.keys {
		got = append(got, string(k)+"="+string(cf.values[i]))
	}
	want := "a=new,d=newer than the tombstone,e=end is exclusive,m=put"
	if strings.Join(got, ",") != want {
		t.Errorf("got %v, want %s", got, want)
	}

	add("z", 10, typeMerge, "operand")
	_, err = m.resolve()
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "merge operands are not supported") || !strings.Contains(err.Error(), `"payload"`) {
		t.Errorf("live merge operand: err = %v", err)
	}
}
