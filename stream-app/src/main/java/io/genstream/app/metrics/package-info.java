/**
 * Micrometer meters of genstream, bound to whatever registry the wiring supplies (Prometheus when served):
 * requests in, items out and end-to-end latency, rejections by reason, batching and inference per model version.
 */
package io.genstream.app.metrics;
