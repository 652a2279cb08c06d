package rocksdb

// A WAL record is one serialized WriteBatch:
//
//	sequence (fixed64) | count (fixed32) | record*
//	record = tag (1) [cf id varint32] key (varint32-prefixed) [value (varint32-prefixed)]
//
// e.g. Put("k", "v") into column family 2 at sequence 7:
//
//	07 00 00 00 00 00 00 00  01 00 00 00  05 02 01 6b 01 76
//
// Each Put, Delete, SingleDelete, DeleteRange, Merge, blob index or entity
// record takes the next sequence number; log data and markers take none.

// Write batch record tags (db/dbformat.h ValueType, WAL flavours).
const (
	wbDeletion                 = 0x0
	wbValue                    = 0x1
	wbMerge                    = 0x2
	wbLogData                  = 0x3
	wbCFDeletion               = 0x4
	wbCFValue                  = 0x5
	wbCFMerge                  = 0x6
	wbSingleDeletion           = 0x7
	wbCFSingleDeletion         = 0x8
	wbBeginPrepareXID          = 0x9
	wbEndPrepareXID            = 0xA
	wbCommitXID                = 0xB
	wbRollbackXID              = 0xC
	wbNoop                     = 0xD
	wbCFRangeDeletion          = 0xE
	wbRangeDeletion            = 0xF
	wbCFBlobIndex              = 0x10
	wbBlobIndex                = 0x11
	wbBeginPersistedPrepareXID = 0x12
	wbBeginUnprepareXID        = 0x13
	wbDeletionWithTimestamp    = 0x14
	wbCommitXIDAndTimestamp    = 0x15
	wbWideColumnEntity         = 0x16
	wbCFWideColumnEntity       = 0x17
	wbValuePreferredSeqno      = 0x18
	wbCFValuePreferredSeqno    = 0x19
	writeBatchHeaderSize       = 12
)

// batchOp is one operation of a write batch. For range deletions key is the
// start and value the (exclusive) end. kind is an internal-key value type
// (typeValue, typeDeletion, typeSingleDeletion, typeMerge, typeRangeDeletion,
// typeBlobIndex, typeWideColumnEntity, typeValuePreferredSeqno).
type batchOp struct {
	cf    uint32
	kind  byte
	seq   uint64
	key   []byte
	value []byte
}

// decodeWriteBatch calls fn for every operation of the serialized batch b.
// Slices passed to fn alias b.
func decodeWriteBatch(b []byte, fn func(batchOp) error) error {
	if len(b) < writeBatchHeaderSize {
		return corruptf("write batch of %d bytes is too short", len(b))
	}
	d := newDecoder(b)
	seq := d.fixed64()
	count := d.fixed32()
	var found uint32
	for !d.empty() {
		tag := d.byte1()
		op := batchOp{}
		switch tag {
		case wbCFValue, wbCFDeletion, wbCFSingleDeletion, wbCFMerge, wbCFRangeDeletion,
			wbCFBlobIndex, wbCFWideColumnEntity, wbCFValuePreferredSeqno:
			op.cf = d.uvarint32()
		}
		switch tag {
		case wbValue, wbCFValue:
			op.kind, op.key, op.value = typeValue, d.lengthPrefixed(), d.lengthPrefixed()
		case wbDeletion, wbCFDeletion:
			op.kind, op.key = typeDeletion, d.lengthPrefixed()
		case wbSingleDeletion, wbCFSingleDeletion:
			op.kind, op.key = typeSingleDeletion, d.lengthPrefixed()
		case wbMerge, wbCFMerge:
			op.kind, op.key, op.value = typeMerge, d.lengthPrefixed(), d.lengthPrefixed()
		case wbRangeDeletion, wbCFRangeDeletion:
			op.kind, op.key, op.value = typeRangeDeletion, d.lengthPrefixed(), d.lengthPrefixed()
		case wbBlobIndex, wbCFBlobIndex:
			op.kind, op.key, op.value = typeBlobIndex, d.lengthPrefixed(), d.lengthPrefixed()
		case wbWideColumnEntity, wbCFWideColumnEntity:
			op.kind, op.key, op.value = typeWideColumnEntity, d.lengthPrefixed(), d.lengthPrefixed()
		case wbValuePreferredSeqno, wbCFValuePreferredSeqno:
			op.kind, op.key, op.value = typeValuePreferredSeqno, d.lengthPrefixed(), d.lengthPrefixed()
		case wbLogData:
			d.lengthPrefixed()
			continue
		case wbNoop:
			continue
		case wbBeginPrepareXID, wbBeginPersistedPrepareXID, wbBeginUnprepareXID,
			wbEndPrepareXID, wbCommitXID, wbRollbackXID, wbCommitXIDAndTimestamp:
			return unsupportedf("write batch: transaction marker %#x (two-phase commit)", tag)
		case wbDeletionWithTimestamp:
			return unsupportedf("write batch: deletion with timestamp")
		default:
			if !d.ok {
				return corruptf("write batch truncated")
			}
			return corruptf("write batch: unknown record tag %#x", tag)
		}
		if !d.ok {
			return corruptf("write batch: truncated record (tag %#x)", tag)
		}
		found++
		op.seq = seq
		seq++
		if err := fn(op); err != nil {
			return err
		}
	}
	if found != count {
		return corruptf("write batch holds %d records, header says %d", found, count)
	}
	return nil
}
