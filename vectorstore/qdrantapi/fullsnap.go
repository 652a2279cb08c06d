package qdrantapi

import (
	"archive/tar"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// fullSnapshotDir holds the full-storage snapshots, beside the collections'
// snapshot directories; its name starts with a dot, which no collection
// name may, so it cannot clash with one.
const fullSnapshotDir = ".full"

// fullSnapshotPrefix names the files of full-storage snapshots.
const fullSnapshotPrefix = "full-snapshot"

// A full-storage snapshot is a tar archive holding, for every collection,
// "<collection>.snapshot" (the collection snapshot as POST
// /collections/{c}/snapshots makes it) and "aliases.json" (the aliases, as
// GET /aliases lists them). As in Qdrant, it is created, listed,
// downloaded and deleted through the API; a collection is restored from
// its member with the collection snapshot routes.

func (s *Server) fullDir() (string, error) {
	if s.opts.SnapshotDir == "" {
		return "", &httpError{code: http.StatusNotImplemented, err: errors.New("qdrantapi: snapshots are disabled (no snapshot directory)")}
	}
	return filepath.Join(s.opts.SnapshotDir, fullSnapshotDir), nil
}

func (s *Server) createFullSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	dir, err := s.fullDir()
	if err != nil {
		return nil, err
	}
	return s.maybeAsync(w, r, "create full snapshot", func(ctx context.Context) (any, error) {
		return s.writeSnapshotFile(dir, fullSnapshotPrefix, func(w io.Writer) error {
			return s.exportFull(ctx, dir, w)
		})
	})
}

// exportFull writes the full-storage archive to w; each collection is
// exported to a temporary file of dir first, since a tar header needs the
// member's size.
func (s *Server) exportFull(ctx context.Context, dir string, w io.Writer) error {
	tw := tar.NewWriter(w)
	names := s.store.ListCollections()
	slices.Sort(names)
	for _, name := range names {
		if err := s.addCollection(ctx, tw, dir, name); err != nil {
			if errors.Is(err, vectorstore.ErrNotFound) {
				continue // deleted meanwhile
			}
			return fmt.Errorf("collection %s: %w", name, err)
		}
	}
	aliases, err := json.Marshal(s.store.Aliases(""))
	if err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: "aliases.json", Mode: 0o600, Size: int64(len(aliases)), ModTime: s.now()}); err != nil {
		return err
	}
	if _, err := tw.Write(aliases); err != nil {
		return err
	}
	return tw.Close()
}

func (s *Server) addCollection(ctx context.Context, tw *tar.Writer, dir, name string) error {
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := s.store.ExportSnapshot(ctx, name, f); err != nil {
		return err
	}
	size, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: name + snapshotExt, Mode: 0o600, Size: size, ModTime: s.now()}); err != nil {
		return err
	}
	_, err = io.Copy(tw, f)
	return err
}

func (s *Server) listFullSnapshots(w http.ResponseWriter, r *http.Request) (any, error) {
	dir, err := s.fullDir()
	if err != nil {
		return nil, err
	}
	return listSnapshotFiles(dir)
}

// fullSnapshotPath resolves the name of a full-storage snapshot; anything
// but a plain "<name>.snapshot" in its directory is not found.
func (s *Server) fullSnapshotPath(name string) (string, error) {
	dir, err := s.fullDir()
	if err != nil {
		return "", err
	}
	if !validSnapshotName(name) {
		return "", qdrantError(http.StatusNotFound, "Not found: ", "full-storage snapshot %q", name)
	}
	return filepath.Join(dir, name), nil
}

func (s *Server) downloadFullSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	path, err := s.fullSnapshotPath(r.PathValue("s"))
	if err != nil {
		return nil, err
	}
	return serveSnapshotFile(w, r, path)
}

func (s *Server) deleteFullSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	path, err := s.fullSnapshotPath(r.PathValue("s"))
	if err != nil {
		return nil, err
	}
	return s.removeSnapshotFile(w, r, path)
}
