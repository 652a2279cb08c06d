// Package e2e tests a domain end to end as users run it: the gaianet
// binary built from this tree, "gaianet domain" in one process, demo nodes
// ("gaianet init --config demo") joined with "gaianet join" in others, on
// loopback addresses, called with the official openai-go client. It has no
// non-test code.
//
// It imports nothing from this module.
package e2e
