/**
 * The gallery: a bounded ring of the latest generated items and a bounded per-model-version time series
 * (throughput, latency, quality), fed from the emit path and rendered as one self-contained HTML page.
 */
package io.genstream.app.gallery;
