package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/gaianet-go/gaianet/domain"
)

type adminKeyFlags struct{ base *string }

// domainAdminKeyCommand is 'gaianet domain admin-key rotate'.
func domainAdminKeyCommand() *command {
	rotate := &command{name: "rotate", summary: "replace the admin key; the old one stops working", usage: "[--base DIR]",
		help: "Makes a new admin key, stores its hash in the domain's database (so every\n" +
			"replica honours it: the old key is refused by every replica within a second)\n" +
			"and writes it to DIR/admin.key (0600). The key is printed alone on the last\n" +
			"line. Dashboard sessions opened with the old key end.",
		flags: func(fs *flag.FlagSet) any { return &adminKeyFlags{base: domainBaseFlag(fs)} },
		run: func(ctx context.Context, env *cmdEnv, args []string) error {
			f := env.flags.(*adminKeyFlags)
			if len(args) > 0 {
				return usagef("admin-key rotate takes no arguments")
			}
			_, st, err := openDomain(ctx, *f.base)
			if err != nil {
				return err
			}
			defer st.Close()
			// A domain that never started has no stored key yet: the one
			// in admin.key is the key being replaced.
			if old, err := domain.AdminKey(*f.base); err == nil && old != "" {
				if _, err := st.SeedAdminKey(ctx, old); err != nil {
					return err
				}
			}
			key := domain.NewAdminKey()
			if err := st.RotateAdminKey(ctx, key); err != nil {
				return err
			}
			if err := domain.WriteAdminKey(*f.base, key); err != nil {
				return fmt.Errorf("the new admin key is in force but %s could not be written (%w); it is:\n%s", filepath.Join(*f.base, domain.AdminKeyFile), err, key)
			}
			fmt.Fprintf(env.stdout, "admin key rotated; the old one no longer works; new key (also in %s):\n%s\n",
				filepath.Join(*f.base, domain.AdminKeyFile), key)
			return nil
		}}
	return &command{name: "admin-key", summary: "rotate the domain's admin key", usage: "rotate [--base DIR]",
		children: []*command{rotate}}
}
