package onchain

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/gaianet-go/gaianet/chain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
)

// Binding routes, each behind the user's API key:
//
//	GET  /_domain/wallet            the user's bound wallet and the escrow to deposit into
//	POST /_domain/wallet/challenge  a binding to sign: nonce, expiry, EIP-712 domain
//	POST /_domain/wallet/bind       {"binding": ..., "signature": "0x..."}: binds the wallet
//	POST /_domain/wallet/rebind     the same, signed by the new wallet: moves the user to it
//	POST /_domain/wallet/unbind     {"binding": ..., "signature": "0x..."}, an Unbinding
//	                                signed by the bound wallet: ends the binding
//
// A rebinding or unbinding takes effect for requests made after it
// (earlier ones settle on the wallet bound when they were made), and is
// refused while the wallet it ends holds anything in the escrow worth a
// request (Options.MinRequest, in any asset): the user withdraws or
// spends it first, so no credit stays backed by a wallet the user no
// longer answers for. A smaller leftover does not block: it stays in the
// escrow, the old wallet's to withdraw, and the user's credit it backs (at
// most its value) is left behind with the wallet (store.LeftoverAccount),
// to come back if the wallet is bound to the user again.
const (
	WalletPath    = "/_domain/wallet"
	ChallengePath = WalletPath + "/challenge"
	BindPath      = WalletPath + "/bind"
	RebindPath    = WalletPath + "/rebind"
	UnbindPath    = WalletPath + "/unbind"
)

// bindingTTL is how long a binding challenge may be signed and used.
const bindingTTL = 5 * time.Minute

// noncePrefix marks binding nonces (kept apart from join nonces in the
// store, each kind with its own limits).
const noncePrefix = "bind-"

// Challenge is what POST /_domain/wallet/challenge returns: the binding to
// sign (Wallet left for the signer to fill) and its EIP-712 domain.
type Challenge struct {
	Binding chain.Binding  `json:"binding"`
	ChainID uint64         `json:"chain_id"`
	Escrow  common.Address `json:"escrow"`
}

// BindRequest is the body of POST /_domain/wallet/bind.
type BindRequest struct {
	Binding   chain.Binding `json:"binding"`
	Signature hexutil.Bytes `json:"signature"`
}

// WalletStatus is what GET /_domain/wallet returns.
type WalletStatus struct {
	User    string        `json:"user"`
	Wallet  string        `json:"wallet,omitempty"`
	Balance ledger.Micros `json:"balance"`
	// Blocked says why the user cannot spend (a reorganisation reversed
	// credit already spent); "" when nothing is wrong.
	Blocked string `json:"blocked,omitempty"`
	// Links is every binding the user had, oldest first.
	Links   []store.WalletLink `json:"links"`
	ChainID uint64             `json:"chain_id"`
	Escrow  common.Address     `json:"escrow"`
	Asset   common.Address     `json:"asset"`
}

// Handler serves the binding routes.
func (s *Service) Handler() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("GET "+WalletPath, s.route(s.status))
	m.HandleFunc("POST "+ChallengePath, s.route(s.challenge))
	m.HandleFunc("POST "+BindPath, s.route(s.bind))
	m.HandleFunc("POST "+RebindPath, s.route(s.rebind))
	m.HandleFunc("POST "+UnbindPath, s.route(s.unbind))
	return m
}

// httpError is an error with the status and OpenAI-style code it answers.
type httpError struct {
	status int
	code   string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func fail(status int, code, format string, args ...any) error {
	return &httpError{status, code, fmt.Sprintf(format, args...)}
}

// route authenticates the user's API key, runs h and writes its result or
// its error as JSON.
func (s *Service) route(h func(r *http.Request, u store.User) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := func() (any, error) {
			key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || strings.TrimSpace(key) == "" {
				return nil, fail(http.StatusUnauthorized, "missing_api_key", "send Authorization: Bearer KEY (the domain API key to bind)")
			}
			u, err := s.st.UserByKey(r.Context(), strings.TrimSpace(key))
			if errors.Is(err, store.ErrNotFound) {
				return nil, fail(http.StatusUnauthorized, "invalid_api_key", "the API key is not valid for this domain")
			}
			if err != nil {
				return nil, err
			}
			return h(r, u)
		}()
		w.Header().Set("Content-Type", "application/json")
		if err != nil {
			var he *httpError
			if !errors.As(err, &he) {
				s.log.Error("wallet route", "path", r.URL.Path, "err", err)
				he = &httpError{http.StatusInternalServerError, "server_error", "internal error"}
			}
			w.WriteHeader(he.status)
			json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": he.msg, "type": "invalid_request_error", "code": he.code}})
			return
		}
		json.NewEncoder(w).Encode(v)
	}
}

