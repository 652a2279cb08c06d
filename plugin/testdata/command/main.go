// Command command is a plain wasip1 command: it upper-cases stdin, or
// exits with code 3 when stdin is "exit".
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	b, _ := io.ReadAll(os.Stdin)
	if string(b) == "exit" {
		os.Exit(3)
	}
	fmt.Println(strings.ToUpper(string(b)))
}
