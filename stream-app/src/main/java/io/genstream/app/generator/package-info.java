/**
 * Generator models as the topology sees them: what a model needs as input (latents, labels),
 * how requests turn into items, and the DJL-backed implementation that runs them.
 */
package io.genstream.app.generator;
