package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gaianet-go/gaianet/config"
	"github.com/gaianet-go/gaianet/finetune"
	"github.com/gaianet-go/gaianet/ingest"
	"github.com/gaianet-go/gaianet/kb"
	"github.com/gaianet-go/gaianet/node"
	"github.com/gaianet-go/gaianet/rag"
)

// nodeClient calls the API of the node running from a base directory, for
// the kb commands.
type nodeClient struct {
	url    string // http://host:port, no trailing slash
	key    string // API key, when the node requires one
	client *http.Client
}

// nodeAddr returns the address the node running from base with pid
// listens on: the one its pid file records after the pid, else the one the
// process is seen listening on (Linux), else llamaedge_port; found says
// whether it was seen rather than assumed from config.json. The address may
// be a wildcard (0.0.0.0:8080): connect to loopback(addr).
func nodeAddr(base string, cfg *config.Config, pid int) (addr string, found bool) {
	addr = fmt.Sprintf("127.0.0.1:%d", cfg.LlamaEdgePort)
	if b, err := os.ReadFile(filepath.Join(base, pidFile)); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			line := strings.TrimPrefix(strings.TrimSpace(sc.Text()), "http://")
			if _, port, err := net.SplitHostPort(line); err == nil {
				if _, err := strconv.Atoi(port); err == nil {
					return line, true
				}
			}
		}
	}
	if addrs, err := listenAddrs(pid); err == nil && len(addrs) > 0 {
		return addrs[0], true
	}
	return addr, false
}