func (s *Service) status(r *http.Request, u store.User) (any, error) {
	st := WalletStatus{User: u.ID, ChainID: s.dom.ChainID.Uint64(), Escrow: s.addr, Asset: s.stable}
	w, err := s.st.WalletOf(r.Context(), u.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	st.Wallet = w
	if st.Balance, err = s.st.Balance(r.Context(), ledger.UserAccount(u.ID)); err != nil {
		return nil, err
	}
	if st.Blocked, err = s.st.UserFlag(r.Context(), u.ID); err != nil {
		return nil, err
	}
	if st.Links, err = s.st.WalletLinks(r.Context(), u.ID); err != nil {
		return nil, err
	}
	return st, nil
}

func (s *Service) challenge(r *http.Request, u store.User) (any, error) {
	b := make([]byte, 16)
	rand.Read(b)
	nonce := noncePrefix + hex.EncodeToString(b)
	exp := time.Now().Add(bindingTTL).Truncate(time.Second)
	if err := s.st.IssueBindingNonce(r.Context(), u.ID, nonce, exp); err != nil {
		if errors.Is(err, store.ErrTooManyBindingNonces) {
			return nil, fail(http.StatusServiceUnavailable, "too_many_challenges", "too many challenges are outstanding; retry in a minute")
		}
		return nil, err
	}
	return Challenge{Binding: chain.Binding{Domain: s.name, User: u.ID, Nonce: nonce, Expires: uint64(exp.Unix())},
		ChainID: s.dom.ChainID.Uint64(), Escrow: s.addr}, nil
}

func (s *Service) bind(r *http.Request, u store.User) (any, error) {
	b, err := s.verified(r, u, false)
	if err != nil {
		return nil, err
	}
	credited, err := s.st.BindWallet(r.Context(), u.ID, b.Wallet.Hex())
	if errors.Is(err, store.ErrBound) {
		return nil, fail(http.StatusConflict, "already_bound", "%v", err)
	}
	if err != nil {
		return nil, err
	}
	s.log.Info("wallet bound", "user", u.ID, "wallet", b.Wallet, "credited", credited)
	return map[string]any{"user": u.ID, "wallet": b.Wallet.Hex(), "credited": credited}, nil
}

func (s *Service) rebind(r *http.Request, u store.User) (any, error) {
	b, err := s.verified(r, u, false)
	if err != nil {
		return nil, err
	}
	old, err := s.st.WalletOf(r.Context(), u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fail(http.StatusConflict, "not_bound", "no wallet is bound to this API key: bind one (%s)", BindPath)
	}
	if err != nil {
		return nil, err
	}
	leftover, err := s.leftover(r.Context(), common.HexToAddress(old))
	if err != nil {
		return nil, err
	}
	credited, left, err := s.st.RebindWalletLeaving(r.Context(), u.ID, old, b.Wallet.Hex(), leftover)
	if errors.Is(err, store.ErrBound) || errors.Is(err, store.ErrNotFound) {
		return nil, fail(http.StatusConflict, "already_bound", "%v", err)
	}
	if err != nil {
		return nil, err
	}
	s.log.Info("wallet rebound", "user", u.ID, "from", old, "to", b.Wallet, "credited", credited, "left_behind", left)
	return map[string]any{"user": u.ID, "wallet": b.Wallet.Hex(), "previous": old, "credited": credited, "left_behind": left}, nil
}

func (s *Service) unbind(r *http.Request, u store.User) (any, error) {
	b, err := s.verified(r, u, true)
	if err != nil {
		return nil, err
	}
	cur, err := s.st.WalletOf(r.Context(), u.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if cur != b.Wallet.Hex() {
		return nil, fail(http.StatusConflict, "not_bound", "wallet %s is not the one bound to this API key", b.Wallet)
	}
	leftover, err := s.leftover(r.Context(), b.Wallet)
	if err != nil {
		return nil, err
	}
	left, err := s.st.UnbindWalletLeaving(r.Context(), u.ID, cur, leftover)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fail(http.StatusConflict, "not_bound", "%v", err)
	} else if err != nil {
		return nil, err
	}
	s.log.Info("wallet unbound", "user", u.ID, "wallet", cur, "left_behind", left)
	return map[string]any{"user": u.ID, "unbound": cur, "left_behind": left}, nil
}

// verified reads a BindRequest for user u and checks it: this domain and
// user, the wallet's signature (of an Unbinding when unbinding), then the
// nonce, consumed here (a forged request does not burn it).
func (s *Service) verified(r *http.Request, u store.User, unbinding bool) (chain.Binding, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 16<<10))
	if err != nil {
		return chain.Binding{}, err
	}
	var req BindRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return chain.Binding{}, fail(http.StatusBadRequest, "invalid_json", "the body must be {\"binding\": {...}, \"signature\": \"0x...\"}: %v", err)
	}
	b := req.Binding
	switch {
	case b.Domain != s.name:
		return b, fail(http.StatusBadRequest, "wrong_domain", "the binding names domain %q, this is %q", b.Domain, s.name)
	case b.User != u.ID:
		return b, fail(http.StatusForbidden, "wrong_user", "the binding is for another user than this API key's")
	case b.Wallet == (common.Address{}):
		return b, fail(http.StatusBadRequest, "bad_wallet", "the binding needs the wallet's address")
	case !strings.HasPrefix(b.Nonce, noncePrefix):
		return b, fail(http.StatusUnauthorized, "bad_nonce", "the nonce is not a binding challenge's")
	}
	verify := s.dom.VerifyBinding
	if unbinding {
		verify = s.dom.VerifyUnbinding
	}
	if err := verify(b, req.Signature); err != nil {
		return b, fail(http.StatusUnauthorized, "bad_signature", "%v", err)
	}
	exp, ok, err := s.st.ConsumeBindingNonce(r.Context(), u.ID, b.Nonce)
	if err != nil {
		return b, err
	}
	if !ok || uint64(exp.Unix()) != b.Expires {
		return b, fail(http.StatusUnauthorized, "bad_nonce", "the nonce is unknown, expired or already used (replays are refused); ask for a new challenge")
	}
	return b, nil
}

