//go:build wasip1

// Command hostile is a plugin that misbehaves on purpose, one export per
// attack; the tests check each is contained.
package main

import (
	"encoding/json"
	"net"
	"os"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/plugin/pdk"
)

func main() {}

//go:wasmexport echo
func echo() int32 {
	pdk.Output(pdk.Input())
	return 0
}

var sink [][]byte

//go:wasmexport loop
func loop() int32 {
	n := 0
	for {
		n++
		if n < 0 {
			return 0
		}
	}
}

//go:wasmexport membomb
func membomb() int32 {
	for {
		sink = append(sink, make([]byte, 1<<20))
	}
}

//go:wasmexport hostbomb
func hostbomb() int32 {
	for {
		pdk.Output(make([]byte, 1<<20)) // kernel memory: alloc without end
	}
}

// readfile reads the path given as input.
//
//go:wasmexport readfile
func readfile() int32 {
	b, err := os.ReadFile(string(pdk.Input()))
	if err != nil {
		return pdk.Fail(err.Error())
	}
	pdk.Output(b)
	return 0
}

// writefile writes "x" to the path given as input.
//
//go:wasmexport writefile
func writefile() int32 {
	if err := os.WriteFile(string(pdk.Input()), []byte("x"), 0o644); err != nil {
		return pdk.Fail(err.Error())
	}
	return 0
}

// dial opens a TCP connection to the address given as input.
//
//go:wasmexport dial
func dial() int32 {
	c, err := net.Dial("tcp", string(pdk.Input()))
	if err != nil {
		return pdk.Fail(err.Error())
	}
	c.Close()
	return 0
}

// fetch sends a GET to the URL given as input.
//
//go:wasmexport fetch
func fetch() int32 {
	status, body := pdk.HTTP(pdk.HTTPRequest{Method: "GET", URL: string(pdk.Input())}, nil)
	return pdk.OutputJSON(map[string]any{"status": status, "body": string(body)})
}

//go:wasmexport bigoutput
func bigoutput() int32 {
	pdk.Output([]byte(strings.Repeat("x", 8<<20)))
	return 0
}

//go:wasmexport stdoutflood
func stdoutflood() int32 {
	line := []byte(strings.Repeat("y", 4096) + "\n")
	for {
		os.Stdout.Write(line)
	}
}

//go:wasmexport panics
func panics() int32 {
	var m map[string]int
	m["x"] = 1 // a Go panic: the runtime prints it and exits
	return 0
}

// ambient reports what the plugin sees of time, randomness, environment
// and arguments.
//
//go:wasmexport ambient
func ambient() int32 {
	var r [8]byte
	f, _ := os.Open("/dev/urandom")
	if f != nil {
		f.Close()
	}
	return pdk.OutputJSON(map[string]any{
		"now":   time.Now().UTC().Format(time.RFC3339),
		"env":   os.Environ(),
		"args":  os.Args,
		"rand":  randBytes(r[:]),
		"urand": f != nil,
	})
}

//go:wasmexport config
func config() int32 {
	v, ok := pdk.Config(string(pdk.Input()))
	b, _ := json.Marshal(map[string]any{"value": v, "ok": ok})
	pdk.Output(b)
	return 0
}

// prompt_hook passes the prompt through, but loops forever when it
// contains LOOP and allocates without end when it contains BOMB; config
// "attack" limits it to one of the two ("LOOP" or "BOMB").
//
//go:wasmexport prompt_hook
func promptHook() int32 {
	in := string(pdk.Input())
	attack, only := pdk.Config("attack")
	switch {
	case strings.Contains(in, "LOOP") && (!only || attack == "LOOP"):
		return loop()
	case strings.Contains(in, "BOMB") && (!only || attack == "BOMB"):
		return membomb()
	}
	pdk.Output([]byte(in))
	return 0
}

// counter counts the calls this instance served, in a var.
//
//go:wasmexport counter
func counter() int32 {
	n := len(pdk.Var("n")) + 1
	pdk.SetVar("n", make([]byte, n))
	return pdk.OutputJSON(n)
}

// crash traps (a nil pointer dereference: the Go runtime panics).
//
//go:wasmexport crash
func crash() int32 {
	var p *int
	return int32(*p)
}
