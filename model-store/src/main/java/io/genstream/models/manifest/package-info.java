/**
 * The {@code model.json} manifest written beside every SavedModel: what the model is, its serving
 * signatures, how it was trained and evaluated, and the SHA-256 of each of its files.
 */
package io.genstream.models.manifest;
