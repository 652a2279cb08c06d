package tunnel

import (
	"fmt"
	"time"
)

// Paths and headers of the handshake.
const (
	ChallengePath   = "/_domain/challenge"
	TunnelPath      = "/_domain/tunnel"
	HeaderNode      = "X-Gaianet-Node"
	HeaderNonce     = "X-Gaianet-Nonce"
	HeaderSignature = "X-Gaianet-Signature"
	// A node may name the wallet its earnings go to, with a binding
	// signature from its key over WalletMessage (this join's challenge).
	HeaderWallet          = "X-Gaianet-Wallet"
	HeaderWalletSignature = "X-Gaianet-Wallet-Signature"
)

// Challenge is what the domain hands a joining node.
type Challenge struct {
	Domain  string `json:"domain"`
	Nonce   string `json:"nonce"`
	Expires int64  `json:"expires"` // Unix seconds
}

// JoinMessage is the text a node signs (EIP-191 personal_sign) to join:
// readable in a wallet, bound to the domain, the node, the nonce and the
// expiry, so it is useless anywhere else or later.
func JoinMessage(c Challenge, node string) []byte {
	return fmt.Appendf(nil, "GaiaNet domain join\ndomain: %s\nnode: %s\nnonce: %s\nexpires: %s",
		c.Domain, node, c.Nonce, time.Unix(c.Expires, 0).UTC().Format(time.RFC3339))
}

// WalletMessage is the text a node signs (EIP-191 personal_sign) to bind
// its earnings to wallet at this join: bound to the domain, the node, the
// wallet and the join challenge's nonce and expiry, so it cannot be sent
// again (the nonce is consumed by the join it came with) nor used at
// another domain. The node signs it afresh at every join.
func WalletMessage(c Challenge, node, wallet string) []byte {
	return fmt.Appendf(nil, "GaiaNet wallet binding\ndomain: %s\nnode: %s\nwallet: %s\nnonce: %s\nexpires: %s",
		c.Domain, node, wallet, c.Nonce, time.Unix(c.Expires, 0).UTC().Format(time.RFC3339))
}

// LegacyWalletMessage is the binding older nodes signed once and sent at
// every join: no domain, nonce or expiry, so anyone holding it could send
// it again. Domains no longer accept it; they use it only to tell such a
// node what to upgrade.
func LegacyWalletMessage(node, wallet string) []byte {
	return fmt.Appendf(nil, "GaiaNet wallet binding\nnode: %s\nwallet: %s", node, wallet)
}
