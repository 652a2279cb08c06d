// Command mcpforecast is a small MCP server over stdio, built by the e2e
// tests with the official SDK: one tool, forecast, that appends each call's
// arguments to the file named by FORECAST_CALLS.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

type forecastIn struct {
	City string `json:"city" jsonschema:"the city"`
}

type forecastOut struct {
	City     string `json:"city"`
	Forecast string `json:"forecast"`
}

func main() {
	s := mcp.NewServer(&mcp.Implementation{Name: "mcpforecast", Version: "1"}, nil)
	mcp.AddTool(s, &mcp.Tool{Name: "forecast", Description: "Tomorrow's forecast for a city"},
		func(ctx context.Context, req *mcp.CallToolRequest, in forecastIn) (*mcp.CallToolResult, forecastOut, error) {
			if path := os.Getenv("FORECAST_CALLS"); path != "" {
				f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
				if err != nil {
					return nil, forecastOut{}, err
				}
				b, _ := json.Marshal(in)
				fmt.Fprintf(f, "%s\n", b)
				f.Close()
			}
			return nil, forecastOut{City: in.City, Forecast: "rain"}, nil
		})
	if err := s.Run(context.Background(), &mcp.StdioTransport{}); err != nil {
		log.Fatal(err)
	}
}
