package journal

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"testing"
)

// TestComponentSetRecorded: a charge's component set survives the journal
// (what replay after a crash posts); a record written before the field
// existed reads as set 0, and a negative set is refused.
func TestComponentSetRecorded(t *testing.T) {
	c := charge(t, 3, "u_1")
	c.ComponentSet = 1<<62 + 12345
	rec, err := appendRecord(nil, c)
	if err != nil {
		t.Fatal(err)
	}
	cs, whole, err := readRecords(rec)
	if err != nil || whole != len(rec) || len(cs) != 1 || cs[0].ComponentSet != c.ComponentSet {
		t.Fatalf("read back %+v (%d of %d bytes, %v)", cs, whole, len(rec), err)
	}

	old := []byte(`{"request_id":"r","user":"u","node":"0xa1","model":"m","usage":{"input_tokens":1,"output_tokens":0},"amount":"0.000005","legs":[{"account":"operator","amount":"0.000005"}]}`)
	oldRec := binary.LittleEndian.AppendUint32(nil, uint32(len(old)))
	oldRec = binary.LittleEndian.AppendUint32(oldRec, crc32.Checksum(old, castagnoli))
	oldRec = append(oldRec, old...)
	if cs, _, err := readRecords(oldRec); err != nil || len(cs) != 1 || cs[0].ComponentSet != 0 {
		t.Fatalf("a record without a set: %+v, %v", cs, err)
	}

	st, user, _ := setup(t, "")
	j, err := Open(context.Background(), t.TempDir(), st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close(context.Background())
	bad := charge(t, 4, user)
	bad.ComponentSet = -1
	if err := j.Append(bad); err == nil {
		t.Fatal("a negative component set was journaled")
	}
}

// BenchmarkAppendRecord: what encoding one charge costs on the answer
// path, without and with a component set.
func BenchmarkAppendRecord(b *testing.B) {
	for _, set := range []int64{0, 1<<62 + 12345} {
		b.Run(fmt.Sprint("set=", set != 0), func(b *testing.B) {
			c := charge(b, 3, "u_1")
			c.ComponentSet = set
			var buf []byte
			b.ReportAllocs()
			for b.Loop() {
				buf, _ = appendRecord(buf[:0], c)
			}
		})
	}
}
