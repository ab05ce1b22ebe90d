/**
 * The model registry: finds every {@code <root>/<name>/<version>/model.json}, orders versions
 * numerically, looks models up by name and version, and verifies their files.
 */
package io.genstream.models.registry;
