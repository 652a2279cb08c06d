// Package bench measures what a domain gateway adds to a request, for the
// issue's targets (p50 <= 1 ms and p99 <= 5 ms added at 2,000 requests/s,
// >= 5,000 requests/s at saturation). It starts, in one process, a fast
// stub node made for the benchmark (answers at once, signs its /v1/info
// as a real node does), a domain on a fresh store with a user holding
// credit, and the node joined to it through its tunnel; then it calls the
// node directly and through the domain, side by side:
//
//   - at a fixed rate, open loop: request i is due at start + i/rate and its
//     latency counts from then, so a stall counts against every request
//     behind it; direct and domain alternate in one-second windows, so
//     load on the machine falls on both alike;
//   - at saturation: a fixed number of clients in a closed loop, direct
//     then domain, requests per second.
//
// 'gaianet domain bench' runs it; Run is the whole harness.
package bench
