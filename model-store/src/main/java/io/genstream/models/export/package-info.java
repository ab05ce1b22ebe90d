/**
 * The lean, inference-only digits-gan graph: in-process generation for evaluation and contact
 * sheets, and export as a TensorFlow SavedModel with the serving contract in {@link io.genstream.models.export.GanSignatures}.
 */
package io.genstream.models.export;
