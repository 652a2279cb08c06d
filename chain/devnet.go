//go:build !nodevnet

package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// DevnetMaxWait bounds each wait for a devnet transaction (the deployment's
// and, by convention, tests'): dev mode seals a transaction within
// milliseconds, so one unmined after this is lost, and the caller fails
// with chain.ErrNotMined naming it rather than waiting on.
const DevnetMaxWait = 30 * time.Second

// Devnet is a go-ethereum node in dev mode running in this process: an
// in-memory chain that seals a block as soon as a transaction arrives, with
// JSON-RPC over HTTP, the contracts deployed and test accounts funded.
type Devnet struct {
	// RPC is the HTTP JSON-RPC endpoint, e.g. http://127.0.0.1:8545.
	RPC       string
	ChainID   *big.Int
	Addresses Addresses
	Config    DeployConfig

	stack  *node.Node
	beacon *catalyst.SimulatedBeacon
	client *ethclient.Client
	// stop ends the sealer watchdog (watch), which closes watched.
	stop, watched chan struct{}
	// Wakeups counts the times the watchdog woke the sealer.
	Wakeups atomic.Int64
}

// StartDevnet starts a dev-mode node listening for JSON-RPC on listen
// (HOST:PORT; port 0 picks a free one) and deploys the contracts as
// DevnetKey(0). The test accounts and the addresses in fund (a node's, say)
// get ETH, tUSD and GAIA. Close stops it; the chain is lost.
func StartDevnet(ctx context.Context, listen string, fund ...common.Address) (*Devnet, error) {
	return StartDevnetWith(ctx, listen, nil, fund...)
}

// StartDevnetWith is StartDevnet with the deployment's configuration
// adjusted by tune (nil: DevnetConfig as is), e.g. a shorter notice period.
func StartDevnetWith(ctx context.Context, listen string, tune func(*DeployConfig), fund ...common.Address) (*Devnet, error) {
	host, portStr, err := net.SplitHostPort(listen)
	if err != nil {
		return nil, fmt.Errorf("chain: devnet listen address %q: %w", listen, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("chain: devnet listen port %q is not a port number", portStr)
	}
	stack, err := node.New(&node.Config{
		Name:             "gaianet-devnet",
		DataDir:          "", // in memory
		P2P:              p2p.Config{NoDiscovery: true, MaxPeers: 0, ListenAddr: ""},
		HTTPHost:         host,
		HTTPPort:         port,
		HTTPModules:      []string{"eth", "net", "web3", "dev"},
		HTTPVirtualHosts: []string{"localhost", "127.0.0.1", host},
		HTTPCors:         []string{"http://localhost", "http://127.0.0.1"},
	})
	if err != nil {
		return nil, fmt.Errorf("chain: devnet node: %w", err)
	}
	d := &Devnet{stack: stack}
	ok := false
	defer func() {
		if !ok {
			stack.Close()
		}
	}()

	admin := DevnetKey(0)
	faucet := crypto.PubkeyToAddress(admin.PublicKey)
	genesis := core.DeveloperGenesisBlock(60_000_000, &faucet)
	for i := 1; i < DevnetAccounts; i++ {
		fund = append(fund, crypto.PubkeyToAddress(DevnetKey(i).PublicKey))
	}
	for _, a := range fund {
		genesis.Alloc[a] = types.Account{Balance: new(big.Int).Mul(big.NewInt(10_000), big.NewInt(1e18))}
	}
	cfg := ethconfig.Defaults
	cfg.NetworkId = genesis.Config.ChainID.Uint64()
	cfg.SyncMode = ethconfig.FullSync
	cfg.Genesis = genesis
	cfg.Miner.PendingFeeRecipient = faucet
	backend, err := eth.New(stack, &cfg)
	if err != nil {
		return nil, fmt.Errorf("chain: devnet ethereum service: %w", err)
	}
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth",
		Service: filters.NewFilterAPI(filters.NewFilterSystem(backend.APIBackend, filters.Config{}))}})
	beacon, err := catalyst.NewSimulatedBeacon(0, faucet, backend)
	if err != nil {
		return nil, fmt.Errorf("chain: devnet beacon: %w", err)
	}
	catalyst.RegisterSimulatedBeaconAPIs(stack, beacon)
	stack.RegisterLifecycle(beacon)
	if err := stack.Start(); err != nil {
		return nil, fmt.Errorf("chain: devnet start: %w", err)
	}
	d.beacon = beacon
	d.RPC = stack.HTTPEndpoint()
	d.client = ethclient.NewClient(stack.Attach())
	d.ChainID = genesis.Config.ChainID
	d.stop, d.watched = make(chan struct{}), make(chan struct{})
	go d.watch(backend)

	tr, err := NewTransactor(ctx, d.client, admin, nil)
	if err != nil {
		return nil, err
	}
	tr.MaxWait = DevnetMaxWait
	head, err := d.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: devnet head: %w", err)
	}
	d.Config = DevnetConfig(faucet, time.Unix(int64(head.Time), 0))
	if tune != nil {
		tune(&d.Config)
	}
	d.Config.Stablecoin = common.Address{} // the devnet mints its test stablecoin
	if d.Addresses, err = Deploy(tr, d.Config); err != nil {
		return nil, err
	}
	if err := d.fund(tr, fund); err != nil {
		return nil, err
	}
	ok = true
	return d, nil
}

