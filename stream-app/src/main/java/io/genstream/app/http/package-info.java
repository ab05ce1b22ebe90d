/**
 * The read-only HTTP side of a running instance (JDK HTTP server, bounded): Prometheus metrics, liveness,
 * readiness and the gallery page.
 */
package io.genstream.app.http;
