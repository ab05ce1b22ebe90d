/**
 * Micrometer meters of genstream, bound to whatever registry the wiring supplies: requests in,
 * items out, rejections by reason, inference time per model version.
 */
package io.genstream.app.metrics;
