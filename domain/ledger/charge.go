package ledger

import (
	"errors"
	"fmt"
)

// Account names used by charges and deposits.
const (
	OperatorAccount = "operator"
	StakerAccount   = "stakers"
	DepositAccount  = "external:deposits"
)

// UserAccount names the prepaid account of user id.
func UserAccount(id string) string { return "user:" + id }

// NodeAccount names the earnings account of the node with Ethereum address
// addr (checksummed, as the node's identity reports it).
func NodeAccount(addr string) string { return "node:" + addr }

// Prices is what users pay: per million input (prompt) tokens, per million
// output (completion) tokens, and per request. The zero value is free.
type Prices struct {
	InputPerMillion  Micros `json:"input_per_million"`
	OutputPerMillion Micros `json:"output_per_million"`
	PerRequest       Micros `json:"per_request"`
}

// Validate checks that every price is within [0, MaxAmount].
func (p Prices) Validate() error {
	for _, v := range []Micros{p.InputPerMillion, p.OutputPerMillion, p.PerRequest} {
		if v < 0 || v > MaxAmount {
			return fmt.Errorf("%w: price %s out of range", ErrAmount, v)
		}
	}
	return nil
}

// BasisPoints is a share in hundredths of a percent: 10000 is everything.
const BasisPoints = 10_000

// Split divides each charge between the domain operator, the node that
// served the request, and the stakers, in basis points summing to 10000.
type Split struct {
	OperatorBPS int64 `json:"operator_bps"`
	NodeBPS     int64 `json:"node_bps"`
	StakerBPS   int64 `json:"staker_bps"`
}

// DefaultSplit gives nodes 70%, the operator 20% and stakers 10%.
var DefaultSplit = Split{OperatorBPS: 2000, NodeBPS: 7000, StakerBPS: 1000}

// Validate checks that the shares are non-negative and sum to 10000.
func (s Split) Validate() error {
	if s.OperatorBPS < 0 || s.NodeBPS < 0 || s.StakerBPS < 0 {
		return errors.New("ledger: revenue split: shares must not be negative")
	}
	if sum := s.OperatorBPS + s.NodeBPS + s.StakerBPS; sum != BasisPoints {
		return fmt.Errorf("ledger: revenue split: shares sum to %d basis points, want %d", sum, BasisPoints)
	}
	return nil
}

// MaxTokens bounds the token counts a node may report for one request;
// more is treated as a lie, not billed.
const MaxTokens = 100_000_000

// Usage is what a node reported for one request.
type Usage struct {
	InputTokens  int64 `json:"input_tokens"`
	OutputTokens int64 `json:"output_tokens"`
}

// Cost returns what usage costs at p: the per-request price plus the token
// prices, rounded up to the next micro-dollar. Token counts outside
// [0, MaxTokens] are an error.
func (p Prices) Cost(u Usage) (Micros, error) {
	if u.InputTokens < 0 || u.OutputTokens < 0 || u.InputTokens > MaxTokens || u.OutputTokens > MaxTokens {
		return 0, fmt.Errorf("ledger: usage out of range: %d input, %d output tokens", u.InputTokens, u.OutputTokens)
	}
	if err := p.Validate(); err != nil {
		return 0, err
	}
	// Each product is below 1e8 * 1e15 = 1e23: too big for int64 when
	// prices are at MaxAmount, so split whole millions from the remainder.
	tok := mulPerMillion(u.InputTokens, p.InputPerMillion).add(mulPerMillion(u.OutputTokens, p.OutputPerMillion))
	cost := p.PerRequest + Micros(tok.whole)
	if tok.rem > 0 {
		cost++
	}
	return cost, nil
}

// perMillion is whole micro-dollars plus rem millionths of a micro-dollar.
type perMillion struct{ whole, rem int64 }

func (a perMillion) add(b perMillion) perMillion {
	r := perMillion{a.whole + b.whole, a.rem + b.rem}
	r.whole += r.rem / 1_000_000
	r.rem %= 1_000_000
	return r
}

// mulPerMillion returns n*price/1e6 micro-dollars as whole micro-dollars
// plus a remainder in millionths of a micro-dollar, without overflow for
// n <= MaxTokens and price <= MaxAmount.
func mulPerMillion(n int64, price Micros) perMillion {
	q, r := int64(price)/1_000_000, int64(price)%1_000_000 // price = q*1e6 + r
	// n*price/1e6 = n*q + n*r/1e6
	nr := n * r // <= 1e8 * 1e6
	return perMillion{whole: n*q + nr/1_000_000, rem: nr % 1_000_000}
}

// Leg is one transfer of a charge: Amount moves from the charge's user
// account to Account.
type Leg struct {
	Account string `json:"account"`
	Amount  Micros `json:"amount"`
}

// Charge is one request's bill: Amount debited from User's account and
// credited to the legs, which sum to Amount exactly. RequestID makes
// posting it idempotent.
type Charge struct {
	RequestID string `json:"request_id"`
	User      string `json:"user"`
	Node      string `json:"node"`
	Model     string `json:"model"`
	Usage     Usage  `json:"usage"`
	Amount    Micros `json:"amount"`
	Legs      []Leg  `json:"legs"`
	// ComponentSet names the components (content hashes of models,
	// knowledge base, plugins) Node was verified to serve when it answered:
	// an id the store keeps the set under (store.ComponentSetID), so a
	// settlement shares royalties by what served each request. 0 means
	// unknown (charges made before it was recorded).
	ComponentSet int64 `json:"component_set,omitempty"`
}

// NewCharge prices usage and splits it: the node's and stakers' shares are
// rounded down and the operator gets the remainder, so the legs always sum
// to the amount. Zero legs are left out.
func NewCharge(requestID, user, nodeAddr, model string, u Usage, p Prices, s Split) (Charge, error) {
	if requestID == "" || user == "" || nodeAddr == "" {
		return Charge{}, errors.New("ledger: a charge needs a request id, a user and a node")
	}
	if err := s.Validate(); err != nil {
		return Charge{}, err
	}
	amount, err := p.Cost(u)
	if err != nil {
		return Charge{}, err
	}
	nodeShare := amount * Micros(s.NodeBPS) / BasisPoints
	stakerShare := amount * Micros(s.StakerBPS) / BasisPoints
	c := Charge{RequestID: requestID, User: user, Node: nodeAddr, Model: model, Usage: u, Amount: amount}
	for _, l := range []Leg{
		{NodeAccount(nodeAddr), nodeShare},
		{StakerAccount, stakerShare},
		{OperatorAccount, amount - nodeShare - stakerShare},
	} {
		if l.Amount != 0 {
			c.Legs = append(c.Legs, l)
		}
	}
	return c, nil
}
