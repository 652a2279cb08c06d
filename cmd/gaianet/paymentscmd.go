package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/domain"
	"github.com/gaianet-go/gaianet/domain/onchain"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/egress"
)

// openPayments connects the domain in base to its escrow when base has a
// chain.json; nil (and no error) when it has none. close ends the
// connection.
func openPayments(ctx context.Context, env *cmdEnv, base string, cfg domain.Config, st *store.Store, log *slog.Logger) (svc *onchain.Service, closeFn func(), err error) {
	pc, ok, err := onchain.LoadConfig(base)
	if err != nil || !ok {
		return nil, func() {}, err
	}
	from, signer, err := signerFromKey(env, pc.Key, pc.KeyPasswordFile)
	if err != nil {
		return nil, nil, fmt.Errorf("chain.json: %w", err)
	}
	client, err := ethclient.DialContext(ctx, pc.RPC)
	if err != nil {
		return nil, nil, fmt.Errorf("chain.json: rpc %s: %w", pc.RPC, err)
	}
	host, _ := os.Hostname()
	minRequest, err := domain.MinEstimate(cfg.Prices)
	if err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("domain.json prices: %w", err)
	}
	svc, err = onchain.New(ctx, pc, onchain.Options{DomainName: cfg.Name, Store: st, Client: client, Signer: signer, From: from, Logger: log,
		Replica: fmt.Sprintf("%s/%d", host, os.Getpid()), MinRequest: minRequest})
	if err != nil {
		client.Close()
		return nil, nil, err
	}
	return svc, client.Close, nil
}

