package rocksdb

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A BackupEngine directory holds
//
//	meta/<backup id>                 one text file per backup (below)
//	private/<backup id>/             CURRENT, MANIFEST-*, OPTIONS-*, *.log
//	shared_checksum/<n>_<crc>_<size>.sst or <n>_s<db session id>_<size>.sst
//	shared/<n>.sst                   (older share_files_with_checksum=false)
//
// and a meta file reads (schema version 1, or 2 with the first line
// "schema_version 2" and optional "name value" fields on file lines):
//
//	1795598535                                      timestamp
//	3                                               last sequence number
//	metadata 6869                                   optional, hex app metadata
//	2                                               number of files
//	shared_checksum/000025_sZMARH_1010.sst crc32 3342241305
//	private/1/CURRENT crc32 1085714998
//
// crc32 is the unmasked crc32c of the whole file.

// backupFile is one file of a backup.
type backupFile struct {
	path   string // relative to the backup directory
	crc    uint32
	hasCRC bool
	size   int64
	hasSz  bool
}

// backupMeta is a parsed meta file.
type backupMeta struct {
	id    uint64
	files []backupFile
}

// isBackupDir reports whether dir looks like a BackupEngine directory.
func isBackupDir(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, "meta"))
	if err != nil || !st.IsDir() {
		return false
	}
	_, err = os.Stat(filepath.Join(dir, "CURRENT"))
	return err != nil
}

// latestBackup finds and parses the meta file with the highest backup id.
func latestBackup(dir string) (*backupMeta, error) {
	ents, err := os.ReadDir(filepath.Join(dir, "meta"))
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	var best uint64
	found := false
	for _, e := range ents {
		id, err := strconv.ParseUint(e.Name(), 10, 64)
		if err != nil || e.IsDir() {
			continue // e.g. ".3.tmp" of an unfinished backup
		}
		if !found || id > best {
			best, found = id, true
		}
	}
	if !found {
		return nil, fmt.Errorf("backup: no backup in %s/meta", dir)
	}
	data, err := os.ReadFile(filepath.Join(dir, "meta", strconv.FormatUint(best, 10)))
	if err != nil {
		return nil, fmt.Errorf("backup: %w", err)
	}
	m, err := parseBackupMeta(data)
	if err != nil {
		return nil, fmt.Errorf("backup meta %d: %w", best, err)
	}
	m.id = best
	return m, nil
}

// maxBackupFiles bounds the file count a meta file may announce.
const maxBackupFiles = 1 << 20

func parseBackupMeta(data []byte) (*backupMeta, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, corruptf("%v", err)
	}
	i := 0
	next := func() (string, bool) {
		if i >= len(lines) {
			return "", false
		}
		i++
		return lines[i-1], true
	}
	schema := 1
	first, ok := next()
	if ok && strings.HasPrefix(first, "schema_version ") {
		v := strings.TrimPrefix(first, "schema_version ")
		if v != "2" && !strings.HasPrefix(v, "2.") {
			return nil, unsupportedf("backup meta schema version %q", v)
		}
		schema = 2
		_, ok = next()
	}
	if !ok { // the timestamp line, unused
		return nil, corruptf("backup meta: missing timestamp")
	}
	if _, ok := next(); !ok { // sequence number
		return nil, corruptf("backup meta: missing sequence number")
	}
	count := -1
	for {
		l, ok := next()
		if !ok {
			return nil, corruptf("backup meta: missing file count")
		}
		if l != "" && l[0] >= '0' && l[0] <= '9' {
			n, err := strconv.ParseUint(l, 10, 32)
			if err != nil || n > maxBackupFiles {
				return nil, corruptf("backup meta: bad file count %q", l)
			}
			count = int(n)
			break
		}
		name, _, found := strings.Cut(l, " ")
		if !found {
			return nil, corruptf("backup meta: expected file count or field, got %q", l)
		}
		if strings.HasPrefix(name, "ni::") {
			return nil, unsupportedf("backup meta: non-ignorable field %q", name)
		}
		if name != "metadata" && schema < 2 {
			return nil, corruptf("backup meta: unexpected field %q", name)
		}
	}
	m := &backupMeta{}
	for len(m.files) < count {
		l, ok := next()
		if !ok {
			return nil, corruptf("backup meta: %d files announced, %d listed", count, len(m.files))
		}
		parts := strings.Split(l, " ")
		if len(parts)%2 != 1 || parts[0] == "" {
			return nil, corruptf("backup meta: bad file line %q", l)
		}
		f := backupFile{path: parts[0]}
		if strings.Contains(f.path, "..") || filepath.IsAbs(f.path) {
			return nil, corruptf("backup meta: file path %q escapes the backup", f.path)
		}
		excluded := false
		for j := 1; j < len(parts); j += 2 {
			k, v := parts[j], parts[j+1]
			switch {
			case k == "crc32":
				c, err := strconv.ParseUint(v, 10, 32)
				if err != nil {
					return nil, corruptf("backup meta: bad crc32 %q for %s", v, f.path)
				}
				f.crc, f.hasCRC = uint32(c), true
			case k == "size":
				s, err := strconv.ParseInt(v, 10, 64)
				if err != nil || s < 0 {
					return nil, corruptf("backup meta: bad size %q for %s", v, f.path)
				}
				f.size, f.hasSz = s, true
			case k == "ni::excluded":
				excluded = v == "true"
			case strings.HasPrefix(k, "ni::"):
				return nil, unsupportedf("backup meta: non-ignorable file field %q", k)
			}
		}
		if excluded {
			return nil, unsupportedf("backup meta: file %s is excluded from the backup (kept elsewhere)", f.path)
		}
		m.files = append(m.files, f)
	}
	return m, nil
}

// readBackupFile reads one file of a backup and checks its size and crc32c
// against the meta file.
func readBackupFile(dir string, f backupFile) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.path)))
	if err != nil {
		return nil, fmt.Errorf("backup file named in meta: %w", err)
	}
	if f.hasSz && int64(len(data)) != f.size {
		return nil, corruptf("backup file %s has %d bytes, meta says %d", f.path, len(data), f.size)
	}
	if f.hasCRC && crc32Castagnoli(data) != f.crc {
		return nil, corruptf("backup file %s: crc32c mismatch", f.path)
	}
	return data, nil
}