// loopback replaces a wildcard host with the loopback address, to reach a
// node that listens on all interfaces.
func loopback(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// runningNode returns a client for the node running from base (found by its
// pid file, reached at nodeAddr), or nil when none runs.
func runningNode(ctx context.Context, base string, cfg *config.Config) (*nodeClient, error) {
	pid := runningPID(base)
	if pid == 0 {
		return nil, nil
	}
	addr, _ := nodeAddr(base, cfg, pid)
	c := &nodeClient{url: "http://" + loopback(addr), client: &http.Client{}}
	if len(cfg.Ext.APIKeys) > 0 {
		c.key = cfg.Ext.APIKeys[0]
	}
	if err := c.do(ctx, "GET", "/health", nil, "", nil); err != nil {
		return nil, fmt.Errorf("a node is running from %s (pid %d) but does not answer at %s: %w\n"+
			"(stop it with 'gaianet stop' to work on the knowledge base files directly)", base, pid, c.url, err)
	}
	return c, nil
}

// apiError is an error the node answered with.
type apiError struct {
	status  int
	message string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("the node answered %d: %s", e.status, e.message)
}

// do sends a request and decodes a JSON answer into out (when not nil).
func (c *nodeClient) do(ctx context.Context, method, path string, body io.Reader, ctype string, out any) error {
	resp, err := c.send(ctx, method, path, body, ctype)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil {
		io.Copy(io.Discard, resp.Body)
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("%s %s: reading the node's answer: %w", method, path, err)
	}
	return nil
}

// send sends a request and returns a successful response; an error answer
// becomes an *apiError with the node's message.
func (c *nodeClient) send(ctx context.Context, method, path string, body io.Reader, ctype string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.url+path, body)
	if err != nil {
		return nil, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if c.key != "" {
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 300 {
		return resp, nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var e struct {
		Error *struct {
			Message string `json:"message"`
		} `json:"error"` // OpenAI-shaped
		Status *struct {
			Error string `json:"error"`
		} `json:"status"` // Qdrant-shaped
	}
	msg := strings.TrimSpace(string(b))
	if json.Unmarshal(b, &e) == nil {
		switch {
		case e.Error != nil:
			msg = e.Error.Message
		case e.Status != nil && e.Status.Error != "":
			msg = e.Status.Error
		}
	}
	return nil, &apiError{status: resp.StatusCode, message: msg}
}

func collectionPath(c string) string { return "/v1/knowledge/collections/" + url.PathEscape(c) }

func (c *nodeClient) stats(ctx context.Context, coll string) (kb.Stats, error) {
	var st kb.Stats
	err := c.do(ctx, "GET", collectionPath(coll), nil, "", &st)
	return st, err
}

func (c *nodeClient) documents(ctx context.Context, coll string) ([]kbDocument, error) {
	var out struct {
		Documents []kbDocument `json:"documents"`
	}
	if err := c.do(ctx, "GET", collectionPath(coll)+"/documents", nil, "", &out); err != nil {
		return nil, err
	}
	return out.Documents, nil
}

func (c *nodeClient) search(ctx context.Context, coll, query string, limit int, threshold float64) ([]node.SearchHit, error) {
	body, err := json.Marshal(map[string]any{"query": query, "limit": limit, "score_threshold": threshold})
	if err != nil {
		return nil, err
	}
	var out struct {
		Hits []node.SearchHit `json:"hits"`
	}
	err = c.do(ctx, "POST", collectionPath(coll)+"/search", bytes.NewReader(body), "application/json", &out)
	return out.Hits, err
}

func (c *nodeClient) deleteDocument(ctx context.Context, coll, id string) (int, error) {
	var out struct {
		Chunks int `json:"chunks"`
	}
	err := c.do(ctx, "DELETE", collectionPath(coll)+"/documents/"+url.PathEscape(id), nil, "", &out)
	return out.Chunks, err
}

type remoteIngestOptions struct {
	csv            ingest.CSVMode
	chunk, overlap int
}

// ingest reads each input here (expanding folders, fetching URLs) and sends
// it to the node under its source name, as 'kb ingest' names documents when
// no node runs, so re-ingesting an unchanged file is skipped either way.
func (c *nodeClient) ingest(ctx context.Context, coll string, inputs []string, opt remoteIngestOptions, progress func(ingest.Progress)) (*kb.Report, error) {
	var (
		sources []string
		errs    []error
	)
	rep := &kb.Report{}
	for _, in := range inputs {
		s, e := ingest.Expand(in)
		sources = append(sources, s...)
		errs = append(errs, e...)
		rep.Failed += len(e)
	}
	total := len(sources) + rep.Failed
	progress(ingest.Progress{Total: total})
	done := rep.Failed
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return rep, errors.Join(append(errs, err)...)
		}
		res, err := c.ingestOne(ctx, coll, src, opt)
		done++
		p := ingest.Progress{Done: done, Total: total, Source: src}
		if err != nil {
			err = &ingest.InputError{Source: src, Err: err}
			errs = append(errs, err)
			rep.Failed++
			p.Err = err
		} else {
			rep.Added += res.Added
			rep.Replaced += res.Replaced
			rep.Unchanged += res.Unchanged
			rep.Chunks += res.Chunks
			p.Chunks, p.Skipped = res.Chunks, res.Unchanged > 0
		}
		progress(p)
	}
	return rep, errors.Join(errs...)
}

func (c *nodeClient) ingestOne(ctx context.Context, coll, src string, opt remoteIngestOptions) (*node.IngestResult, error) {
	var (
		data  []byte
		ctype string
		err   error
	)
	if u, perr := url.Parse(src); perr == nil && (u.Scheme == "http" || u.Scheme == "https") {
		var f *ingest.Fetched
		if f, err = (ingest.Fetcher{}).Fetch(ctx, src); err != nil {
			return nil, err
		}
		data, ctype = f.Body, f.ContentType
	} else if data, err = os.ReadFile(src); err != nil {
		return nil, err
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fields := map[string]string{"source": src, "csv": opt.csv.String()}
	if opt.chunk > 0 {
		fields["chunk_tokens"] = strconv.Itoa(opt.chunk)
	}
	if opt.overlap >= 0 {
		fields["overlap_tokens"] = strconv.Itoa(opt.overlap)
	}
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			return nil, err
		}
	}
	h := make(map[string][]string)
	h["Content-Disposition"] = []string{fmt.Sprintf(`form-data; name="file"; filename=%q`, filepath.Base(src))}
	if ctype != "" {
		h["Content-Type"] = []string{ctype}
	}
	part, err := mw.CreatePart(h)
	if err != nil {
		return nil, err
	}
	part.Write(data)
	if err := mw.Close(); err != nil {
		return nil, err
	}
	var res node.IngestResult
	err = c.do(ctx, "POST", collectionPath(coll)+"/documents", &body, mw.FormDataContentType(), &res)
	return &res, err
}

