package download_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/gaianet-go/gaianet/download"
	"github.com/gaianet-go/gaianet/egress"
)

func ExampleFile() {
	model := append([]byte("GGUF"), make([]byte, 1<<20)...)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(model)
	}))
	defer srv.Close()
	dir, err := os.MkdirTemp("", "download-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	local, err := egress.NewPolicy("127.0.0.1")
	if err != nil {
		log.Fatal(err)
	}
	res, err := download.File(context.Background(), srv.URL+"/model.gguf", filepath.Join(dir, "model.gguf"), download.Options{
		Magic:  "GGUF",
		Egress: local, // test servers listen on 127.0.0.1; public hosts need no allow-list
		// Progress: func(p download.Progress) { ... draw p.Done of p.Total ... },
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(download.FormatBytes(res.Size), res.Resumed)
	// Output: 1.0 MiB 0
}
