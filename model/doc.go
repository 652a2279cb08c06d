// Package model owns the transformer architectures the engine runs: reading
// their hyperparameters from GGUF metadata (Config), binding their weights
// to memory-mapped tensor data with shape checks (Load), and the forward
// pass over a batch of tokens (Forward) built from shared blocks (norm,
// attention with a KV cache, feed-forward).
//
// Each architecture is one small file that registers an Arch describing how
// it differs from the common decoder block: rotary embedding order, q/k/v
// biases, per-head q/k normalization, GeGLU instead of SwiGLU, embedding
// scaling, post-norms, fused projections, and a Setup hook for its own
// metadata (sliding-window pattern, per-layer rope base, attention scale).
// Soft-capping, sliding windows, LongRoPE factors and Mixture-of-Experts
// layers come from metadata and tensors, whatever the architecture.
// Supported today: llama (Llama 2/3, Mistral, TinyLlama, SmolLM, and
// Mixtral-style MoE), qwen2, qwen3, gemma, gemma2, gemma3 (text), phi3,
// stablelm (LayerNorm, partial rotary, parallel blocks), exaone, gpt-oss
// (attention sinks, YaRN, biased experts in MXFP4; gptoss.go), deepseek2
// (DeepSeek V2/V2.5/V2-Lite: multi-head latent attention with a latent KV
// cache, YaRN, MoE with shared experts and group-limited routing;
// deepseek2.go) and llama4 (Llama 4 Scout: NoPE layers, chunked attention,
// q/k L2 norm, attention temperature, sigmoid top-1 MoE with a shared
// expert; llama4.go). Their routing variants live in moe_shared.go.
//
// LoRA adapters in llama.cpp's GGUF adapter format (LoadLoRA) add a
// low-rank product to the attention and FFN projections; they are chosen
// per cache slot (State.SetLoRA), so one batch may mix sequences with
// different adapters, several, or none (lora.go).
//
// Weights are never copied: matrices are views into the mapped file and are
// multiplied in their stored type by package kernels; F32 vectors (norms,
// biases) are reinterpreted in place. The KV cache (Cache) stores keys and
// values in F16 (or Q8_0, or F32) per sequence slot; the caller (package
// engine) decides which slot and position each token of a batch occupies.
// Sliding-window layers keep only a ring of Window+batch-1 positions per
// slot (cache.go), so their memory is O(window), not O(context).
//
// Numerics follow llama.cpp's CPU backend: matrix products quantize their
// activations as ggml does (package kernels), norms and softmax accumulate
// in float64 like ggml_float, rope angles are computed as ggml_rope_ext
// computes them, keys and values are rounded to the cache type when
// stored, and with an F16 cache queries and attention probabilities are
// rounded to F16 as ggml converts them for its F16 products. Against llama.cpp's reference logits the normalized RMS error is
// below 0.001 for F16 weights and about 0.02-0.03 for quantized ones.
//
// It must not import engine, tokenizer, sample, node or api.
package model
