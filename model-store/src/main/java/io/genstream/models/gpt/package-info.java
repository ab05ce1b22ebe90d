/**
 * catalog-gpt: a small decoder-only Transformer over characters, its training graph and trainer, and the
 * lean SavedModel with the text contract's {@code prefill} and incremental {@code step} (KV cache in {@code state}).
 */
package io.genstream.models.gpt;
