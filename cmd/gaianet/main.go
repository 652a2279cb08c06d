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

func main() { os.Exit(cliMain(os.Args[1:])) }

// cliMain runs gaianet with args; SIGINT and SIGTERM cancel its context.
func cliMain(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, os.Stdout, os.Stderr)
}
