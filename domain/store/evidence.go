package store

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// Verdicts of replay evidence.
const (
	// VerdictMismatch: the node's output differed from two other nodes'
	// that agreed, for the same request and seed.
	VerdictMismatch = "mismatch"
	// VerdictMisreported: the node's signed statement does not match the
	// answer it delivered (output, request or seed).
	VerdictMisreported = "misreported"
	// VerdictUnsigned: the node's answer carried no valid signature.
	VerdictUnsigned = "unsigned"
	// VerdictUnresolved: two nodes differed and no third could decide;
	// recorded, but it does not count against the node.
	VerdictUnresolved = "unresolved"
	// VerdictIrreproducible: asked to answer the same request with the
	// same seed again, the node gave another output than the one it
	// signed (an honest node's batch-invariant engine repeats itself).
	VerdictIrreproducible = "irreproducible"
	// VerdictDisputed: two nodes differed, no third could decide, and each
	// repeated its own answer: a dispute for the operator (for example two
	// builds of one model), which does not count against either node.
	VerdictDisputed = "disputed"
)

// Counts reports whether a verdict lowers a node's standing.
func Counts(verdict string) bool { return verdict != VerdictUnresolved && verdict != VerdictDisputed }

// Evidence is one replay's finding against a node: its signed statement
// (request hash, seed, output hash and the EIP-191 signature, verifiable
// with attest.VerifyAnswer) and the witness node's.
type Evidence struct {
	Seq                 int64     `json:"seq"`
	Node                string    `json:"node"`
	Verdict             string    `json:"verdict"`
	RequestID           string    `json:"request_id"`
	Model               string    `json:"model"`
	RequestSHA256       string    `json:"request_sha256"`
	Seed                uint64    `json:"seed"`
	OutputSHA256        string    `json:"output_sha256"`
	Signature           string    `json:"signature"`
	Witness             string    `json:"witness"`
	WitnessOutputSHA256 string    `json:"witness_output_sha256"`
	WitnessSignature    string    `json:"witness_signature"`
	Created             time.Time `json:"created"`
}

// AddEvidence records e (Seq and Created are set by the store) and
// returns how many counting pieces of evidence the node now has.
func (s *Store) AddEvidence(ctx context.Context, e Evidence) (int, error) {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO evidence (node, verdict, request_id, model, request_sha256, seed,
		output_sha256, signature, witness, witness_output_sha256, witness_signature, created_ms)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		e.Node, e.Verdict, e.RequestID, e.Model, e.RequestSHA256, strconv.FormatUint(e.Seed, 10),
		e.OutputSHA256, e.Signature, e.Witness, e.WitnessOutputSHA256, e.WitnessSignature, s.ms())
	if err != nil {
		return 0, fmt.Errorf("store: add evidence against %s: %w", e.Node, err)
	}
	return s.Strikes(ctx, e.Node)
}

// Strikes counts the evidence against node that lowers its standing.
func (s *Store) Strikes(ctx context.Context, node string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM evidence WHERE node = ? AND verdict NOT IN (?, ?)`), node, VerdictUnresolved, VerdictDisputed).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: evidence count of %s: %w", node, err)
	}
	return n, nil
}

// EvidenceList returns the evidence against node ("" for every node),
// oldest first.
func (s *Store) EvidenceList(ctx context.Context, node string) ([]Evidence, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT seq, node, verdict, request_id, model, request_sha256, seed, output_sha256,
		signature, witness, witness_output_sha256, witness_signature, created_ms FROM evidence
		WHERE ? = '' OR node = ? ORDER BY seq`), node, node)
	if err != nil {
		return nil, fmt.Errorf("store: evidence: %w", err)
	}
	defer rows.Close()
	out := []Evidence{}
	for rows.Next() {
		var e Evidence
		var seed string
		var created int64
		if err := rows.Scan(&e.Seq, &e.Node, &e.Verdict, &e.RequestID, &e.Model, &e.RequestSHA256, &seed, &e.OutputSHA256,
			&e.Signature, &e.Witness, &e.WitnessOutputSHA256, &e.WitnessSignature, &created); err != nil {
			return nil, fmt.Errorf("store: evidence: %w", err)
		}
		if e.Seed, err = strconv.ParseUint(seed, 10, 64); err != nil {
			return nil, fmt.Errorf("store: evidence %d: seed %q: %w", e.Seq, seed, err)
		}
		e.Created = time.UnixMilli(created).UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}
