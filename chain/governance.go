package chain

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain/contracts"
)

// Proposal is a DAO proposal: calls the timelock makes if it passes.
type Proposal struct {
	Targets     []common.Address
	Values      []*big.Int
	Calldatas   [][]byte
	Description string
}

// DescriptionHash is the hash the governor keys the proposal by.
func (p Proposal) DescriptionHash() [32]byte {
	return crypto.Keccak256Hash([]byte(p.Description))
}

// Governance walks a proposal through the governor: propose, vote, queue.
// Blocks advances the chain by n blocks (voting delay and period are counted
// in blocks); on a chain that mines by itself it may wait instead.
type Governance struct {
	Governor *contracts.GaiaGovernor
	Blocks   func(n int)
}

// Propose submits p and returns its id once the voting delay has passed.
func (g *Governance) Propose(t *Transactor, p Proposal) (*big.Int, error) {
	if _, err := t.Wait(g.Governor.Propose(t.Opts, p.Targets, p.Values, p.Calldatas, p.Description)); err != nil {
		return nil, fmt.Errorf("chain: propose: %w", err)
	}
	call := &bind.CallOpts{Context: t.Opts.Context}
	id, err := g.Governor.HashProposal(call, p.Targets, p.Values, p.Calldatas, p.DescriptionHash())
	if err != nil {
		return nil, fmt.Errorf("chain: proposal id: %w", err)
	}
	delay, err := g.Governor.VotingDelay(call)
	if err != nil {
		return nil, fmt.Errorf("chain: voting delay: %w", err)
	}
	g.Blocks(int(delay.Int64()) + 1)
	return id, nil
}

// VoteFor casts t's votes for proposal id and waits out the voting period.
func (g *Governance) VoteFor(t *Transactor, id *big.Int) error {
	if _, err := t.Wait(g.Governor.CastVote(t.Opts, id, 1)); err != nil {
		return fmt.Errorf("chain: vote: %w", err)
	}
	period, err := g.Governor.VotingPeriod(&bind.CallOpts{Context: t.Opts.Context})
	if err != nil {
		return fmt.Errorf("chain: voting period: %w", err)
	}
	g.Blocks(int(period.Int64()) + 1)
	return nil
}

// Queue puts a passed proposal in the timelock; it can run after the delay.
func (g *Governance) Queue(t *Transactor, p Proposal, id *big.Int) error {
	state, err := g.Governor.State(&bind.CallOpts{Context: t.Opts.Context}, id)
	if err != nil {
		return fmt.Errorf("chain: proposal state: %w", err)
	}
	const succeeded = 4 // IGovernor.ProposalState.Succeeded
	if state != succeeded {
		return fmt.Errorf("chain: proposal %s is in state %d, not succeeded", id, state)
	}
	if _, err := t.Wait(g.Governor.Queue(t.Opts, p.Targets, p.Values, p.Calldatas, p.DescriptionHash())); err != nil {
		return fmt.Errorf("chain: queue: %w", err)
	}
	return nil
}

// Execute runs a queued proposal whose timelock delay is over.
func (g *Governance) Execute(t *Transactor, p Proposal) error {
	if _, err := t.Wait(g.Governor.Execute(t.Opts, p.Targets, p.Values, p.Calldatas, p.DescriptionHash())); err != nil {
		return fmt.Errorf("chain: execute: %w", err)
	}
	return nil
}
