package qdrantapi

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/gaianet-go/gaianet/vectorstore/qdrantsnap"
)

// snapshotInfo is Qdrant's snapshot description.
type snapshotInfo struct {
	Name         string `json:"name"`
	CreationTime string `json:"creation_time"`
	Size         int64  `json:"size"`
	Checksum     string `json:"checksum,omitempty"`
}

const snapshotExt = ".snapshot"

func (s *Server) snapshotDir(collection string) (string, error) {
	if s.opts.SnapshotDir == "" {
		return "", &httpError{code: http.StatusNotImplemented, err: errors.New("qdrantapi: snapshots are disabled (no snapshot directory)")}
	}
	if err := vectorstore.ValidName(collection); err != nil {
		return "", err
	}
	return filepath.Join(s.opts.SnapshotDir, collection), nil
}

// snapshotPath resolves a snapshot file name, refusing anything that is not
// a plain "<name>.snapshot" inside the collection's directory.
func (s *Server) snapshotPath(collection, name string) (string, error) {
	dir, err := s.snapshotDir(collection)
	if err != nil {
		return "", err
	}
	base := strings.TrimSuffix(name, snapshotExt)
	if !strings.HasSuffix(name, snapshotExt) || vectorstore.ValidName(base) != nil {
		return "", badRequest("bad snapshot name %q", name)
	}
	return filepath.Join(dir, name), nil
}

func (s *Server) createSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	c := r.PathValue("c")
	dir, err := s.snapshotDir(c)
	if err != nil {
		return nil, err
	}
	if _, err := s.store.CollectionInfo(c); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	now := s.now().UTC()
	name := fmt.Sprintf("%s-%s%s", c, now.Format("2006-01-02-15-04-05.000000"), snapshotExt)
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	h := sha256.New()
	if err := s.store.ExportSnapshot(r.Context(), c, io.MultiWriter(f, h)); err != nil {
		return nil, err
	}
	if err := f.Sync(); err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	if err := os.Rename(f.Name(), filepath.Join(dir, name)); err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	return snapshotInfo{Name: name, CreationTime: now.Format("2006-01-02T15:04:05.999999"), Size: st.Size(), Checksum: hex.EncodeToString(h.Sum(nil))}, nil
}

func (s *Server) listSnapshots(w http.ResponseWriter, r *http.Request) (any, error) {
	c := r.PathValue("c")
	dir, err := s.snapshotDir(c)
	if err != nil {
		return nil, err
	}
	if _, err := s.store.CollectionInfo(c); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	out := []snapshotInfo{}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), snapshotExt) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, snapshotInfo{Name: e.Name(), CreationTime: fi.ModTime().UTC().Format("2006-01-02T15:04:05.999999"), Size: fi.Size()})
	}
	slices.SortFunc(out, func(a, b snapshotInfo) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func (s *Server) downloadSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	path, err := s.snapshotPath(r.PathValue("c"), r.PathValue("s"))
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, &httpError{code: http.StatusNotFound, err: fmt.Errorf("qdrantapi: snapshot %q not found", r.PathValue("s"))}
	}
	if err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": st.Name()}))
	http.ServeContent(w, r, st.Name(), st.ModTime(), f)
	return nil, errHandled
}

func (s *Server) deleteSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	path, err := s.snapshotPath(r.PathValue("c"), r.PathValue("s"))
	if err != nil {
		return nil, err
	}
	if err := os.Remove(path); errors.Is(err, os.ErrNotExist) {
		return nil, &httpError{code: http.StatusNotFound, err: fmt.Errorf("qdrantapi: snapshot %q not found", r.PathValue("s"))}
	} else if err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	return true, nil
}

// uploadSnapshot imports a snapshot into the collection in the path,
// creating or replacing it. The body is multipart/form-data with the file in
// field "snapshot" (as Qdrant's upload), or the raw snapshot bytes. The
// query parameters embedding_model and dim, when given, must match the
// snapshot.
func (s *Server) uploadSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	c := r.PathValue("c")
	if err := vectorstore.ValidName(c); err != nil {
		return nil, err
	}
	opts := vectorstore.ImportOptions{Collection: c, EmbeddingModel: r.URL.Query().Get("embedding_model")}
	if d := r.URL.Query().Get("dim"); d != "" {
		if _, err := fmt.Sscanf(d, "%d", &opts.Dim); err != nil {
			return nil, badRequest("bad dim %q", d)
		}
	}
	body := http.MaxBytesReader(w, r.Body, s.opts.MaxSnapshotBytes)
	var src io.Reader = body
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, badRequest("multipart: %v", err)
		}
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				return nil, badRequest("multipart body has no \"snapshot\" field")
			}
			if err != nil {
				return nil, badRequest("multipart: %v", err)
			}
			if part.FormName() == "snapshot" {
				src = part
				break
			}
		}
	}
	// The snapshot is unpacked in a scratch directory inside SnapshotDir,
	// which a fresh node has not created yet.
	if s.opts.SnapshotDir != "" {
		if err := os.MkdirAll(s.opts.SnapshotDir, 0o700); err != nil {
			return nil, fmt.Errorf("qdrantapi: %w", err)
		}
	}
	// Qdrant's own snapshots are read into the store; GaiaNet's installer
	// uploads its knowledge bases this way.
	_, _, err := qdrantsnap.ImportAny(r.Context(), s.store, src, qdrantsnap.ImportOptions{
		Options:        qdrantsnap.Options{TempDir: s.opts.SnapshotDir, Limits: s.opts.Limits},
		Target:         c,
		EmbeddingModel: opts.EmbeddingModel,
		Dim:            opts.Dim,
	})
	if err != nil {
		return nil, err
	}
	return true, nil
}
