/**
 * Image encoding for output records: deterministic PNG bytes from generated pixels, so the same
 * seed and model version always give the same bytes.
 */
package io.genstream.app.image;
