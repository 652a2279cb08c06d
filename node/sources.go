package node

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/gaianet-go/gaianet/api"
	"github.com/gaianet-go/gaianet/rag"
)

// documentRef is DocumentRef for this node.
func (n *Node) documentRef(source string) (name, id string) {
	if n.files == nil {
		return DocumentRef("", source)
	}
	return documentRef(n.files.dir, source)
}

// DocumentRef names the document a knowledge-base chunk of the node in
// base came from, for API and chat-page users, without revealing where the
// server keeps it: an uploaded file by its name and file id (its chunks
// record "file_ID/NAME"; older ones the upload's path in base/archives), a
// URL without its query, fragment or credentials, any other source by its
// base name. Sources that are not uploads get a stable id derived from the
// full source, so two files of the same name in different folders stay
// apart.
func DocumentRef(base, source string) (name, id string) {
	dir := ""
	if base != "" {
		dir = filepath.Join(base, archivesDir)
	}
	return documentRef(dir, source)
}

// uploadSource is the source name the chunks of an upload record.
func uploadSource(f *File) string { return f.ID + "/" + f.Filename }

func documentRef(archives, source string) (name, id string) {
	if source == "" {
		return "", ""
	}
	if fid, fname, ok := strings.Cut(source, "/"); ok && validFileID(fid) && fname != "" && !strings.ContainsAny(fname, `/\`) {
		return fname, fid // an upload (uploadSource)
	}
	if archives != "" {
		if rel, err := filepath.Rel(archives, source); err == nil && !strings.HasPrefix(rel, "..") {
			if fid, fname, ok := strings.Cut(filepath.ToSlash(rel), "/"); ok && validFileID(fid) && !strings.Contains(fname, "/") {
				return fname, fid
			}
		}
	}
	sum := sha256.Sum256([]byte(source))
	id = "doc_" + hex.EncodeToString(sum[:8])
	if u, err := url.Parse(source); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		clean := url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}
		return clean.String(), id
	}
	return filepath.Base(filepath.FromSlash(source)), id
}

// apiSources turns retrieved chunks into the sources reported with a reply.
func (n *Node) apiSources(chunks []rag.Chunk) []api.Source {
	out := make([]api.Source, 0, len(chunks))
	for _, c := range chunks {
		name, id := n.documentRef(c.Source)
		out = append(out, api.Source{Text: c.Text, Document: name, DocumentID: id, Score: c.Score})
	}
	return out
}
