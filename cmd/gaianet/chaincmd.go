package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/identity"
)

func chainCommand() *command {
	return &command{name: "chain", summary: "payments on an EVM chain: a local devnet, contract deployment",
		help: "GaiaNet's payment contracts (contracts/src): a purpose-bound escrow per domain,\n" +
			"the GAIA token, governor and timelock, staking on operators, a price feed and\n" +
			"the component marketplace. 'chain devnet' runs a local chain with all of them.",
		children: []*command{chainDevnetCommand(), chainDeployCommand()}}
}

// devnetAccount is a funded test account, printed so users can import it.
type devnetAccount struct {
	Address    common.Address `json:"address"`
	PrivateKey string         `json:"private_key"`
}

type devnetFlags struct {
	listen, fund *string
	notice       *time.Duration
}

func chainDevnetCommand() *command {
	return &command{name: "devnet", summary: "run a local EVM chain (go-ethereum dev mode) with the contracts deployed",
		usage: "[--listen HOST:PORT] [--fund ADDRESS,...]",
		help: "Starts go-ethereum in dev mode inside this process (in memory: the chain is\n" +
			"lost on exit), deploys every contract, funds test accounts with ETH, tUSD and\n" +
			"GAIA, and prints one JSON line: rpc, chain_id, the contract addresses (escrow,\n" +
			"token, staking, governor, timelock, marketplace, stablecoin, price_feed) and the\n" +
			"test accounts with their private keys (public test keys: never use them\n" +
			"elsewhere). Account 0 is the escrow's operator, settlement signer and price\n" +
			"feeder. Runs until interrupted.",
		flags: func(fs *flag.FlagSet) any {
			return &devnetFlags{
				listen: fs.String("listen", "127.0.0.1:8545", "HOST:PORT for JSON-RPC over HTTP"),
				fund:   fs.String("fund", "", "comma-separated addresses (e.g. your node's, from 'gaianet info') to fund with ETH, tUSD and GAIA"),
				notice: fs.Duration("notice", time.Minute, "the escrow's withdrawal notice period"),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			if len(args) > 0 {
				return usagef("chain devnet takes flags only")
			}
			f := env.flags.(*devnetFlags)
			var fund []common.Address
			for _, a := range strings.Split(*f.fund, ",") {
				if a = strings.TrimSpace(a); a == "" {
					continue
				}
				if !common.IsHexAddress(a) {
					return usagef("--fund: %q is not an address", a)
				}
				fund = append(fund, common.HexToAddress(a))
			}
			fmt.Fprintln(env.stderr, "starting the devnet and deploying the contracts...")
			if *f.notice < time.Second {
				return usagef("--notice must be at least 1s")
			}
			d, err := chain.StartDevnetWith(ctx, *f.listen, func(c *chain.DeployConfig) { c.NoticePeriod = *f.notice }, fund...)
			if err != nil {
				return err
			}
			defer d.Close()
			out := struct {
				RPC     string `json:"rpc"`
				ChainID uint64 `json:"chain_id"`
				chain.Addresses
				Accounts []devnetAccount `json:"accounts"`
			}{RPC: d.RPC, ChainID: d.ChainID.Uint64(), Addresses: d.Addresses}
			for i := range chain.DevnetAccounts {
				k := chain.DevnetKey(i)
				out.Accounts = append(out.Accounts, devnetAccount{crypto.PubkeyToAddress(k.PublicKey), hexutil.Encode(crypto.FromECDSA(k))})
			}
			b, err := json.Marshal(out)
			if err != nil {
				return err
			}
			fmt.Fprintln(env.stdout, string(b))
			<-ctx.Done()
			return nil
		}}
}

type chainDeployFlags struct {
	rpc, key, passwordFile, signer, stablecoin *string
}

func chainDeployCommand() *command {
	return &command{name: "deploy", summary: "deploy the contracts to a chain",
		usage: "--rpc URL --key KEYSTORE [--signer ADDRESS] [--stablecoin test|ADDRESS]",
		help: "Deploys the stablecoin (--stablecoin), GAIA (the whole supply to the deployer), timelock\n" +
			"and governor (the deployer's timelock admin role is renounced: the DAO owns\n" +
			"every rule), price feed, staking, marketplace and one escrow, operated by the\n" +
			"deployer. KEYSTORE is a node's base folder (nodeid.json and its keystore) or a\n" +
			"v3 keystore file; its password comes from nodeid.json or, as for 'start',\n" +
			"--keystore-password-file, GAIANET_KEYSTORE_PASSWORD_FILE or\n" +
			"GAIANET_KEYSTORE_PASSWORD. Prints the addresses as JSON.",
		flags: func(fs *flag.FlagSet) any {
			return &chainDeployFlags{
				rpc:          fs.String("rpc", "", "the chain's JSON-RPC URL (required)"),
				key:          fs.String("key", "", "node base folder or keystore file of the deployer (required)"),
				passwordFile: fs.String("keystore-password-file", "", "read the keystore password from FILE"),
				signer:       fs.String("signer", "", "address that signs settlements (default: the deployer)"),
				stablecoin: fs.String("stablecoin", "test", "the escrow's stablecoin: an ERC-20's address on the chain, or\n"+
					"'test' to deploy a test one (tUSD, 6 decimals, mintable by the deployer)"),
			}
		},
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*chainDeployFlags)
			if len(args) > 0 || *f.rpc == "" || *f.key == "" {
				return usagef("chain deploy needs --rpc URL and --key KEYSTORE")
			}
			client, err := ethclient.DialContext(ctx, *f.rpc)
			if err != nil {
				return fmt.Errorf("chain: %s: %w", *f.rpc, err)
			}
			defer client.Close()
			tr, err := transactorFromKey(ctx, env, client, *f.key, *f.passwordFile)
			if err != nil {
				return err
			}
			head, err := client.HeaderByNumber(ctx, nil)
			if err != nil {
				return fmt.Errorf("chain: %s: %w", *f.rpc, err)
			}
			cfg := chain.DefaultDeployConfig(tr.Address(), time.Unix(int64(head.Time), 0))
			if *f.signer != "" {
				if !common.IsHexAddress(*f.signer) {
					return usagef("--signer %q is not an address", *f.signer)
				}
				cfg.Signer = common.HexToAddress(*f.signer)
			}
			switch {
			case *f.stablecoin == "test":
			case common.IsHexAddress(*f.stablecoin):
				cfg.Stablecoin = common.HexToAddress(*f.stablecoin)
			default:
				return usagef("--stablecoin: want test or an address, got %q", *f.stablecoin)
			}
			fmt.Fprintf(env.stderr, "deploying from %s...\n", tr.Address())
			a, err := chain.Deploy(tr, cfg)
			if err != nil {
				return chain.Explain(err)
			}
			b, _ := json.Marshal(a)
			fmt.Fprintln(env.stdout, string(b))
			return nil
		}}
}

