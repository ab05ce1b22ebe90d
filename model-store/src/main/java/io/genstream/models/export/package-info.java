/**
 * The lean, inference-only graphs of the digits models (digits-gan, digits-vae, digits-eval): in-process
 * use for evaluation and contact sheets, and export as TensorFlow SavedModels with their serving contracts.
 */
package io.genstream.models.export;
