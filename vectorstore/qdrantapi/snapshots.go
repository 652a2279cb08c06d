package qdrantapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gaianet-go/gaianet/download"
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

const (
	snapshotExt = ".snapshot"
	// checksumExt names the file beside a created snapshot holding its
	// SHA-256 (hex), which listings report as Qdrant does.
	checksumExt = ".checksum"
)

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
	if !validSnapshotName(name) {
		return "", qdrantError(http.StatusNotFound, "Not found: ", "snapshot %q of collection %q", name, collection)
	}
	return filepath.Join(dir, name), nil
}

// validSnapshotName reports whether name is a plain "<name>.snapshot" file
// name; a path or ".." cannot name a snapshot.
func validSnapshotName(name string) bool {
	base := strings.TrimSuffix(name, snapshotExt)
	return strings.HasSuffix(name, snapshotExt) && vectorstore.ValidName(base) == nil
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
	return s.maybeAsync(w, r, "create snapshot of "+c, func(ctx context.Context) (any, error) {
		return s.writeSnapshot(ctx, c, dir)
	})
}

// maybeAsync runs op now, or, with the query parameter wait=false, in the
// background after answering 202 Accepted (as Qdrant does); a background
// failure is logged.
func (s *Server) maybeAsync(w http.ResponseWriter, r *http.Request, what string, op func(context.Context) (any, error)) (any, error) {
	wait := true
	if v := r.URL.Query().Get("wait"); v != "" {
		b, err := boolParam(v, "wait")
		if err != nil {
			return nil, err
		}
		wait = b
	}
	if wait {
		return op(r.Context())
	}
	start := s.now()
	ctx := context.WithoutCancel(r.Context())
	go func() {
		if _, err := op(ctx); err != nil {
			slog.Warn("qdrantapi: background operation failed", "op", what, "err", err)
		}
	}()
	writeJSON(w, http.StatusAccepted, map[string]any{"status": "accepted", "time": s.now().Sub(start).Seconds()})
	return nil, errHandled
}

// writeSnapshot exports collection c into a new snapshot file of dir.
func (s *Server) writeSnapshot(ctx context.Context, c, dir string) (any, error) {
	return s.writeSnapshotFile(dir, c, func(w io.Writer) error { return s.store.ExportSnapshot(ctx, c, w) })
}

// writeSnapshotFile writes a new snapshot "<prefix>-<time>.snapshot" into
// dir with export, atomically (a temporary file renamed once synced), and
// its SHA-256 beside it.
func (s *Server) writeSnapshotFile(dir, prefix string, export func(io.Writer) error) (snapshotInfo, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return snapshotInfo{}, fmt.Errorf("qdrantapi: %w", err)
	}
	now := s.now().UTC()
	name := fmt.Sprintf("%s-%s%s", prefix, now.Format("2006-01-02-15-04-05.000000"), snapshotExt)
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return snapshotInfo{}, fmt.Errorf("qdrantapi: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	h := sha256.New()
	if err := export(io.MultiWriter(f, h)); err != nil {
		return snapshotInfo{}, err
	}
	if err := f.Sync(); err != nil {
		return snapshotInfo{}, fmt.Errorf("qdrantapi: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		return snapshotInfo{}, fmt.Errorf("qdrantapi: %w", err)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if err := os.WriteFile(filepath.Join(dir, name+checksumExt), []byte(sum), 0o600); err != nil {
		return snapshotInfo{}, fmt.Errorf("qdrantapi: %w", err)
	}
	if err := os.Rename(f.Name(), filepath.Join(dir, name)); err != nil {
		return snapshotInfo{}, fmt.Errorf("qdrantapi: %w", err)
	}
	return snapshotInfo{Name: name, CreationTime: now.Format("2006-01-02T15:04:05.999999"), Size: st.Size(), Checksum: sum}, nil
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
	return listSnapshotFiles(dir)
}

// listSnapshotFiles lists the snapshots of dir, by name.
func listSnapshotFiles(dir string) ([]snapshotInfo, error) {
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
		info := snapshotInfo{Name: e.Name(), CreationTime: fi.ModTime().UTC().Format("2006-01-02T15:04:05.999999"), Size: fi.Size()}
		if sum, err := os.ReadFile(filepath.Join(dir, e.Name()+checksumExt)); err == nil {
			info.Checksum = strings.TrimSpace(string(sum))
		}
		out = append(out, info)
	}
	slices.SortFunc(out, func(a, b snapshotInfo) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func (s *Server) downloadSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	path, err := s.snapshotPath(r.PathValue("c"), r.PathValue("s"))
	if err != nil {
		return nil, err
	}
	return serveSnapshotFile(w, r, path)
}

// serveSnapshotFile sends the snapshot file at path.
func serveSnapshotFile(w http.ResponseWriter, r *http.Request, path string) (any, error) {
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
	return s.removeSnapshotFile(w, r, path)
}

// removeSnapshotFile deletes the snapshot at path and its checksum (in the
// background with wait=false).
func (s *Server) removeSnapshotFile(w http.ResponseWriter, r *http.Request, path string) (any, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, &httpError{code: http.StatusNotFound, err: fmt.Errorf("qdrantapi: snapshot %q not found", r.PathValue("s"))}
	}
	return s.maybeAsync(w, r, "delete snapshot "+r.PathValue("s"), func(context.Context) (any, error) {
		os.Remove(path + checksumExt)
		if err := os.Remove(path); errors.Is(err, os.ErrNotExist) {
			return nil, &httpError{code: http.StatusNotFound, err: fmt.Errorf("qdrantapi: snapshot %q not found", r.PathValue("s"))}
		} else if err != nil {
			return nil, fmt.Errorf("qdrantapi: %w", err)
		}
		return true, nil
	})
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
	if err := s.importSnapshot(r, c, opts, src); err != nil {
		return nil, err
	}
	return true, nil
}

