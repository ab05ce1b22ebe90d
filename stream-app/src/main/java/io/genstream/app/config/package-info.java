/**
 * The one typed configuration of genstream: every key with its default and a one-line doc,
 * parsed once from defaults, a properties file, {@code GENSTREAM_*} environment variables and flags.
 */
package io.genstream.app.config;
