package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/tunnel"
)

func joinCommand() *command {
	return &command{name: "join", summary: "make the node join a domain (sets config.json's domain)", usage: "URL [--base DIR]",
		help: "Sets config.json's \"domain\" to URL, the domain's address (e.g.\n" +
			"https://example.domain or http://127.0.0.1:9000). From then on 'gaianet start'\n" +
			"dials out to the domain, proves the node's identity with its key, and serves\n" +
			"the domain's users through that connection: no open port is needed. A domain\n" +
			"with policy approve admits the node once its operator runs\n" +
			"'gaianet domain nodes approve ADDRESS'.",
		flags: func(fs *flag.FlagSet) any { return baseFlag(fs) },
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			base := *env.flags.(*string)
			if len(args) != 1 {
				return usagef("join needs the domain's URL")
			}
			u, err := url.Parse(strings.TrimRight(args[0], "/"))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" {
				return usagef("want the domain's URL as http(s)://host[:port], got %q", args[0])
			}
			p := filepath.Join(base, configFile)
			cfg, err := config.Load(p)
			if err != nil {
				return err
			}
			cfg.Domain = u.String()
			check := cfg.Clone()
			check.ApplyDefaults()
			if err := check.Validate(); err != nil {
				return fmt.Errorf("not saved: %w", err)
			}
			if err := cfg.Save(p); err != nil {
				return err
			}
			addr := "(no identity yet: run 'gaianet init')"
			if nid, err := identity.ReadNodeID(filepath.Join(base, identity.NodeIDFileName)); err == nil && nid.Address != "" {
				addr = nid.Address
			}
			fmt.Fprintf(env.stdout, "node %s will join %s\n(re)start it to connect: gaianet start --base %s\n", addr, u, base)
			return nil
		}}
}

// startDomainLink keeps the node joined to the domain in cfg.Domain when
// that is a URL (GaiaNet's own host-name form, e.g. gaia.domains, is served
// by GaiaNet's frp and is left alone). The domain reaches h, the node's
// API, through the tunnel with the node's own API key if it has one (the
// domain never forwards its users' keys). The returned function stops it.
func startDomainLink(ctx context.Context, log *slog.Logger, base string, cfg *config.Config, h http.Handler) func() {
	if !strings.Contains(cfg.Domain, "://") {
		return func() {}
	}
	id, err := identity.Load(base)
	if err != nil {
		log.Error("cannot join the domain without the node's key", "domain", cfg.Domain, "err", err)
		return func() {}
	}
	var nodeKey string
	if len(cfg.Ext.APIKeys) > 0 {
		nodeKey = "Bearer " + cfg.Ext.APIKeys[0]
	}
	viaTunnel := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Authorization")
		if nodeKey != "" {
			r.Header.Set("Authorization", nodeKey)
		}
		h.ServeHTTP(w, r)
	})
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c := &tunnel.Client{URL: cfg.Domain, Key: id, Handler: viaTunnel, Log: log}
		c.Run(ctx)
	}()
	log.Info("joining domain", "domain", cfg.Domain, "node", id.Address())
	return func() { cancel(); wg.Wait() }
}