// withPayments routes the wallet-binding paths to svc and the rest to h.
func withPayments(h http.Handler, svc *onchain.Service) http.Handler {
	if svc == nil {
		return h
	}
	wallet := svc.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == onchain.WalletPath || strings.HasPrefix(r.URL.Path, onchain.WalletPath+"/") {
			wallet.ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

type domainChainFlags struct {
	base, rpc, escrow, key, passwordFile *string
	confirmations, startBlock            *uint64
	poll, settleEvery, lease             *time.Duration
	components                           componentFlag
}

// componentFlag is the repeatable --component SHA256=TOKEN.
type componentFlag map[string]uint64

func (c componentFlag) String() string { return fmt.Sprint(map[string]uint64(c)) }

func (c componentFlag) Set(v string) error {
	h, id, ok := strings.Cut(v, "=")
	n, err := strconv.ParseUint(id, 10, 64)
	if !ok || h == "" || err != nil || n == 0 {
		return fmt.Errorf("want SHA256=TOKEN_ID (a marketplace token id, from 1), got %q", v)
	}
	c[strings.ToLower(h)] = n
	return nil
}

func domainChainCommand() *command {
	return &command{name: "chain", summary: "take payments on an escrow: deposits credit users, usage settles on chain",
		usage: "--rpc URL --escrow ADDRESS --key KEYSTORE [--base DIR] [--confirmations N] [--settle-every 10m]",
		help: "Writes DIR/chain.json (mode 0600) after checking that the escrow's settlement\n" +
			"signer is KEYSTORE's key. From the next 'domain start', the domain:\n" +
			"  - credits each deposit into the escrow to the user whose API key the depositor\n" +
			"    bound ('gaianet wallet bind'), once, after --confirmations blocks;\n" +
			"  - debits the user's account for each withdrawal from the escrow;\n" +
			"  - every --settle-every, settles the billed requests of bound users on the escrow\n" +
			"    in batches it signs (each batch id is accepted once), paying each node's share\n" +
			"    to the wallet the node bound, else to its address; the operator (the escrow's)\n" +
			"    gets the rest.\n" +
			"  - with --component SHA256=TOKEN (repeatable), reports in each batch the revenue\n" +
			"    of requests served by nodes verified to serve that content (model, knowledge-\n" +
			"    base snapshot or plugin file), so the escrow pays the marketplace token's owner\n" +
			"    its royalty share; each token must hold that content hash on chain.\n" +
			"Every replica of the domain (sharing one PostgreSQL database) runs the payments:\n" +
			"the one holding the settler lease does the work, another takes over when it dies.\n" +
			"KEYSTORE is a node base folder or a v3 keystore file (0600); its password comes\n" +
			"from --keystore-password-file (kept in chain.json), GAIANET_KEYSTORE_PASSWORD_FILE\n" +
			"or GAIANET_KEYSTORE_PASSWORD when the domain starts.",
		flags: func(fs *flag.FlagSet) any {
			f := &domainChainFlags{base: domainBaseFlag(fs),
				rpc:           fs.String("rpc", "", "the chain's JSON-RPC URL (required)"),
				escrow:        fs.String("escrow", "", "the domain's escrow contract (required)"),
				key:           fs.String("key", "", "the settlement signer's node base folder or keystore file (required)"),
				passwordFile:  fs.String("keystore-password-file", "", "file holding the keystore password"),
				confirmations: fs.Uint64("confirmations", 12, "blocks on top of a deposit before it counts (0 on a dev chain only)"),
				startBlock:    fs.Uint64("start-block", 0, "first block to scan (the escrow's deployment block)"),
				poll:          fs.Duration("poll", 5*time.Second, "how often to read the escrow"),
				settleEvery:   fs.Duration("settle-every", 10*time.Minute, "how often to settle usage on the escrow"),
				lease: fs.Duration("lease", 0, "how long the settling replica holds the settler lease unrenewed: another replica\n"+
					"takes over this long after it dies (default 30s, at least 3 polls)"),
				components: componentFlag{}}
			fs.Var(f.components, "component", "SHA256=TOKEN: content hash of a component and its marketplace token (repeatable)")
			return f
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*domainChainFlags)
			if len(args) > 0 || *f.rpc == "" || *f.escrow == "" || *f.key == "" {
				return usagef("domain chain needs --rpc URL, --escrow ADDRESS and --key KEYSTORE")
			}
			cfg, st, err := openDomain(ctx, *f.base)
			if err != nil {
				return err
			}
			defer st.Close()
			pc := onchain.Config{RPC: *f.rpc, Escrow: *f.escrow, Key: *f.key, KeyPasswordFile: *f.passwordFile,
				Confirmations: f.confirmations, StartBlock: *f.startBlock, Poll: domain.Duration(*f.poll), SettleEvery: domain.Duration(*f.settleEvery),
				Lease: domain.Duration(*f.lease)}
			if len(f.components) > 0 {
				pc.Components = f.components
			}
			pc.ApplyDefaults()
			if err := pc.Validate(); err != nil {
				return usagef("%v", err)
			}
			// Check before saving: the escrow exists and the key signs for it.
			if err := onchain.SaveConfig(*f.base, pc); err != nil {
				return err
			}
			svc, closeFn, err := openPayments(ctx, env, *f.base, cfg, st, nil)
			if err != nil {
				os.Remove(onchainConfigPath(*f.base))
				return fmt.Errorf("%w (chain.json not saved)", err)
			}
			closeFn()
			fmt.Fprintf(env.stdout, "payments on escrow %s; restart the domain to start them\n", svc.Escrow())
			return nil
		}}
}

func onchainConfigPath(base string) string { return filepath.Join(base, onchain.ConfigFile) }

func domainSettlementsCommand() *command {
	return &command{name: "settlements", summary: "the batches settled (or pending) on the escrow", usage: "[--base DIR] [--json]",
		flags:    listFlagSet,
		children: []*command{domainSettlementsRetryCommand()},
		run: withStore(func(ctx context.Context, env *cmdEnv, f *listFlags, st *store.Store) error {
			list, err := st.Settlements(ctx, "", "")
			if err != nil {
				return err
			}
			if *f.json {
				return printJSON(env.stdout, list)
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "BATCH\tSTATUS\tREQUESTS\tTOTAL (USD)\tROYALTY\tUNCOVERED\tTRANSACTION")
			for _, s := range list {
				status := s.Status
				if s.ReissueOf != "" {
					status += " (re-issue of " + s.ReissueOf + ")"
				}
				if s.ReissuedAs != "" {
					status += " (issued again as " + s.ReissuedAs + ")"
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", s.ID, status, s.Requests, s.Total, s.Royalty, s.Uncovered, s.TxHash)
			}
			return tw.Flush()
		})}
}

func domainSettlementsRetryCommand() *command {
	return &command{name: "retry", summary: "settle again what the escrow refused of a failed or partial batch", usage: "ID [--base DIR]",
		help: "A batch the escrow refused for good (status failed) keeps its requests, so they\n" +
			"are not billed twice. Once the cause is fixed, 'retry' releases them (once):\n" +
			"the payments worker settles them in a new batch. A partial batch (its\n" +
			"stablecoin part settled, its GAIA part refused) has its refused part issued\n" +
			"again (once) as a new batch: the same charges, payouts and usage, in dollars\n" +
			"(and such a batch, if refused in turn, is issued again whole).\n" +
			"It refuses while the escrow could still settle what was refused: a part of a\n" +
			"failed batch settled, or a signature still valid (before its deadline; retry\n" +
			"after it). Needs chain.json.",
		flags: listFlagSet,
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*listFlags)
			if len(args) != 1 {
				return usagef("settlements retry needs one batch id")
			}
			cfg, st, err := openDomain(ctx, *f.base)
			if err != nil {
				return err
			}
			defer st.Close()
			svc, closeFn, err := openPayments(ctx, env, *f.base, cfg, st, nil)
			if err != nil {
				return err
			}
			defer closeFn()
			if svc == nil {
				return fmt.Errorf("no payments configured (%s): run 'gaianet domain chain' first", onchainConfigPath(*f.base))
			}
			r, err := svc.Retry(ctx, args[0])
			if err != nil {
				return err
			}
			if r.Reissued != "" {
				fmt.Fprintf(env.stdout, "batch %s: its refused part was issued again as batch %s\n", args[0], r.Reissued)
				return nil
			}
			fmt.Fprintf(env.stdout, "batch %s released: %d requests will be settled in a new batch\n", args[0], r.Released)
			return nil
		}}
}