// transactorFromKey opens a node's identity (a folder) or a v3 keystore file.
func transactorFromKey(ctx context.Context, env *cmdEnv, b chain.Backend, key, passwordFile string) (*chain.Transactor, error) {
	from, signer, err := signerFromKey(env, key, passwordFile)
	if err != nil {
		return nil, err
	}
	return chain.NewSignerTransactor(ctx, b, from, signer, nil)
}

// signerFromKey opens a node's identity (a folder: nodeid.json and its
// keystore) or a v3 keystore file, and returns its address and signer. A
// keystore file readable by other users is refused.
func signerFromKey(env *cmdEnv, key, passwordFile string) (common.Address, chain.DigestSigner, error) {
	pw, _, err := keystorePassword(passwordFile, os.Getenv, func(msg string) { fmt.Fprintln(env.stderr, "warning:", msg) })
	if err != nil {
		return common.Address{}, nil, err
	}
	st, err := os.Stat(key)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("key: %w", err)
	}
	if st.IsDir() {
		id, err := identity.LoadWith(key, identity.Options{Password: pw})
		if err != nil {
			return common.Address{}, nil, err
		}
		if err := id.Unlock(); err != nil {
			return common.Address{}, nil, err
		}
		return common.HexToAddress(id.Address()), id, nil
	}
	if st.Mode().Perm()&0o077 != 0 && filePermsMeaningful {
		return common.Address{}, nil, fmt.Errorf("key %s is readable by other users (mode %v): chmod 600 it", key, st.Mode().Perm())
	}
	data, err := os.ReadFile(key)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("key: %w", err)
	}
	if pw == "" {
		return common.Address{}, nil, errors.New("key: a keystore file needs a password (--keystore-password-file or GAIANET_KEYSTORE_PASSWORD)")
	}
	k, err := keystore.DecryptKey(data, pw)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("key %s: %w", key, err)
	}
	return k.Address, chain.KeySigner{Key: k.PrivateKey}, nil
}

type walletFlags struct {
	rpc, escrow, base, passwordFile, asset *string
}

func walletFlagSet(fs *flag.FlagSet) *walletFlags {
	return &walletFlags{
		rpc:          fs.String("rpc", "http://127.0.0.1:8545", "the chain's JSON-RPC URL"),
		escrow:       fs.String("escrow", "", "the domain's escrow contract address (required)"),
		base:         baseFlag(fs),
		passwordFile: fs.String("keystore-password-file", "", "read the keystore password from FILE"),
		asset:        fs.String("asset", "usd", "usd (the stablecoin) or gaia (the token)"),
	}
}