// importSnapshot reads a snapshot (the store's own format or Qdrant's)
// into collection c, creating or replacing it.
func (s *Server) importSnapshot(r *http.Request, c string, opts vectorstore.ImportOptions, src io.Reader) error {
	// The snapshot is unpacked in a scratch directory inside SnapshotDir,
	// which a fresh node has not created yet.
	if s.opts.SnapshotDir != "" {
		if err := os.MkdirAll(s.opts.SnapshotDir, 0o700); err != nil {
			return fmt.Errorf("qdrantapi: %w", err)
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
	return err
}

// recoverSnapshot serves PUT /collections/{c}/snapshots/recover: the
// snapshot at location (an http(s) URL, fetched through the guarded
// downloader and its egress policy, or a file:// path inside this
// collection's snapshot directory) replaces or creates the collection.
// A given checksum (SHA-256, hex) must match.
func (s *Server) recoverSnapshot(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Location *string `json:"location"`
		Priority *string `json:"priority"`
		Checksum *string `json:"checksum"`
		APIKey   *string `json:"api_key"`
		Wait     any     `json:"wait"` // sent in the body by some clients; recovery always completes before the answer
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	c := r.PathValue("c")
	dir, err := s.snapshotDir(c)
	if err != nil {
		return nil, err
	}
	if req.Location == nil {
		return nil, badRequest("location is required")
	}
	if req.Priority != nil && *req.Priority != "snapshot" && *req.Priority != "no_sync" {
		return nil, refusedField("priority "+*req.Priority, "replica priorities")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	loc := *req.Location
	var path string
	switch {
	case strings.HasPrefix(loc, "file://"):
		if path, err = s.localSnapshot(dir, loc); err != nil {
			return nil, err
		}
	case strings.HasPrefix(loc, "http://"), strings.HasPrefix(loc, "https://"):
		tmp, err := os.MkdirTemp(s.opts.SnapshotDir, ".recover-*")
		if err != nil {
			return nil, fmt.Errorf("qdrantapi: %w", err)
		}
		defer os.RemoveAll(tmp)
		path = filepath.Join(tmp, "snapshot")
		opts := download.Options{Egress: s.opts.Egress, MaxBytes: s.opts.MaxSnapshotBytes, Retries: -1}
		if req.APIKey != nil {
			opts.Header = http.Header{"Api-Key": {*req.APIKey}}
		}
		if _, err := download.File(r.Context(), loc, path, opts); err != nil {
			return nil, badRequest("fetching snapshot: %v", err)
		}
	default:
		return nil, badRequest("Invalid snapshot URI %q: want http(s):// or file://", loc)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("qdrantapi: %w", err)
	}
	defer f.Close()
	if req.Checksum != nil {
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return nil, fmt.Errorf("qdrantapi: reading snapshot: %w", err)
		}
		if got := hex.EncodeToString(h.Sum(nil)); !strings.EqualFold(got, *req.Checksum) {
			return nil, badRequest("Snapshot checksum mismatch: expected %s, got %s", *req.Checksum, got)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf("qdrantapi: %w", err)
		}
	}
	if err := s.importSnapshot(r, c, vectorstore.ImportOptions{Collection: c}, f); err != nil {
		return nil, err
	}
	return true, nil
}

// localSnapshot resolves a file:// location, which must name a file inside
// dir (the collection's snapshot directory): anything else is refused
// before the file system is consulted, so the API cannot be used to probe
// for files elsewhere.
func (s *Server) localSnapshot(dir, loc string) (string, error) {
	rest := strings.TrimPrefix(loc, "file://")
	switch {
	case strings.HasPrefix(rest, "localhost/"):
		rest = strings.TrimPrefix(rest, "localhost")
	case !strings.HasPrefix(rest, "/"):
		return "", badRequest("Invalid snapshot URI, file path must be absolute or on localhost")
	}
	p := filepath.Clean(rest)
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("qdrantapi: %w", err)
	}
	if filepath.Dir(p) != absDir {
		return "", qdrantError(http.StatusForbidden, "Forbidden: ", "Snapshot file path must be inside the snapshots directory of collection (%s)", absDir)
	}
	if _, err := s.snapshotPath(filepath.Base(absDir), filepath.Base(p)); err != nil {
		return "", err
	}
	if _, err := os.Stat(p); err != nil {
		return "", badRequest("Snapshot file %q does not exist", p)
	}
	return p, nil
}
