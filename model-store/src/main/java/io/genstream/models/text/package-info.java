/**
 * The {@code catalog} text data set (a seeded grammar of recommendation blurbs and its recogniser)
 * and what both character-level text models share: vocabulary, context prefix, token sampling, batches.
 */
package io.genstream.models.text;
