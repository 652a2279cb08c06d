package onchain

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

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
const (
	WalletPath    = "/_domain/wallet"
	ChallengePath = WalletPath + "/challenge"
	BindPath      = WalletPath + "/bind"
)

// bindingTTL is how long a binding challenge may be signed and used.
const bindingTTL = 5 * time.Minute

// noncePrefix marks binding nonces in the store's nonce table, which join
// challenges share: neither kind is accepted for the other.
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
	User    string         `json:"user"`
	Wallet  string         `json:"wallet,omitempty"`
	Balance ledger.Micros  `json:"balance"`
	ChainID uint64         `json:"chain_id"`
	Escrow  common.Address `json:"escrow"`
	Asset   common.Address `json:"asset"`
}

// Handler serves the binding routes.
func (s *Service) Handler() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("GET "+WalletPath, s.route(s.status))
	m.HandleFunc("POST "+ChallengePath, s.route(s.challenge))
	m.HandleFunc("POST "+BindPath, s.route(s.bind))
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
	return st, nil
}

func (s *Service) challenge(r *http.Request, u store.User) (any, error) {
	b := make([]byte, 16)
	rand.Read(b)
	nonce := noncePrefix + hex.EncodeToString(b)
	exp := time.Now().Add(bindingTTL).Truncate(time.Second)
	if err := s.st.IssueNonce(r.Context(), nonce, exp); err != nil {
		if errors.Is(err, store.ErrTooManyNonces) {
			return nil, fail(http.StatusServiceUnavailable, "too_many_challenges", "too many challenges are outstanding; retry in a minute")
		}
		return nil, err
	}
	return Challenge{Binding: chain.Binding{Domain: s.name, User: u.ID, Nonce: nonce, Expires: uint64(exp.Unix())},
		ChainID: s.dom.ChainID.Uint64(), Escrow: s.addr}, nil
}

func (s *Service) bind(r *http.Request, u store.User) (any, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 16<<10))
	if err != nil {
		return nil, err
	}
	var req BindRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, fail(http.StatusBadRequest, "invalid_json", "the body must be {\"binding\": {...}, \"signature\": \"0x...\"}: %v", err)
	}
	b := req.Binding
	switch {
	case b.Domain != s.name:
		return nil, fail(http.StatusBadRequest, "wrong_domain", "the binding names domain %q, this is %q", b.Domain, s.name)
	case b.User != u.ID:
		return nil, fail(http.StatusForbidden, "wrong_user", "the binding is for another user than this API key's")
	case b.Wallet == (common.Address{}):
		return nil, fail(http.StatusBadRequest, "bad_wallet", "the binding needs the wallet's address")
	case !strings.HasPrefix(b.Nonce, noncePrefix):
		return nil, fail(http.StatusUnauthorized, "bad_nonce", "the nonce is not a binding challenge's")
	}
	// The signature first: a forged request must not burn the user's nonce.
	if err := s.dom.VerifyBinding(b, req.Signature); err != nil {
		return nil, fail(http.StatusUnauthorized, "bad_signature", "%v", err)
	}
	exp, ok, err := s.st.ConsumeNonce(r.Context(), b.Nonce)
	if err != nil {
		return nil, err
	}
	if !ok || uint64(exp.Unix()) != b.Expires {
		return nil, fail(http.StatusUnauthorized, "bad_nonce", "the nonce is unknown, expired or already used (replays are refused); ask for a new challenge")
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
