package rocksdb_test

import (
	"context"
	"fmt"
	"log"

	"github.com/gaianet-go/gaianet/internal/rocksdb"
)

func Example() {
	// testdata/backup is a BackupEngine directory like a Qdrant segment's
	// db_backup/; a plain database directory opens the same way.
	db, err := rocksdb.Open(context.Background(), "testdata/backup")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(db.ColumnFamilies())
	v, ok := db.Get("mapping", []byte("ext-id-3"))
	fmt.Printf("%s %v\n", v, ok)
	n := 0
	err = db.Scan("payload", func(key, value []byte) error {
		n++
		return nil
	})
	fmt.Println(n, err)
	// Output:
	// [default mapping payload vector]
	// overwritten true
	// 284 <nil>
}
