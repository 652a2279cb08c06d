#!/bin/sh
# gen.sh regenerates the fixtures of fixture_test.go with RocksDB's ldb
# (Debian package rocksdb-tools; these were made with RocksDB 7.8.3):
#
#   backup/       a BackupEngine directory (snappy, format_version 5, xxh3
#                 checksums, column families like a Qdrant segment's)
#   db/           a database directory whose last writes are only in the WAL
#   *.scan        ldb's scan of every column family, the expected contents
#
# Run from this directory: sh gen.sh
set -eu
cd "$(dirname "$0")"
rm -rf backup db backup.scan db.scan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$work/src

ldb --db="$src" --create_if_missing --compression_type=snappy put version 1.7.0 >/dev/null
for cf in payload mapping vector; do
	ldb --db="$src" create_column_family $cf >/dev/null
done
i=0
while [ $i -lt 300 ]; do
	printf '0x%08x ==> 0x%s\n' $i "$(printf 'payload-%d-%060d' $i $i | od -An -v -tx1 | tr -d ' \n')"
	i=$((i + 1))
done | ldb --db="$src" --hex --column_family=payload load >/dev/null
i=0
while [ $i -lt 300 ]; do
	printf 'ext-id-%d ==> internal-%d\n' $i $i
	i=$((i + 1))
done | ldb --db="$src" --column_family=mapping load >/dev/null
ldb --db="$src" --column_family=payload compact >/dev/null
i=0
while [ $i -lt 100 ]; do
	printf 'put vec%04d %s\n' $i "$(printf '%0300d' $i)"
	i=$((i + 7))
done | ldb --db="$src" --column_family=vector query >/dev/null
printf 'delete ext-id-5\ndelete ext-id-17\nput ext-id-3 overwritten\n' | ldb --db="$src" --column_family=mapping query >/dev/null
ldb --db="$src" --hex --column_family=payload deleterange 0x00000010 0x00000020 >/dev/null
ldb --db="$src" --column_family=payload delete "$(printf '\001')" >/dev/null 2>&1 || true
ldb --db="$src" --hex --column_family=payload put 0x00000005 0x6c61737420777269746520696e20746865205741 >/dev/null

# The database directory: only the files RocksDB needs, while the last put
# is still in the WAL (ldb flushes the WAL when it next opens the database).
mkdir db
for f in "$src"/CURRENT "$src"/MANIFEST-* "$src"/*.sst "$src"/*.log; do
	[ -e "$f" ] && cp "$f" db/
done
scan() {
	for cf in default mapping payload vector; do
		ldb --db="$1" --hex --column_family=$cf scan | sed "s/^/$cf /"
	done
}
cp -r "$src" "$work/copy"
scan "$work/copy" > db.scan

ldb --db="$src" backup --backup_dir="$PWD/backup" >/dev/null
scan "$src" > backup.scan
