package chain

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// BenchmarkSettlementGas measures the gas of one settlement batch by the
// number of users charged (1, 10, 50, 100), without and with royalties:
// each batch pays two nodes and shares revenue with stakers (the operator
// has stake); "royalty=yes" also reports the usage of two listed
// components (a model and a knowledge base, owned by two creators), so the
// escrow pays the marketplace their share. Gas is deterministic; the
// metrics are gas/batch and gas/charge (ns/op is the simulated chain's
// speed and means little). "gaia" is the 100-charge batch with royalties in
// GAIA (signed in dollars, converted at the feed's price). Run:
//
//	go test ./chain -run '^$' -bench SettlementGas -benchtime 5x
func BenchmarkSettlementGas(b *testing.B) {
	for _, royalty := range []bool{false, true} {
		for _, n := range []int{1, 10, 50, 100} {
			b.Run(fmt.Sprintf("charges=%d/royalty=%v", n, map[bool]string{false: "no", true: "yes"}[royalty]), func(b *testing.B) {
				benchSettlement(b, n, royalty, false)
			})
		}
	}
	// A GAIA batch: signed in dollars, charged at the feed's price.
	b.Run("charges=100/royalty=yes/gaia", func(b *testing.B) { benchSettlement(b, 100, true, true) })
}

func benchSettlement(b *testing.B, n int, royalty, inGaia bool) {
	e := newEnv(b, nil)
	op := addr(e.admin)
	e.ok(e.token.Approve(e.opts(e.stakers[0]), e.a.Staking, gaia(1)))
	e.ok(e.staking.Stake(e.opts(e.stakers[0]), op, gaia(1)))
	e.ok(e.market.List(e.opts(e.nodes[2]), [32]byte{1}, 0, "ipfs://m", e.a.Stablecoin, usd(1), big.NewInt(0)))
	e.ok(e.market.List(e.opts(e.users[2]), [32]byte{2}, 1, "ipfs://kb", e.a.Stablecoin, usd(1), big.NewInt(0)))
	users := make([]common.Address, n)
	e.ok(e.stable.Mint(e.opts(e.admin), op, usd(1_000_000_000)))
	e.ok(e.stable.Approve(e.opts(e.admin), e.a.Escrow, usd(1_000_000_000)))
	asset := e.a.Stablecoin
	if inGaia {
		asset = e.a.Token
		e.ok(e.token.Approve(e.opts(e.admin), e.a.Escrow, gaia(1_000_000)))
	}
	for i := range users {
		users[i] = common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprint("user", i))))
		e.ok(e.escrow.DepositFor(e.opts(e.admin), users[i], e.a.Stablecoin, usd(1_000_000)))
		if inGaia {
			e.ok(e.escrow.DepositFor(e.opts(e.admin), users[i], e.a.Token, gaia(1_000)))
		}
	}
	var gas uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		total := int64(n) * 1_000
		s := Settlement{Id: big.NewInt(int64(i + 1)), Asset: asset, Deadline: new(big.Int).SetUint64(e.now() + 3600),
			Payouts: []contracts.EscrowPayout{{To: addr(e.nodes[0]), Amount: big.NewInt(total * 3 / 10)}, {To: addr(e.nodes[1]), Amount: big.NewInt(total * 3 / 10)}},
			Usage:   []contracts.EscrowUsage{}}
		if royalty {
			s.Usage = []contracts.EscrowUsage{{Component: big.NewInt(1), Units: big.NewInt(total / 2)}, {Component: big.NewInt(2), Units: big.NewInt(total / 2)}}
		}
		for _, u := range users {
			s.Charges = append(s.Charges, contracts.EscrowCharge{User: u, Amount: big.NewInt(1_000)})
		}
		r := e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
		gas += r.GasUsed
	}
	b.ReportMetric(float64(gas)/float64(b.N), "gas/batch")
	b.ReportMetric(float64(gas)/float64(b.N)/float64(n), "gas/charge")
}
