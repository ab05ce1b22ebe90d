/**
 * Quality metrics as pure functions over feature vectors and texts: Fréchet distance, diversity, distinct-n,
 * repetition, BLEU, ROUGE-L and self-BLEU. No Kafka or model imports, so each one is checked by hand in unit tests.
 */
package io.genstream.app.quality;
