package config_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/gaianet-go/gaianet/config"
)

// Load a node's config.json, edit it the way `gaianet config` does, and save
// it back without losing fields this package does not know.
func Example() {
	dir, err := os.MkdirTemp("", "config-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, config.FileName)
	os.WriteFile(path, []byte(`{
    "chat": "https://example.com/Qwen3-4B-Q5_K_M.gguf",
    "chat_ctx_size": 16384,
    "embedding": "nomic-embed-text-v1.5.f16.gguf",
    "my_note": "kept as is"
}`), 0o644)

	c, err := config.Load(path) // decodes and applies GaiaNet's defaults
	if err != nil {
		log.Fatal(err)
	}
	c.ChatCtxSize = 8192
	c.Ext.Parallel = 4
	if err := c.Validate(); err != nil {
		log.Fatal(err)
	}
	if err := c.Save(path); err != nil {
		log.Fatal(err)
	}
	again, _ := config.Load(path)
	fmt.Println(again.ChatCtxSize, again.LlamaEdgePort, again.RAGPolicy, again.Ext.Parallel, string(again.Extra["my_note"]))
	// Output: 8192 8080 system-message 4 "kept as is"
}
