// Package config owns the node's config.json: GaiaNet's file format, read
// and written so that GaiaNet's own tools and ours can share one file.
//
// GaiaNet keeps every value as a JSON string, one key per line, with four
// spaces of indentation:
//
//	{
//	    "address": "",
//	    "domain": "gaia.domains",
//	    "llamaedge_port": "8080",
//	    "chat": "https://huggingface.co/.../Qwen3-4B-Q5_K_M.gguf",
//	    "chat_ctx_size": "16384",
//	    "qdrant_score_threshold": "0.5",
//	    ...
//	}
//
// Its shell scripts read the file line by line (awk -F'"' '{print $4}'), so
// Save keeps that shape: string values, one field per line, the original key
// order, and no HTML escaping ("<|im_end|>" stays readable).
//
// Decoding is tolerant: a number may come as 16384 or "16384", a boolean as
// true, "true", "1" or "yes"; an empty string means "not set". Keys the
// package does not know are kept verbatim in Config.Extra and written back,
// so editing a file never drops a user's field.
//
// The project's own settings (upstream providers, API keys, CORS, slots) live
// in one nested object, "gaianet_go", so they never collide with a key that
// GaiaNet may add later; see Extensions.
//
// Key names come from one place: the `json:` tags of Config and
// Extensions, which the codec reads by reflection (`config:"required"`
// marks the keys GaiaNet's scripts require, always written). The field
// order is the canonical key order. A new setting is a new tagged field;
// nothing else names its key (keys_test.go checks every key of GaiaNet's
// real configs and every extension round-trips).
//
// Defaults come from one place, Default, which mirrors GaiaNet v0.6.0's
// default config.json; ApplyDefaults fills only the operational knobs that
// GaiaNet itself requires (ports, sizes, Qdrant settings), never the model
// choice. Validate reports every problem at once, each wrapping ErrInvalid.
//
// It imports only egress and internal/atomicfile from this module (egress
// for the rule syntax of outbound_allow): everything else reads its
// settings from here.
package config
