/**
 * Input validation: decoding and checking each request against the configured bounds and the
 * known models, yielding either the request or a typed rejection with a stable reason code.
 */
package io.genstream.app.validation;
