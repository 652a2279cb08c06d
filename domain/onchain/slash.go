package onchain

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/chain/contracts"
	"github.com/gaianet-go/gaianet/domain/store"
)

// EvidenceHash is the hash a slashing proposal cites for one replay
// evidence record: keccak256 over the record's signed facts (the node's
// statement and the witness's), one per line. Anyone holding the record
// (GET /_domain/admin/evidence, 'gaianet domain evidence --json') can
// recompute it; the signatures in it are checked with attest.VerifyAnswer.
func EvidenceHash(e store.Evidence) common.Hash {
	return crypto.Keccak256Hash([]byte(strings.Join([]string{
		"gaianet-evidence-v1", e.Node, e.Verdict, e.RequestID, e.Model, e.RequestSHA256, strconv.FormatUint(e.Seed, 10),
		e.OutputSHA256, e.Signature, e.Witness, e.WitnessOutputSHA256, e.WitnessSignature,
	}, "\n")))
}

// SlashProposal is the DAO proposal that slashes bps of operator's staking
// pool to recipient, citing evs (a domain's counting evidence records):
// the evidence hash is keccak256 of their EvidenceHashes in order, and the
// description lists each record's hash for the voters.
func SlashProposal(staking, operator, recipient common.Address, bps uint16, evs []store.Evidence) (chain.Proposal, error) {
	if len(evs) == 0 {
		return chain.Proposal{}, errors.New("onchain: a slash needs evidence")
	}
	var all []byte
	var lines []string
	for _, e := range evs {
		if !store.Counts(e.Verdict) {
			return chain.Proposal{}, fmt.Errorf("onchain: evidence %d is %q, which does not count against a node", e.Seq, e.Verdict)
		}
		h := EvidenceHash(e)
		all = append(all, h[:]...)
		lines = append(lines, fmt.Sprintf("- record %d against node %s (%s, request %s): %s", e.Seq, e.Node, e.Verdict, e.RequestID, h.Hex()))
	}
	evidence := crypto.Keccak256Hash(all)
	parsed, err := contracts.StakingMetaData.GetAbi()
	if err != nil {
		return chain.Proposal{}, err
	}
	call, err := parsed.Pack("slash", operator, bps, evidence, recipient)
	if err != nil {
		return chain.Proposal{}, fmt.Errorf("onchain: slash call: %w", err)
	}
	desc := fmt.Sprintf("Slash operator %s by %d.%02d%% for %d verifiable-inference evidence records (hash %s):\n%s",
		operator.Hex(), bps/100, bps%100, len(evs), evidence.Hex(), strings.Join(lines, "\n"))
	return chain.Proposal{Targets: []common.Address{staking}, Values: []*big.Int{new(big.Int)}, Calldatas: [][]byte{call}, Description: desc}, nil
}