// export writes the collection's snapshot: the node makes one through its
// Qdrant-compatible API, the client downloads it, and the node's copy is
// deleted.
func (c *nodeClient) export(ctx context.Context, coll string, w io.Writer) error {
	snaps := "/qdrant/collections/" + url.PathEscape(coll) + "/snapshots"
	var made struct {
		Result struct {
			Name string `json:"name"`
		} `json:"result"`
	}
	if err := c.do(ctx, "POST", snaps, nil, "", &made); err != nil {
		return qdrantRouteError(err)
	}
	defer c.do(context.WithoutCancel(ctx), "DELETE", snaps+"/"+url.PathEscape(made.Result.Name), nil, "", nil)
	resp, err := c.send(ctx, "GET", snaps+"/"+url.PathEscape(made.Result.Name), nil, "")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return err
}

// importSnapshot uploads a snapshot file to the node, which replaces the
// collection with it (checking the embedding dimension), and returns the
// collection's new statistics.
func (c *nodeClient) importSnapshot(ctx context.Context, coll, path string, progressOut io.Writer) (kb.Stats, error) {
	st, err := c.stats(ctx, coll)
	if err != nil {
		return st, err
	}
	f, err := os.Open(path)
	if err != nil {
		return st, fmt.Errorf("snapshot: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return st, err
	}
	bar := newProgressBar(progressOut, "uploading "+filepath.Base(path), "B")
	body := &countingReader{r: f, progress: func(n int64) { bar.update(n, fi.Size()) }}
	q := url.Values{}
	if st.Dim > 0 {
		q.Set("dim", strconv.Itoa(st.Dim))
	}
	if st.EmbeddingModel != "" {
		q.Set("embedding_model", st.EmbeddingModel)
	}
	err = c.do(ctx, "POST", "/qdrant/collections/"+url.PathEscape(coll)+"/snapshots/upload?"+q.Encode(), body, "application/octet-stream", nil)
	bar.finish()
	if err != nil {
		return st, qdrantRouteError(err)
	}
	return c.stats(ctx, coll)
}

// qdrantRouteError explains a missing /qdrant/ API: a node keeping its
// knowledge base in an external Qdrant cluster has none.
func qdrantRouteError(err error) error {
	var ae *apiError
	if errors.As(err, &ae) && (ae.status == http.StatusNotFound || ae.status == http.StatusMethodNotAllowed) {
		return fmt.Errorf("%w (snapshots through the node work with the embedded vector store only; use the Qdrant cluster's own snapshot API)", err)
	}
	return err
}

// chunks returns every chunk of a collection, through the node's Qdrant
// API (scroll, in id order).
func (c *nodeClient) chunks(ctx context.Context, coll string) ([]finetune.Chunk, error) {
	var out []finetune.Chunk
	var offset any
	for {
		body, _ := json.Marshal(map[string]any{"limit": 256, "offset": offset, "with_payload": true, "with_vector": false})
		var page struct {
			Result struct {
				Points []struct {
					ID      any            `json:"id"`
					Payload map[string]any `json:"payload"`
				} `json:"points"`
				Next any `json:"next_page_offset"`
			} `json:"result"`
		}
		if err := c.do(ctx, "POST", "/qdrant/collections/"+url.PathEscape(coll)+"/points/scroll", bytes.NewReader(body), "application/json", &page); err != nil {
			return nil, err
		}
		for _, p := range page.Result.Points {
			if text, _ := p.Payload[rag.PayloadText].(string); strings.TrimSpace(text) != "" {
				out = append(out, finetune.Chunk{ID: fmt.Sprint(p.ID), Text: text})
			}
		}
		if page.Result.Next == nil {
			return out, nil
		}
		offset = page.Result.Next
	}
}