// leftover values what wallet holds in the escrow, in every asset it
// takes (the stablecoin, and GAIA at the escrow's valuation), now and at
// the last block the watcher recorded (a deposit or withdrawal not yet
// recorded would otherwise land on the wrong side), and returns the larger
// value (0 when it holds nothing). It refuses to end the binding when
// that is worth a request (s.minRequest) or cannot be valued.
func (s *Service) leftover(ctx context.Context, wallet common.Address) (ledger.Micros, error) {
	blocks := []*big.Int{nil}
	if pos, ok, err := s.st.WatchPositionOf(ctx, s.addr.Hex()); err != nil {
		return 0, err
	} else if ok && pos.Next > 0 {
		blocks = append(blocks, new(big.Int).SetUint64(pos.Next-1))
	}
	assets := []struct {
		addr       common.Address
		name, flag string
	}{{s.stable, "the stablecoin", ""}, {s.token, "GAIA", " --asset gaia"}}
	unavailable := func(what string, err error) error {
		s.log.Error("valuing a wallet's escrow balance", "wallet", wallet, "what", what, "err", err)
		return fail(http.StatusServiceUnavailable, "chain_unavailable",
			"the domain cannot read or value wallet %s's escrow balance (%s) now; retry in a minute", wallet, what)
	}
	var most ledger.Micros
	for _, n := range blocks {
		call := &bind.CallOpts{Context: ctx, BlockNumber: n}
		var worth ledger.Micros
		var held, how []string
		for _, a := range assets {
			bal, err := s.escrow.BalanceOf(call, wallet, a.addr)
			if err != nil {
				return 0, unavailable(a.name, err)
			}
			if bal.Sign() == 0 {
				continue
			}
			v := bal
			if a.addr == s.token {
				if v, err = s.escrow.UsdValue(call, s.token, bal); err != nil {
					return 0, unavailable("GAIA at the price feed's price: "+chain.Explain(err).Error(), err)
				}
			}
			m, _ := s.micros(v)
			if m == nil || !m.IsInt64() || m.Int64() > int64(ledger.MaxAmount)-int64(worth) {
				worth = ledger.MaxAmount
			} else {
				worth += ledger.Micros(m.Int64())
			}
			held = append(held, fmt.Sprintf("%s units of %s", bal, a.name))
			how = append(how, "'gaianet wallet withdraw"+a.flag+"'")
		}
		if len(held) == 0 {
			continue
		}
		if s.minRequest <= 0 || worth >= s.minRequest {
			at := "now"
			if n != nil {
				at = fmt.Sprintf("at block %s (the last the domain recorded)", n)
			}
			limit := ""
			if s.minRequest > 0 {
				limit = fmt.Sprintf(" or spend it down below $%s (the cheapest request; a smaller leftover stays the wallet's to withdraw and does not block)", s.minRequest)
			}
			return 0, fail(http.StatusConflict, "wallet_not_empty",
				"wallet %s holds %s in the escrow %s, worth $%s: withdraw it first (%s)%s, then rebind or unbind",
				wallet, strings.Join(held, " and "), at, worth, strings.Join(how, " and "), limit)
		}
		most = max(most, worth)
	}
	return most, nil
}