func domainWalletsCommand() *command {
	return &command{name: "wallets", summary: "users' wallet bindings (with their history), blocked users, the settler",
		usage: "[--base DIR] [--json]",
		help: "Lists every binding of a wallet to a user, current and ended ('gaianet wallet bind',\n" +
			"'rebind', 'unbind'), the users a chain reorganisation left below zero (blocked\n" +
			"until they deposit, with the reason), and which replica holds the settler lease.",
		flags: listFlagSet,
		run: withStore(func(ctx context.Context, env *cmdEnv, f *listFlags, st *store.Store) error {
			links, err := st.WalletLinks(ctx, "")
			if err != nil {
				return err
			}
			flags, err := st.UserFlags(ctx)
			if err != nil {
				return err
			}
			var settler struct {
				Escrow string    `json:"escrow,omitempty"`
				Holder string    `json:"holder,omitempty"`
				Until  time.Time `json:"until,omitempty"`
			}
			if pc, ok, err := onchain.LoadConfig(*f.base); err != nil {
				return err
			} else if ok {
				settler.Escrow = common.HexToAddress(pc.Escrow).Hex()
				if settler.Holder, settler.Until, err = st.LeaseHolder(ctx, "settler:"+settler.Escrow); err != nil {
					return err
				}
			}
			if *f.json {
				return printJSON(env.stdout, map[string]any{"links": links, "blocked": flags, "settler": settler})
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "USER\tWALLET\tBOUND\tUNBOUND")
			for _, l := range links {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.User, l.Address, l.Bound.Format(time.RFC3339), timeOrDash(l.Unbound))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			for u, why := range flags {
				fmt.Fprintf(env.stdout, "blocked: %s: %s\n", u, why)
			}
			if settler.Holder != "" {
				fmt.Fprintf(env.stdout, "settler: %s (lease until %s)\n", settler.Holder, settler.Until.Format(time.RFC3339))
			}
			return nil
		})}
}

type walletBindFlags struct {
	domain, apiKey, base, passwordFile, escrow *string
}

func walletBindCommand() *command {
	return walletBindingCommand("bind", onchain.BindPath, "bind this key's wallet to your API key on a domain, so deposits credit it",
		"Asks the domain for a binding challenge (a nonce it consumes on use), signs it\n"+
			"with the wallet's key as EIP-712 typed data (the domain's chain id and escrow in\n"+
			"the domain separator: the signature is worthless on any other chain, escrow,\n"+
			"domain or user, and once used) and sends it. From then on, deposits from this\n"+
			"wallet into the domain's escrow credit the API key's account (earlier deposits\n"+
			"are credited at once). --escrow, when given, must be the domain's escrow.\n"+
			"The API key may also come from GAIANET_API_KEY. To move to another wallet\n"+
			"later: 'gaianet wallet rebind'; to end it: 'gaianet wallet unbind'.")
}

func walletRebindCommand() *command {
	return walletBindingCommand("rebind", onchain.RebindPath, "move your API key to this key's wallet (replacing the wallet bound now)",
		"Like 'wallet bind', signed by the NEW wallet (this key): the API key's requests\n"+
			"from now on settle on this wallet, earlier ones on the wallet bound when they\n"+
			"were made, and this wallet's deposits credit the API key. The domain refuses\n"+
			"while the old wallet holds anything in the escrow: withdraw it first.")
}

func walletUnbindCommand() *command {
	return walletBindingCommand("unbind", onchain.UnbindPath, "end the binding of this key's wallet to your API key",
		"Signs an EIP-712 Unbinding (a fresh domain nonce, an expiry, the chain id and\n"+
			"escrow) with the bound wallet's key (this key) and sends it. Later deposits from\n"+
			"the wallet are held until it is bound again, and later requests of the API key\n"+
			"settle on no wallet. The domain refuses while the wallet holds anything in the\n"+
			"escrow: withdraw it first.")
}

