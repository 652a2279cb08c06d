package rocksdb

import (
	"fmt"
)

// The MANIFEST is a log file (see logfile.go) whose records are VersionEdits:
// a sequence of varint32 tags, each followed by its fields, e.g.
//
//	c8 01 02                   kColumnFamily = 2 (the family the edit is about)
//	02 0c                      kLogNumber = 12
//	67 00 0a ...               kNewFile4 at level 0, file number 10, ...
//
// Replaying every edit yields the column families (id <-> name), their live
// table files and the oldest WAL each family still needs.

// Version edit tags (db/version_edit.h).
const (
	tagComparator          = 1
	tagLogNumber           = 2
	tagNextFileNumber      = 3
	tagLastSequence        = 4
	tagCompactCursor       = 5
	tagDeletedFile         = 6
	tagNewFile             = 7
	tagPrevLogNumber       = 9
	tagMinLogNumberToKeep  = 10
	tagNewFile2            = 100
	tagNewFile3            = 102
	tagNewFile4            = 103
	tagColumnFamily        = 200
	tagColumnFamilyAdd     = 201
	tagColumnFamilyDrop    = 202
	tagMaxColumnFamily     = 203
	tagInAtomicGroup       = 300
	tagBlobFileAddition    = 400
	tagBlobFileGarbage     = 401
	tagSafeIgnoreMask      = 1 << 13
	tagBlobAdditionOld     = tagSafeIgnoreMask + 2
	tagBlobGarbageOld      = tagSafeIgnoreMask + 3
	tagWalAddition         = tagSafeIgnoreMask + 4
	tagWalDeletion         = tagSafeIgnoreMask + 5
	newFileTagTerminate    = 1
	newFileTagNonSafeIgnor = 1 << 6
)

// cfState is the replayed state of one column family.
type cfState struct {
	id        uint32
	name      string
	logNumber uint64            // WALs below this number hold nothing for it
	files     map[uint64]uint32 // live table file number -> level
}

// manifest is the replayed MANIFEST.
type manifest struct {
	comparator string
	cfs        map[uint32]*cfState
}

// versionEdit is one decoded record, applied only once its atomic group (if
// any) is complete.
type versionEdit struct {
	cf           uint32
	hasLogNumber bool
	logNumber    uint64
	comparator   string
	add          *string
	drop         bool
	newFiles     [][2]uint64 // level, number
	deleted      [][2]uint64
	atomicRemain int64 // -1 if not in an atomic group
}

