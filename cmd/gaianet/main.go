// Command gaianet runs a GaiaNet node: a pure-Go inference engine for GGUF
// models with a knowledge base, served as an OpenAI-compatible API.
//
// Run "gaianet help" for the list of commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