// walletBindingCommand is 'wallet bind', 'rebind' or 'unbind': a challenge
// from the domain, signed by this key's wallet, posted to path.
func walletBindingCommand(name, path, summary, help string) *command {
	return &command{name: name, summary: summary,
		usage: "--domain URL --api-key KEY [--base DIR | --base KEYSTORE] [--escrow ADDRESS]",
		help:  help,
		flags: func(fs *flag.FlagSet) any {
			return &walletBindFlags{
				domain:       fs.String("domain", "", "the domain's URL, e.g. https://example.gaia.domains (required)"),
				apiKey:       fs.String("api-key", "", "your API key on the domain (default $GAIANET_API_KEY)"),
				base:         baseFlag(fs),
				passwordFile: fs.String("keystore-password-file", "", "read the keystore password from FILE"),
				escrow:       fs.String("escrow", "", "the escrow you deposit into; refuse if the domain names another"),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*walletBindFlags)
			key := *f.apiKey
			if key == "" {
				key = os.Getenv("GAIANET_API_KEY")
			}
			if len(args) > 0 || *f.domain == "" || key == "" {
				return usagef("wallet %s needs --domain URL and --api-key KEY", name)
			}
			if *f.escrow != "" && !common.IsHexAddress(*f.escrow) {
				return usagef("--escrow %q is not an address", *f.escrow)
			}
			from, signer, err := signerFromKey(env, *f.base, *f.passwordFile)
			if err != nil {
				return err
			}
			pol, err := outboundPolicy(nil)
			if err != nil {
				return err
			}
			client := pol.Client(egress.Options{MaxRedirects: -1, MaxBodyBytes: 1 << 20})
			base := strings.TrimRight(*f.domain, "/")
			var ch onchain.Challenge
			if err := postJSON(ctx, client, base+onchain.ChallengePath, key, nil, &ch); err != nil {
				return err
			}
			if *f.escrow != "" && ch.Escrow != common.HexToAddress(*f.escrow) {
				return fmt.Errorf("the domain's escrow is %s, not %s: not signing", ch.Escrow, *f.escrow)
			}
			ch.Binding.Wallet = from
			dom := chain.EscrowDomain{ChainID: new(big.Int).SetUint64(ch.ChainID), Escrow: ch.Escrow}
			sign := dom.SignBinding
			if path == onchain.UnbindPath {
				sign = dom.SignUnbinding
			}
			sig, err := sign(signer, ch.Binding)
			if err != nil {
				return err
			}
			var res struct {
				User     string      `json:"user"`
				Wallet   string      `json:"wallet"`
				Previous string      `json:"previous"`
				Unbound  string      `json:"unbound"`
				Credited json.Number `json:"credited"`
				// LeftBehind is the credit left with the old wallet's
				// escrow leftover (too small for a request; the wallet's
				// to withdraw, back if it is bound again).
				LeftBehind json.Number `json:"left_behind"`
			}
			if err := postJSON(ctx, client, base+path, key, onchain.BindRequest{Binding: ch.Binding, Signature: sig}, &res); err != nil {
				return err
			}
			left := ""
			if res.LeftBehind != "" && res.LeftBehind != "0" {
				left = fmt.Sprintf("; $%s of credit left behind with the old wallet's escrow leftover (the wallet's to withdraw)", res.LeftBehind)
			}
			switch path {
			case onchain.UnbindPath:
				fmt.Fprintf(env.stdout, "wallet %s unbound from user %s on %s (chain %d, escrow %s)%s\n",
					res.Unbound, res.User, ch.Binding.Domain, ch.ChainID, ch.Escrow, left)
			case onchain.RebindPath:
				fmt.Fprintf(env.stdout, "user %s moved from wallet %s to %s on %s (chain %d, escrow %s); $%s of held deposits credited%s\n",
					res.User, res.Previous, res.Wallet, ch.Binding.Domain, ch.ChainID, ch.Escrow, res.Credited, left)
			default:
				fmt.Fprintf(env.stdout, "wallet %s bound to user %s on %s (chain %d, escrow %s); $%s of earlier deposits credited\n",
					res.Wallet, res.User, ch.Binding.Domain, ch.ChainID, ch.Escrow, res.Credited)
			}
			return nil
		}}
}

// postJSON posts body (nil: none) with the API key and decodes a 200
// answer into out; another status becomes an error with the domain's
// message.
func postJSON(ctx context.Context, client *http.Client, url, key string, body, out any) error {
	var rd io.Reader = http.NoBody
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error struct{ Message string } `json:"error"`
		}
		if json.Unmarshal(b, &e) == nil && e.Error.Message != "" {
			return fmt.Errorf("%s: %s (HTTP %d)", url, e.Error.Message, resp.StatusCode)
		}
		return fmt.Errorf("%s: HTTP %d (does the domain take payments on a chain? 'gaianet domain chain')", url, resp.StatusCode)
	}
	return json.Unmarshal(b, out)
}
