package main

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/identity"
)

// passwordHelp tells a node owner how to give the keystore password.
const passwordHelp = "give the keystore password with --keystore-password-file FILE (mode 0600, outside the base folder), " +
	"GAIANET_KEYSTORE_PASSWORD_FILE=FILE or GAIANET_KEYSTORE_PASSWORD"

// nodeKey loads the node's identity for 'gaianet start' with the keystore
// password pw (from source; "" when none was given outside nodeid.json).
// It returns the identity (nil when there is none) and whether the node
// can sign. A node that joins a domain (config "domain" is a URL) must
// sign, since the domain admits and keeps only nodes whose /v1/info and
// answers are signed: its key is unlocked now, and a missing identity,
// missing password or wrong password stops the start with an error
// saying what to do. Other nodes unlock the key when they first sign.
func nodeKey(log *slog.Logger, base string, cfg *config.Config, pw, source string) (*identity.Identity, bool, error) {
	joins := strings.Contains(cfg.Domain, "://")
	id, err := identity.LoadWith(base, identity.Options{Password: pw})
	switch {
	case errors.Is(err, identity.ErrNoIdentity) && joins:
		return nil, false, fmt.Errorf("this node joins the domain %s, which admits only nodes that sign with their key, and it has none: run 'gaianet init --base %s'", cfg.Domain, base)
	case errors.Is(err, identity.ErrNoIdentity):
		log.Warn("the node has no identity yet; run 'gaianet init' to create one")
		return nil, false, nil
	case err != nil:
		return nil, false, err
	}
	if !id.HasPassword() {
		if joins {
			return nil, false, fmt.Errorf("this node joins the domain %s, which admits only nodes that sign, but nodeid.json holds no keystore password: %s", cfg.Domain, passwordHelp)
		}
		log.Warn("no keystore password: nodeid.json holds none; the node cannot sign until one is given (" + passwordHelp + ")")
		return id, false, nil
	}
	if source != "" {
		log.Info("keystore password given outside the base folder", "from", source)
	}
	if joins {
		if err := id.Unlock(); err != nil {
			from := source
			if from == "" {
				from = "nodeid.json"
			}
			return nil, false, fmt.Errorf("this node joins the domain %s and must sign, but the keystore password from %s does not open %s: %w", cfg.Domain, from, id.KeystorePath(), err)
		}
	}
	return id, true, nil
}
