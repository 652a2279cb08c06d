package qdrantapi

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/gaianet-go/gaianet/vectorstore"
)

type aliasJSON struct {
	Alias      string `json:"alias_name"`
	Collection string `json:"collection_name"`
}

// updateAliases serves POST /collections/aliases: the actions apply
// atomically, in order.
func (s *Server) updateAliases(w http.ResponseWriter, r *http.Request) (any, error) {
	var req struct {
		Actions *[]struct {
			Create *struct {
				Collection *string `json:"collection_name"`
				Alias      *string `json:"alias_name"`
			} `json:"create_alias"`
			Delete *struct {
				Alias *string `json:"alias_name"`
			} `json:"delete_alias"`
			Rename *struct {
				Old *string `json:"old_alias_name"`
				New *string `json:"new_alias_name"`
			} `json:"rename_alias"`
		} `json:"actions"`
	}
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if req.Actions == nil {
		return nil, badRequest("actions is required")
	}
	var acts []vectorstore.AliasAction
	for i, a := range *req.Actions {
		n := 0
		var act vectorstore.AliasAction
		if c := a.Create; c != nil {
			n++
			if c.Collection == nil || c.Alias == nil {
				return nil, badRequest("actions[%d].create_alias needs collection_name and alias_name", i)
			}
			act.Create = &vectorstore.CreateAlias{Collection: *c.Collection, Alias: *c.Alias}
		}
		if d := a.Delete; d != nil {
			n++
			if d.Alias == nil {
				return nil, badRequest("actions[%d].delete_alias needs alias_name", i)
			}
			act.Delete = &vectorstore.DeleteAlias{Alias: *d.Alias}
		}
		if rn := a.Rename; rn != nil {
			n++
			if rn.Old == nil || rn.New == nil {
				return nil, badRequest("actions[%d].rename_alias needs old_alias_name and new_alias_name", i)
			}
			act.Rename = &vectorstore.RenameAlias{Old: *rn.Old, New: *rn.New}
		}
		if n != 1 {
			return nil, badRequest("actions[%d] must be exactly one of create_alias, delete_alias, rename_alias", i)
		}
		acts = append(acts, act)
	}
	if err := s.store.UpdateAliases(r.Context(), acts); err != nil {
		return nil, err
	}
	return true, nil
}

func (s *Server) listAliases(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.aliasesOf(r.PathValue("c"))
}

func (s *Server) aliasesOf(coll string) (any, error) {
	if coll != "" {
		if _, err := s.store.CollectionInfo(coll); err != nil {
			return nil, err
		}
	}
	// Aliases("") lists every alias.
	out := []aliasJSON{}
	for _, a := range s.store.Aliases(coll) {
		out = append(out, aliasJSON{Alias: a.Alias, Collection: a.Collection})
	}
	return map[string]any{"aliases": out}, nil
}

// payloadIndexReq is Qdrant's CreateFieldIndex.
type payloadIndexReq struct {
	FieldName   *string         `json:"field_name"`
	FieldSchema json.RawMessage `json:"field_schema"`
}

// indexSchemaJSON is Qdrant's PayloadSchemaParams (the object form).
type indexSchemaJSON struct {
	Type           string                 `json:"type"`
	Tokenizer      *string                `json:"tokenizer"`
	MinTokenLen    *int                   `json:"min_token_len"`
	MaxTokenLen    *int                   `json:"max_token_len"`
	Lowercase      *bool                  `json:"lowercase"`
	PhraseMatching *bool                  `json:"phrase_matching"`
	IsTenant       *bool                  `json:"is_tenant"`
	IsPrincipal    *bool                  `json:"is_principal"`
	OnDisk         *bool                  `json:"on_disk"`
	Lookup         *bool                  `json:"lookup"`
	Range          *bool                  `json:"range"`
	EnableHNSW     *bool                  `json:"enable_hnsw"`
	Stopwords      *vectorstore.Stopwords `json:"stopwords"`
	Stemmer        json.RawMessage        `json:"stemmer"`
	ASCIIFolding   *bool                  `json:"ascii_folding"`
	Prefix         *bool                  `json:"prefix"`
}

var indexTypes = map[string]bool{"keyword": true, "integer": true, "float": true, "bool": true,
	"datetime": true, "text": true, "uuid": true, "geo": true}

