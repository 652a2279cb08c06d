package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/tunnel"
)

type joinFlags struct {
	base, wallet *string
}

// walletFile names the wallet the node's earnings go to; the node signs
// the binding (tunnel.WalletMessage) with its key at each join.
const walletFile = "domain-wallet.json"

// walletBinding is walletFile's content. Signature is what versions that
// signed the binding once wrote (replayable, so domains refuse it); it is
// read so that their files still name the wallet, and never sent.
type walletBinding struct {
	Wallet    string `json:"wallet"`
	Signature string `json:"signature,omitempty"`
}

// bindWallet checks wallet and writes it to DIR/domain-wallet.json.
func bindWallet(base, wallet string) error {
	w, err := identity.ChecksumAddress(wallet)
	if err != nil || !identity.IsAddress(wallet) {
		return usagef("--wallet: %q is not an address (0x and 40 hex digits)", wallet)
	}
	b, _ := json.MarshalIndent(walletBinding{Wallet: w}, "", "  ")
	return os.WriteFile(filepath.Join(base, walletFile), append(b, '\n'), 0o644)
}

// readWallet returns the wallet the node binds its earnings to, "" for none.
func readWallet(base string) (string, error) {
	b, err := os.ReadFile(filepath.Join(base, walletFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var wb walletBinding
	if err := json.Unmarshal(b, &wb); err != nil {
		return "", fmt.Errorf("%s: %w", walletFile, err)
	}
	if !identity.IsAddress(wb.Wallet) {
		return "", fmt.Errorf("%s: wallet %q is not an address", walletFile, wb.Wallet)
	}
	return wb.Wallet, nil
}

func joinCommand() *command {
	return &command{name: "join", summary: "make the node join a domain (sets config.json's domain)", usage: "URL [--base DIR]",
		help: "Sets config.json's \"domain\" to URL, the domain's address (e.g.\n" +
			"https://example.domain or http://127.0.0.1:9000). From then on 'gaianet start'\n" +
			"dials out to the domain, proves the node's identity with its key, and serves\n" +
			"the domain's users through that connection: no open port is needed. A domain\n" +
			"with policy approve admits the node once its operator runs\n" +
			"'gaianet domain nodes approve ADDRESS'. --wallet binds the node's earnings to\n" +
			"a wallet (kept in DIR/domain-wallet.json; the node's key signs the binding\n" +
			"for each join, with the domain's nonce), so an operator's many nodes are\n" +
			"paid together.",
		flags: func(fs *flag.FlagSet) any {
			return &joinFlags{base: baseFlag(fs),
				wallet: fs.String("wallet", "", "pay this node's earnings to WALLET (an address), bound by a signature from the node's key")}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*joinFlags)
			base := *f.base
			if len(args) != 1 {
				return usagef("join needs the domain's URL")
			}
			if *f.wallet != "" {
				if err := bindWallet(base, *f.wallet); err != nil {
					return err
				}
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
			if err := saveChecked(cfg, p); err != nil {
				return err
			}
			addr := "(no identity yet: run 'gaianet init')"
			if nid, err := identity.ReadNodeID(filepath.Join(base, identity.NodeIDFileName)); err == nil && nid.Address != "" {
				addr = nid.Address
			}
			fmt.Fprintf(env.stdout, "node %s will join %s\n", addr, u)
			if *f.wallet != "" {
				fmt.Fprintf(env.stdout, "its earnings go to wallet %s\n", *f.wallet)
			}
			fmt.Fprintf(env.stdout, "(re)start it to connect: gaianet start --base %s\n", base)
			return nil
		}}
}

// startDomainLink keeps the node joined to the domain in cfg.Domain when
// that is a URL (GaiaNet's own host-name form, e.g. gaia.domains, is served
// by GaiaNet's frp and is left alone). The domain reaches h, the node's
// API, through the tunnel with the node's own API key if it has one (the
// domain never forwards its users' keys). id is the identity the node
// loaded (with its keystore password), shared so that the keystore is
// decrypted once. The returned function stops it.
func startDomainLink(ctx context.Context, log *slog.Logger, base string, id *identity.Identity, cfg *config.Config, h http.Handler) func() {
	if !strings.Contains(cfg.Domain, "://") {
		return func() {}
	}
	if id == nil {
		log.Error("cannot join the domain without the node's key: run 'gaianet init'", "domain", cfg.Domain)
		return func() {}
	}
	// The domain is dialed like every outbound request: public addresses,
	// plus gaianet_go.outbound_allow (a domain on this machine or network
	// must be listed there).
	pol, err := outboundPolicy(cfg)
	if err != nil {
		log.Error("cannot join the domain", "domain", cfg.Domain, "err", err)
		return func() {}
	}
	wallet, err := readWallet(base)
	if err != nil {
		log.Error("ignoring the wallet binding", "err", err)
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
		c := &tunnel.Client{URL: cfg.Domain, Key: id, Handler: viaTunnel, Log: log, Wallet: wallet, Egress: pol}
		c.Run(ctx)
	}()
	log.Info("joining domain", "domain", cfg.Domain, "node", id.Address())
	return func() { cancel(); wg.Wait() }
}
