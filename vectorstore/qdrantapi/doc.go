// Package qdrantapi serves a subset of Qdrant's REST API over a
// vectorstore.Store, so that tools written for Qdrant (GaiaNet's own
// scripts, LangChain and LlamaIndex clients) can use a node's embedded store.
//
// Routes (all JSON, answers shaped {"result": ..., "status": "ok",
// "time": seconds}; errors {"status": {"error": "..."}, "time": ...} with a
// 4xx/5xx code):
//
//	GET    /collections
//	GET    /collections/{c}
//	PUT    /collections/{c}                      create
//	DELETE /collections/{c}
//	PUT    /collections/{c}/points               upsert (points list or batch form)
//	POST   /collections/{c}/points/delete        by ids or filter
//	POST   /collections/{c}/points               get by ids
//	GET    /collections/{c}/points/{id}
//	POST   /collections/{c}/points/search
//	POST   /collections/{c}/points/query         vector query (nearest)
//	POST   /collections/{c}/points/scroll
//	POST   /collections/{c}/points/count
//	POST   /collections/{c}/snapshots            create
//	GET    /collections/{c}/snapshots            list
//	GET    /collections/{c}/snapshots/{s}        download
//	DELETE /collections/{c}/snapshots/{s}
//	POST   /collections/{c}/snapshots/upload     multipart field "snapshot", or the raw body
//
// Created and downloaded snapshots are vectorstore snapshot files (see the
// vectorstore package). Uploads take those and also Qdrant's own collection
// snapshots (read by the qdrantsnap package), as GaiaNet's installer uploads
// its knowledge bases; the reverse, a snapshot from here restored on a
// Qdrant server, does not work.
//
// It must not import node, api, rag or kb.
package qdrantapi