// fund gives each address 10,000 tUSD and 10,000 GAIA.
func (d *Devnet) fund(tr *Transactor, to []common.Address) error {
	stable, err := contracts.NewTestStablecoin(d.Addresses.Stablecoin, d.client)
	if err != nil {
		return err
	}
	token, err := contracts.NewGaiaToken(d.Addresses.Token, d.client)
	if err != nil {
		return err
	}
	for _, to := range to {
		if err := tr.do("fund tUSD")(stable.Mint(tr.Opts, to, big.NewInt(10_000_000_000))); err != nil {
			return err
		}
		if err := tr.do("fund GAIA")(token.Transfer(tr.Opts, to, new(big.Int).Mul(big.NewInt(10_000), big.NewInt(1e18)))); err != nil {
			return err
		}
	}
	return nil
}

// Client is an in-process client of the devnet; Close closes it.
func (d *Devnet) Client() *ethclient.Client { return d.client }

// Commit seals a block now (dev mode seals on each transaction by itself;
// governance counts blocks, and this moves them on). Call it only while no
// transaction is being sent: go-ethereum's dev mode seals from its own
// goroutine too, and a Commit racing it was seen to leave the next
// transaction unmined (TestSlashOnDevnet moves blocks with transactions).
func (d *Devnet) Commit() { d.beacon.Commit() }

// AdjustTime seals an empty block dt later than the last one, once the
// transaction pool has caught up with the chain (RetryWhilePoolBusy).
func (d *Devnet) AdjustTime(dt time.Duration) error {
	// Dev mode's sealer goroutine finishes its last seal (it syncs the
	// pool and looks for more) a moment after the block shows; sealing
	// from here meanwhile was seen to wedge it for good (TestDevnet, about
	// 1 run in 30 under load: the next transaction never sealed).
	time.Sleep(adjustSettle)
	return RetryWhilePoolBusy(context.Background(), func() error { return d.beacon.AdjustTime(dt) }, nil)
}

// adjustSettle is how long AdjustTime lets dev mode's sealer go idle.
const adjustSettle = 200 * time.Millisecond

// watch wakes dev mode's on-demand sealer when a transaction it could
// include has waited two checks a second apart without a new block. The
// sealer runs on go-ethereum's transaction events, and a transaction was
// seen to stay in the pool unsealed (1 run in 15 of TestDevnet under
// load, a withdrawal right after AdjustTime; a deployment's first
// transaction too: TestSlashOnDevnet hung 10 minutes once). It wakes it the way the dev API's addWithdrawal does
// (an empty withdrawal): the sealer then seals from its own goroutine, so
// the watchdog never seals concurrently with it.
func (d *Devnet) watch(backend *eth.Ethereum) {
	defer close(d.watched)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	var last uint64
	stuck := 0
	for index := uint64(1 << 40); ; {
		select {
		case <-d.stop:
			return
		case <-tick.C:
		}
		head := backend.BlockChain().CurrentBlock().Number.Uint64()
		if executable, _ := backend.TxPool().Stats(); executable == 0 || head != last {
			last, stuck = head, 0
			continue
		}
		if stuck++; stuck < 2 {
			continue
		}
		stuck = 0
		index++
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := d.client.Client().CallContext(ctx, nil, "dev_addWithdrawal", &types.Withdrawal{Index: index})
		cancel()
		if err == nil {
			d.Wakeups.Add(1)
		}
	}
}

// Close stops the node.
func (d *Devnet) Close() error {
	if d.stop != nil {
		close(d.stop)
		<-d.watched
		d.stop = nil
	}
	if d.client != nil {
		d.client.Close()
	}
	err := d.stack.Close()
	if errors.Is(err, node.ErrNodeStopped) {
		return nil
	}
	return err
}
