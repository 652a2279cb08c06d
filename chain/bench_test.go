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
// number of users charged: each batch pays two nodes, reports usage of one
// component, and shares revenue with stakers. Gas is deterministic; the
// metrics are gas/batch and gas/charge (ns/op is the simulated chain's speed
// and means little).
func BenchmarkSettlementGas(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		b.Run(fmt.Sprint("charges=", n), func(b *testing.B) {
			e := newEnv(b, nil)
			op := addr(e.admin)
			e.ok(e.token.Approve(e.opts(e.stakers[0]), e.a.Staking, gaia(1)))
			e.ok(e.staking.Stake(e.opts(e.stakers[0]), op, gaia(1)))
			e.ok(e.market.List(e.opts(e.nodes[2]), [32]byte{1}, 0, "ipfs://m", e.a.Stablecoin, usd(1), big.NewInt(0)))
			users := make([]common.Address, n)
			e.ok(e.stable.Mint(e.opts(e.admin), op, usd(1_000_000_000)))
			e.ok(e.stable.Approve(e.opts(e.admin), e.a.Escrow, usd(1_000_000_000)))
			for i := range users {
				users[i] = common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprint("user", i))))
				e.ok(e.escrow.DepositFor(e.opts(e.admin), users[i], e.a.Stablecoin, usd(1_000_000)))
			}
			var gas uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s := Settlement{Id: big.NewInt(int64(i + 1)), Asset: e.a.Stablecoin, Deadline: new(big.Int).SetUint64(e.now() + 3600),
					Payouts: []contracts.EscrowPayout{{To: addr(e.nodes[0]), Amount: big.NewInt(int64(n) * 300)}, {To: addr(e.nodes[1]), Amount: big.NewInt(int64(n) * 300)}},
					Usage:   []contracts.EscrowUsage{{Component: big.NewInt(1), Units: big.NewInt(5)}}}
				for _, u := range users {
					s.Charges = append(s.Charges, contracts.EscrowCharge{User: u, Amount: big.NewInt(1_000)})
				}
				r := e.ok(e.escrow.Settle(e.opts(e.admin), s, e.sign(s)))
				gas += r.GasUsed
			}
			b.ReportMetric(float64(gas)/float64(b.N), "gas/batch")
			b.ReportMetric(float64(gas)/float64(b.N)/float64(n), "gas/charge")
		})
	}
}
