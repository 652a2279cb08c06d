package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/egress"
	"golang.org/x/net/http/httpproxy"
)

// outboundAllowEnv names the environment variable that adds to
// gaianet_go.outbound_allow (comma-separated CIDRs, addresses or host
// names); it also applies before a config exists (init --config URL).
const outboundAllowEnv = "GAIANET_OUTBOUND_ALLOW"

// outboundPolicy returns the egress policy of a command's outbound
// requests (URL ingestion, downloads): public addresses, plus what cfg's
// gaianet_go.outbound_allow and GAIANET_OUTBOUND_ALLOW allow, through the
// proxy HTTPS_PROXY / HTTP_PROXY / NO_PROXY name, if any. cfg may be nil.
func outboundPolicy(cfg *config.Config) (*egress.Policy, error) {
	var allow []string
	if cfg != nil {
		allow = append(allow, cfg.Ext.OutboundAllow...)
	}
	if env := os.Getenv(outboundAllowEnv); env != "" {
		allow = append(allow, strings.Split(env, ",")...)
	}
	p, err := egress.NewPolicy(allow...)
	if err != nil {
		return nil, fmt.Errorf("outbound allow-list (%s.outbound_allow, %s): %w", config.ExtensionsKey, outboundAllowEnv, err)
	}
	return p.WithProxy(httpproxy.FromEnvironment().ProxyFunc()), nil
}
