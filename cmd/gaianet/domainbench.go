package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gaianet-go/gaianet/domain/bench"
)

type domainBenchFlags struct {
	rate, clients      *int
	duration, saturate *time.Duration
	storage            *string
	json               *bool
}

// domainBenchCommand is 'gaianet domain bench': the gateway's added
// latency and throughput against a stub node (package domain/bench).
func domainBenchCommand() *command {
	return &command{name: "bench", summary: "measure the gateway's added latency and throughput against a stub node",
		usage: "[--rate N] [--duration D] [--clients N] [--saturation D] [--storage DSN] [--json]",
		help: "Starts, in this process, a fast stub node, a domain on a fresh store (SQLite in\n" +
			"a temporary directory, or --storage postgres://...) with metering on, and the\n" +
			"node joined through its tunnel. Then, side by side: requests at a fixed rate\n" +
			"(open loop, latency counted from each request's due time), direct to the node\n" +
			"and through the domain in alternating one-second windows, with p50/p99 of each\n" +
			"and what the domain adds; and the requests per second each way at saturation.\n" +
			"Run it on a quiet machine: the figures measure the machine as much as the code.\n" +
			"The issue's targets: p50 <= 1 ms and p99 <= 5 ms added at 2,000 requests/s,\n" +
			">= 5,000 requests/s through the domain.",
		flags: func(fs *flag.FlagSet) any {
			return &domainBenchFlags{
				rate:     fs.Int("rate", 2000, "requests per second of the fixed-rate phase"),
				duration: fs.Duration("duration", 10*time.Second, "fixed-rate time for each of direct and domain"),
				clients:  fs.Int("clients", 64, "concurrent clients at saturation"),
				saturate: fs.Duration("saturation", 5*time.Second, "saturation time for each of direct and domain"),
				storage:  fs.String("storage", "", "a postgres:// DSN (an empty database) instead of SQLite"),
				json:     fs.Bool("json", false, "print the result as JSON"),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*domainBenchFlags)
			if len(args) > 0 {
				return usagef("domain bench takes no arguments")
			}
			if *f.rate <= 0 || *f.clients <= 0 || *f.duration < time.Second || *f.saturate <= 0 {
				return usagef("--rate and --clients must be positive, --duration at least 1s, --saturation positive")
			}
			dir, err := os.MkdirTemp("", "gaianet-domain-bench-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			loadBefore := loadAverage()
			res, err := bench.Run(ctx, bench.Options{Rate: *f.rate, Duration: *f.duration, Clients: *f.clients,
				SaturationDuration: *f.saturate, Storage: *f.storage, Dir: dir,
				Progress: func(s string) { fmt.Fprintln(env.stderr, s) }})
			if err != nil {
				return err
			}
			if *f.json {
				return printJSON(env.stdout, res)
			}
			us := func(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d)/float64(time.Microsecond)) }
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "store %s, %d requests/s\tdirect\tdomain\tadded\t\n", res.Store, res.Rate)
			fmt.Fprintf(tw, "p50 µs\t%s\t%s\t%s\t\n", us(res.Direct.P50), us(res.Domain.P50), us(res.AddedP50))
			fmt.Fprintf(tw, "p99 µs\t%s\t%s\t%s\t\n", us(res.Direct.P99), us(res.Domain.P99), us(res.AddedP99))
			fmt.Fprintf(tw, "max µs\t%s\t%s\t\t\n", us(res.Direct.Max), us(res.Domain.Max))
			if res.Direct.CPU > 0 {
				fmt.Fprintf(tw, "CPU µs per request\t%s\t%s\t%s\t\n", us(res.Direct.CPU), us(res.Domain.CPU), us(res.Domain.CPU-res.Direct.CPU))
			}
			fmt.Fprintf(tw, "kept up, requests/s\t%.0f\t%.0f\t\t\n", res.Direct.Achieved, res.Domain.Achieved)
			fmt.Fprintf(tw, "errors\t%d\t%d\t\t\n", res.Direct.Errors+res.DirectErrors, res.Domain.Errors+res.DomainErrors)
			fmt.Fprintf(tw, "saturation (%d clients), requests/s\t%.0f\t%.0f\t\t\n", res.Clients, res.DirectPerSec, res.DomainPerSec)
			tw.Flush()
			fmt.Fprintf(env.stdout, "load average before: %s; after: %s\n", loadBefore, loadAverage())
			return nil
		}}
}

// loadAverage is the machine's 1, 5 and 15 minute load, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
