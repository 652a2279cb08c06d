package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/gaianet-go/gaianet/domain/store"
)

type keysFlags struct {
	base, user, name *string
	json             *bool
	grace            *time.Duration
}

// domainKeysCommand is 'gaianet domain keys': users' API keys, listed,
// created, revoked and rotated. Secrets are printed once, alone on the
// last line; the domain stores only their hashes.
func domainKeysCommand() *command {
	withKeyStore := func(args int, what string, body func(ctx context.Context, env *cmdEnv, f *keysFlags, st *store.Store, args []string) error) func(context.Context, *cmdEnv, []string) error {
		return func(ctx context.Context, env *cmdEnv, a []string) error {
			if len(a) != args {
				return usagef("%s", what)
			}
			f := env.flags.(*keysFlags)
			_, st, err := openDomain(ctx, *f.base)
			if err != nil {
				return err
			}
			defer st.Close()
			err = body(ctx, env, f, st, a)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("%w (see 'gaianet domain keys' and 'gaianet domain users')", err)
			}
			return err
		}
	}
	graceFlags := func(fs *flag.FlagSet) any {
		return &keysFlags{base: domainBaseFlag(fs), grace: fs.Duration("grace", 0, "how long the old key keeps working, e.g. 1h (default: stops at once)")}
	}
	create := &command{name: "create", summary: "issue a new API key for a user", usage: "USER_ID [--name NAME] [--base DIR]",
		help: "Issues another API key for USER_ID (a user may hold several, e.g. one per\n" +
			"application). The key is printed alone on the last line, once.",
		flags: func(fs *flag.FlagSet) any {
			return &keysFlags{base: domainBaseFlag(fs), name: fs.String("name", "", "a label for the key")}
		},
		run: withKeyStore(1, "keys create needs one user id", func(ctx context.Context, env *cmdEnv, f *keysFlags, st *store.Store, a []string) error {
			k, secret, err := st.AddKey(ctx, a[0], *f.name)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "key %s created for %s; API key:\n%s\n", k.ID, k.User, secret)
			return nil
		})}
	revoke := &command{name: "revoke", summary: "stop an API key from working", usage: "KEY_ID [--grace DURATION] [--base DIR]",
		help:  "Revokes KEY_ID: requests with it get 401 (through other replicas within 2 s).",
		flags: graceFlags,
		run: withKeyStore(1, "keys revoke needs one key id", func(ctx context.Context, env *cmdEnv, f *keysFlags, st *store.Store, a []string) error {
			k, err := st.RevokeKey(ctx, a[0], *f.grace)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "key %s of %s revoked from %s\n", k.ID, k.User, k.Revoked.Format(time.RFC3339))
			return nil
		})}
	rotate := &command{name: "rotate", summary: "replace an API key by a new one", usage: "KEY_ID [--grace DURATION] [--base DIR]",
		help: "Issues a new key for KEY_ID's user and revokes KEY_ID, at once or after\n" +
			"--grace (time to deploy the new key). The new key is printed alone on the\n" +
			"last line, once.",
		flags: graceFlags,
		run: withKeyStore(1, "keys rotate needs one key id", func(ctx context.Context, env *cmdEnv, f *keysFlags, st *store.Store, a []string) error {
			k, secret, err := st.RotateKey(ctx, a[0], *f.grace)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "key %s replaces %s (which stops working in %s); API key:\n%s\n", k.ID, a[0], *f.grace, secret)
			return nil
		})}
	return &command{name: "keys", summary: "list users' API keys; create, revoke or rotate one", usage: "[--user USER_ID] [--base DIR] [--json]",
		help: "Lists API keys (id, user, name, created, revoked); never the secrets, which\n" +
			"the domain does not keep.",
		flags: func(fs *flag.FlagSet) any {
			return &keysFlags{base: domainBaseFlag(fs), user: fs.String("user", "", "only this user's keys"), json: fs.Bool("json", false, "print JSON")}
		},
		children: []*command{create, revoke, rotate},
		run: withKeyStore(0, "unexpected argument", func(ctx context.Context, env *cmdEnv, f *keysFlags, st *store.Store, _ []string) error {
			keys, err := st.Keys(ctx, *f.user)
			if err != nil {
				return err
			}
			if *f.json {
				return printJSON(env.stdout, keys)
			}
			tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tUSER\tNAME\tCREATED\tREVOKED")
			for _, k := range keys {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", k.ID, k.User, k.Name, k.Created.Format(time.RFC3339), timeOrDash(k.Revoked))
			}
			return tw.Flush()
		})}
}