func walletCommand() *command {
	wallet := func(name, summary, usage, help string, run func(ctx context.Context, env *cmdEnv, w *chain.Wallet, asset common.Address, args []string) error) *command {
		return &command{name: name, summary: summary, usage: usage, help: help,
			flags: func(fs *flag.FlagSet) any { return walletFlagSet(fs) },
			run: func(ctx context.Context, env *cmdEnv, args []string) error {
				f := env.flags.(*walletFlags)
				if !common.IsHexAddress(*f.escrow) {
					return usagef("--escrow ADDRESS is required")
				}
				client, err := ethclient.DialContext(ctx, *f.rpc)
				if err != nil {
					return fmt.Errorf("wallet: %s: %w", *f.rpc, err)
				}
				defer client.Close()
				tr, err := transactorFromKey(ctx, env, client, *f.base, *f.passwordFile)
				if err != nil {
					return err
				}
				w, err := chain.OpenWallet(ctx, tr, common.HexToAddress(*f.escrow))
				if err != nil {
					return err
				}
				asset, err := w.Asset(*f.asset)
				if err != nil {
					return usagef("--asset: %v", err)
				}
				return run(ctx, env, w, asset, args)
			}}
	}
	amountArg := func(ctx context.Context, w *chain.Wallet, asset common.Address, args []string) (*big.Int, error) {
		if len(args) != 1 {
			return nil, usagef("give one AMOUNT, e.g. 12.5")
		}
		b, err := w.Balance(ctx, asset)
		if err != nil {
			return nil, err
		}
		v, err := chain.ParseAmount(args[0], b.Decimals)
		if err != nil {
			return nil, usagef("%v", err)
		}
		if v.Sign() == 0 {
			return nil, usagef("AMOUNT must be more than 0")
		}
		return v, nil
	}
	return &command{name: "wallet", summary: "the node key's account on a domain's escrow: balance, deposit, withdraw",
		help: "Acts with the node's key (--base: nodeid.json and keystore) on a domain's escrow\n" +
			"(--escrow, on the chain at --rpc). A deposit can only be spent on that domain's\n" +
			"services; a withdrawal is requested, then taken after the escrow's notice period.",
		children: []*command{
			walletBindCommand(),
			walletRebindCommand(),
			walletUnbindCommand(),
			wallet("balance", "show the account's balance in the wallet and in the escrow", "--escrow ADDRESS [--asset usd|gaia]", "",
				func(ctx context.Context, env *cmdEnv, w *chain.Wallet, asset common.Address, args []string) error {
					b, err := w.Balance(ctx, asset)
					if err != nil {
						return err
					}
					fmt.Fprintf(env.stdout, "account   %s\nwallet    %s %s\nescrow    %s %s\n", w.T.Address(),
						chain.FormatAmount(b.Wallet, b.Decimals), b.Symbol, chain.FormatAmount(b.Escrow, b.Decimals), b.Symbol)
					if b.ReadyAt != 0 {
						fmt.Fprintf(env.stdout, "withdraw  %s %s requested, ready at %s\n", chain.FormatAmount(b.Withdrawing, b.Decimals),
							b.Symbol, time.Unix(int64(b.ReadyAt), 0).UTC().Format(time.RFC3339))
					}
					return nil
				}),
			wallet("deposit", "deposit AMOUNT into the escrow", "--escrow ADDRESS [--asset usd|gaia] AMOUNT", "",
				func(ctx context.Context, env *cmdEnv, w *chain.Wallet, asset common.Address, args []string) error {
					v, err := amountArg(ctx, w, asset, args)
					if err != nil {
						return err
					}
					if err := w.Deposit(asset, v); err != nil {
						return err
					}
					fmt.Fprintf(env.stdout, "deposited %s\n", args[0])
					return nil
				}),
			wallet("withdraw", "request a withdrawal of AMOUNT, or take it once the notice is over",
				"--escrow ADDRESS [--asset usd|gaia] [AMOUNT]",
				"With AMOUNT, starts the notice period for it. Without, takes the requested\n"+
					"amount (or what is left, if settlements spent some) once the notice is over.",
				func(ctx context.Context, env *cmdEnv, w *chain.Wallet, asset common.Address, args []string) error {
					if len(args) == 0 {
						if err := w.Withdraw(asset); err != nil {
							return err
						}
						fmt.Fprintln(env.stdout, "withdrawn")
						return nil
					}
					v, err := amountArg(ctx, w, asset, args)
					if err != nil {
						return err
					}
					if err := w.RequestWithdrawal(asset, v); err != nil {
						return err
					}
					b, err := w.Balance(ctx, asset)
					if err != nil {
						return err
					}
					fmt.Fprintf(env.stdout, "withdrawal of %s requested; run 'gaianet wallet withdraw' after %s\n", args[0],
						time.Unix(int64(b.ReadyAt), 0).UTC().Format(time.RFC3339))
					return nil
				}),
		}}
}

var _ chain.DigestSigner = (*identity.Identity)(nil)
