//go:build !nodevnet

package onchain

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// TestSlashOnDevnet: on the in-process devnet (go-ethereum dev mode, a real
// EVM over JSON-RPC), a staked operator is slashed by a governance
// proposal citing the domain's replay evidence records: nobody can slash
// directly, the proposal passes, waits out the timelock and slashes; the
// Slashed event carries the evidence hash recomputed from the records.
func TestSlashOnDevnet(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a go-ethereum node")
	}
	ctx := context.Background()
	d, err := chain.StartDevnet(ctx, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	client := d.Client()
	admin := chain.DevnetKey(0)
	operator := crypto.PubkeyToAddress(chain.DevnetKey(3).PublicKey)
	as := func(k int) *chain.Transactor {
		tr, err := chain.NewTransactor(ctx, client, chain.DevnetKey(k), nil)
		if err != nil {
			t.Fatal(err)
		}
		tr.MaxWait = chain.DevnetMaxWait // a transaction never sealed fails readably (it hung once)
		return tr
	}
	token, _ := contracts.NewGaiaToken(d.Addresses.Token, chain.WithGasMargin(client))
	staking, _ := contracts.NewStaking(d.Addresses.Staking, chain.WithGasMargin(client))
	governor, _ := contracts.NewGaiaGovernor(d.Addresses.Governor, chain.WithGasMargin(client))
	gaia := func(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

	st2 := as(2)
	if _, err := st2.Wait(token.Approve(st2.Opts, d.Addresses.Staking, gaia(1000))); err != nil {
		t.Fatal(chain.Explain(err))
	}
	if _, err := st2.Wait(staking.Stake(st2.Opts, operator, gaia(1000))); err != nil {
		t.Fatal(chain.Explain(err))
	}

	// The domain's evidence against a node of this operator.
	st := storetest.Open(t, "")
	for i, verdict := range []string{store.VerdictMismatch, store.VerdictMisreported} {
		if _, err := st.AddEvidence(ctx, store.Evidence{Node: "0x00000000000000000000000000000000000000aa", Verdict: verdict,
			RequestID: "req-" + verdict, Model: "m", RequestSHA256: "aa", Seed: uint64(i), OutputSHA256: "bb", Signature: "0xsig",
			Witness: "0x00000000000000000000000000000000000000bb", WitnessOutputSHA256: "cc", WitnessSignature: "0xwsig"}); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := st.EvidenceList(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	treasury := d.Addresses.Timelock
	p, err := SlashProposal(d.Addresses.Staking, operator, treasury, 2500, evs)
	if err != nil {
		t.Fatal(err)
	}
	evidence := crypto.Keccak256Hash(append(EvidenceHash(evs[0]).Bytes(), EvidenceHash(evs[1]).Bytes()...))

	// Nobody slashes directly: not the deployer (all the votes), not the operator.
	tr := as(0)
	if _, err := tr.Wait(staking.Slash(tr.Opts, operator, 2500, evidence, treasury)); err == nil {
		t.Fatal("the deployer slashed without a proposal")
	}
	if _, err := tr.Wait(token.Delegate(tr.Opts, crypto.PubkeyToAddress(admin.PublicKey))); err != nil {
		t.Fatal(chain.Explain(err))
	}
	// Blocks are moved on by transactions, which dev mode seals one block
	// each: sealing directly (d.Commit) while dev mode seals a transaction
	// was seen to leave the next transaction unmined.
	filler := as(4)
	gov := &chain.Governance{Governor: governor, Blocks: func(n int) {
		for range n {
			if _, err := filler.Wait(token.Approve(filler.Opts, treasury, big.NewInt(1))); err != nil {
				t.Fatal(chain.Explain(err))
			}
		}
	}}
	id, err := gov.Propose(tr, p)
	if err != nil {
		t.Fatal(chain.Explain(err))
	}
	if err := gov.VoteFor(tr, id); err != nil {
		t.Fatal(chain.Explain(err))
	}
	if err := gov.Queue(tr, p, id); err != nil {
		t.Fatal(chain.Explain(err))
	}
	if err := gov.Execute(tr, p); err == nil {
		t.Fatal("executed before the timelock delay")
	}
	if err := d.AdjustTime(d.Config.TimelockDelay + time.Second); err != nil {
		t.Fatal(err)
	}
	if err := gov.Execute(tr, p); err != nil {
		t.Fatal(chain.Explain(err))
	}
	pool, err := staking.Pools(&bind.CallOpts{}, operator)
	if err != nil {
		t.Fatal(err)
	}
	if pool.Tokens.Cmp(gaia(750)) != 0 {
		t.Fatalf("pool after a 25%% slash: %s, want 750 GAIA", pool.Tokens)
	}
	it, err := staking.FilterSlashed(&bind.FilterOpts{}, []common.Address{operator})
	if err != nil {
		t.Fatal(err)
	}
	if !it.Next() || it.Event.Evidence != evidence {
		t.Fatal("no Slashed event with the records' evidence hash")
	}
}

func TestSlashProposalRefusesUnresolved(t *testing.T) {
	ev := store.Evidence{Seq: 1, Verdict: store.VerdictUnresolved}
	if _, err := SlashProposal(common.Address{1}, common.Address{2}, common.Address{3}, 100, []store.Evidence{ev}); err == nil {
		t.Fatal("an unresolved record was accepted as evidence")
	}
	if _, err := SlashProposal(common.Address{1}, common.Address{2}, common.Address{3}, 100, nil); err == nil {
		t.Fatal("a slash without evidence was accepted")
	}
}