func decodeVersionEdit(rec []byte) (versionEdit, error) {
	e := versionEdit{atomicRemain: -1}
	d := newDecoder(rec)
	for d.ok && !d.empty() {
		tag := d.uvarint32()
		switch tag {
		case tagComparator:
			e.comparator = string(d.lengthPrefixed())
		case tagLogNumber:
			e.logNumber, e.hasLogNumber = d.uvarint64(), true
		case tagNextFileNumber, tagLastSequence, tagPrevLogNumber, tagMinLogNumberToKeep:
			d.uvarint64()
		case tagMaxColumnFamily:
			d.uvarint32()
		case tagCompactCursor:
			d.uvarint32()
			d.lengthPrefixed()
		case tagDeletedFile:
			level := d.uvarint32()
			e.deleted = append(e.deleted, [2]uint64{uint64(level), d.uvarint64()})
		case tagNewFile, tagNewFile2, tagNewFile3, tagNewFile4:
			level := d.uvarint32()
			num := d.uvarint64()
			if tag == tagNewFile3 {
				d.uvarint32() // path id
			}
			d.uvarint64()      // file size
			d.lengthPrefixed() // smallest internal key
			d.lengthPrefixed() // largest internal key
			if tag != tagNewFile {
				d.uvarint64() // smallest seqno
				d.uvarint64() // largest seqno
			}
			if tag == tagNewFile4 {
				for d.ok {
					ct := d.uvarint32()
					if ct == newFileTagTerminate {
						break
					}
					field := d.lengthPrefixed()
					if ct == newFileTagNonSafeIgnor+1 { // path id
						if len(field) != 1 || field[0] != 0 {
							return e, unsupportedf("manifest: table file %d in a secondary db_path", num)
						}
					} else if ct&newFileTagNonSafeIgnor != 0 {
						return e, unsupportedf("manifest: unknown required file field %d", ct)
					}
				}
			}
			e.newFiles = append(e.newFiles, [2]uint64{uint64(level), num & (1<<62 - 1)})
		case tagColumnFamily:
			e.cf = d.uvarint32()
		case tagColumnFamilyAdd:
			name := string(d.lengthPrefixed())
			e.add = &name
		case tagColumnFamilyDrop:
			e.drop = true
		case tagInAtomicGroup:
			e.atomicRemain = int64(d.uvarint32())
		case tagBlobFileAddition, tagBlobFileGarbage, tagBlobAdditionOld, tagBlobGarbageOld:
			return e, unsupportedf("manifest: blob files (BlobDB)")
		case tagWalAddition:
			d.uvarint64()
			for d.ok {
				if t := d.uvarint32(); t == 1 {
					break
				} else if t == 2 {
					d.uvarint64()
				} else {
					return e, corruptf("manifest: unknown WAL addition field %d", t)
				}
			}
		case tagWalDeletion:
			d.uvarint64()
		default:
			if tag&tagSafeIgnoreMask == 0 {
				if !d.ok {
					break
				}
				return e, corruptf("manifest: unknown version edit tag %d", tag)
			}
			d.lengthPrefixed()
		}
	}
	if !d.ok {
		return e, corruptf("manifest: truncated version edit")
	}
	return e, nil
}

func (m *manifest) apply(e versionEdit) error {
	if e.comparator != "" {
		m.comparator = e.comparator
	}
	if e.add != nil {
		if _, dup := m.cfs[e.cf]; dup {
			return corruptf("manifest: column family %d added twice", e.cf)
		}
		m.cfs[e.cf] = &cfState{id: e.cf, name: *e.add, files: map[uint64]uint32{}}
	}
	cf, ok := m.cfs[e.cf]
	if !ok {
		return corruptf("manifest: edit for unknown column family %d", e.cf)
	}
	if e.drop {
		delete(m.cfs, e.cf)
		return nil
	}
	if e.hasLogNumber {
		cf.logNumber = e.logNumber
	}
	for _, f := range e.deleted {
		delete(cf.files, f[1])
	}
	for _, f := range e.newFiles {
		cf.files[f[1]] = uint32(f[0])
	}
	return nil
}

// readManifest replays the MANIFEST file contents.
func readManifest(data []byte) (*manifest, error) {
	m := &manifest{cfs: map[uint32]*cfState{
		0: {id: 0, name: "default", files: map[uint64]uint32{}},
	}}
	var group []versionEdit
	err := readLog(data, 0, false, func(rec []byte) error {
		e, err := decodeVersionEdit(rec)
		if err != nil {
			return err
		}
		if e.atomicRemain < 0 {
			if len(group) > 0 {
				return corruptf("manifest: atomic group interrupted")
			}
			return m.apply(e)
		}
		group = append(group, e)
		if e.atomicRemain > 0 {
			return nil
		}
		for _, g := range group {
			if err := m.apply(g); err != nil {
				return err
			}
		}
		group = group[:0]
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	// An unfinished atomic group at the tail was never committed: dropped.
	if m.comparator != "" && m.comparator != "leveldb.BytewiseComparator" {
		return nil, unsupportedf("comparator %q (only leveldb.BytewiseComparator is read)", m.comparator)
	}
	return m, nil
}

// minLogNumber is the oldest WAL any live column family still needs.
func (m *manifest) minLogNumber() uint64 {
	min := ^uint64(0)
	for _, cf := range m.cfs {
		if cf.logNumber < min {
			min = cf.logNumber
		}
	}
	return min
}
