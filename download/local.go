package download

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// fetchLocal makes the local file src available at dst: in place when dst
// is empty or already is src, else by hard link, else by copy.
func fetchLocal(ctx context.Context, src, dst string, opts *Options) (Result, error) {
	st, err := os.Stat(src)
	if err != nil {
		return Result{}, fmt.Errorf("download: %s: %w", src, err)
	}
	if !st.Mode().IsRegular() {
		return Result{}, fmt.Errorf("download: %s: not a regular file", src)
	}
	rep := &reporter{fn: opts.Progress, every: orDefault(opts.ProgressInterval, 200*time.Millisecond)}
	rep.progress = Progress{Source: src, Total: st.Size()}

	if dst == "" || sameFile(st, dst) {
		size, digest, err := checkFile(ctx, src, src, st.Size(), opts)
		if err != nil {
			return Result{}, err // never delete the user's own file
		}
		rep.progress.Done, rep.progress.Finished = size, true
		rep.report(true)
		return Result{Path: src, Size: size, SHA256: digest, Local: true}, nil
	}

	part := dst + PartSuffix
	if err := os.Remove(part); err != nil && !errors.Is(err, os.ErrNotExist) {
		return Result{}, fmt.Errorf("download: %s: %w", src, err)
	}
	if err := os.Link(src, part); err != nil {
		if err := copyFile(ctx, src, part, rep); err != nil {
			os.Remove(part)
			return Result{}, err
		}
	}
	size, digest, err := checkFile(ctx, part, src, st.Size(), opts)
	if err != nil {
		if ctx.Err() != nil {
			os.Remove(part)
			return Result{}, fmt.Errorf("download: %s: %w", src, ctx.Err())
		}
		return Result{}, discard(part, err)
	}
	if err := finish(part, dst, src); err != nil {
		return Result{}, err
	}
	rep.progress.Done, rep.progress.Finished = size, true
	rep.report(true)
	return Result{Path: dst, Size: size, SHA256: digest, Local: true}, nil
}

func sameFile(st os.FileInfo, path string) bool {
	other, err := os.Stat(path)
	return err == nil && os.SameFile(st, other)
}

func copyFile(ctx context.Context, src, dst string, rep *reporter) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("download: %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("download: %s: %w", src, err)
	}
	rep.report(true)
	buf := make([]byte, copyBufferSize)
	_, err = io.CopyBuffer(&progressWriter{w: out, r: rep}, ctxReader{ctx, in}, buf)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("download: %s: copy to %s: %w", src, dst, err)
	}
	return nil
}