func decodeIndexSchema(raw json.RawMessage) (vectorstore.PayloadIndexParams, error) {
	var p vectorstore.PayloadIndexParams
	var typ string
	if json.Unmarshal(raw, &typ) == nil {
		if !indexTypes[typ] {
			return p, badRequest("field_schema %q: want keyword, integer, float, bool, datetime, text, uuid or geo", typ)
		}
		p.Type = vectorstore.PayloadSchemaType(typ)
		return p, nil
	}
	var sc indexSchemaJSON
	if err := decodeJSON(raw, &sc); err != nil {
		return p, err
	}
	if !indexTypes[sc.Type] {
		return p, badRequest("field_schema.type %q: want keyword, integer, float, bool, datetime, text, uuid or geo", sc.Type)
	}
	if (sc.Lookup != nil || sc.Range != nil) && sc.Type != "integer" {
		return p, badRequest("field_schema: lookup and range are options of integer indexes only")
	}
	if sc.Lookup != nil && sc.Range != nil && !*sc.Lookup && !*sc.Range {
		return p, unprocessable("field_schema: Validation error: the 'lookup' and 'range' capabilities can't be both disabled")
	}
	switch {
	case present(sc.Stemmer):
		return p, refusedField("field_schema.stemmer", "stemming")
	case sc.ASCIIFolding != nil && *sc.ASCIIFolding:
		return p, refusedField("field_schema.ascii_folding", "ASCII folding")
	}
	p.Type = vectorstore.PayloadSchemaType(sc.Type)
	if sc.Tokenizer != nil {
		switch *sc.Tokenizer {
		case "word", "whitespace", "prefix":
			p.Tokenizer = *sc.Tokenizer
		case "multilingual":
			return p, refusedField("field_schema.tokenizer multilingual", "the multilingual tokenizer")
		default:
			return p, badRequest("field_schema.tokenizer %q: want word, whitespace or prefix", *sc.Tokenizer)
		}
	}
	if sc.MinTokenLen != nil {
		p.MinTokenLen = *sc.MinTokenLen
	}
	if sc.MaxTokenLen != nil {
		p.MaxTokenLen = *sc.MaxTokenLen
	}
	p.Lowercase = sc.Lowercase
	p.PhraseMatching = sc.PhraseMatching
	p.Prefix = sc.Prefix
	p.Stopwords = sc.Stopwords
	return p, nil
}

func (s *Server) createIndex(w http.ResponseWriter, r *http.Request) (any, error) {
	var req payloadIndexReq
	if err := s.decodeBody(w, r, &req); err != nil {
		return nil, err
	}
	if req.FieldName == nil || *req.FieldName == "" {
		return nil, badRequest("field_name is required")
	}
	if !present(req.FieldSchema) {
		return nil, badRequest("field_schema is required (this store does not infer index types)")
	}
	if _, err := parsePayloadPath(*req.FieldName); err != nil {
		return nil, err
	}
	params, err := decodeIndexSchema(req.FieldSchema)
	if err != nil {
		return nil, err
	}
	c, field := r.PathValue("c"), *req.FieldName
	if err := s.store.CreatePayloadIndex(r.Context(), c, field, params); err != nil {
		return nil, err
	}
	var given json.RawMessage
	if bytes.HasPrefix(bytes.TrimSpace(req.FieldSchema), []byte("{")) {
		var obj map[string]any // canonical form of the object given
		if err := json.Unmarshal(req.FieldSchema, &obj); err != nil {
			return nil, badRequest("field_schema: %v", err)
		}
		given, _ = json.Marshal(obj)
	}
	err = s.updateSettings(r.Context(), c, func(set *collectionSettings) {
		if given == nil {
			delete(set.IndexSchemas, field)
			return
		}
		if set.IndexSchemas == nil {
			set.IndexSchemas = map[string]json.RawMessage{}
		}
		set.IndexSchemas[field] = given
	})
	if err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}

func (s *Server) deleteIndex(w http.ResponseWriter, r *http.Request) (any, error) {
	c, field := r.PathValue("c"), r.PathValue("field")
	if _, err := s.store.DeletePayloadIndex(r.Context(), c, field); err != nil {
		return nil, err
	}
	if err := s.updateSettings(r.Context(), c, func(set *collectionSettings) { delete(set.IndexSchemas, field) }); err != nil {
		return nil, err
	}
	return s.updateResult(), nil
}
