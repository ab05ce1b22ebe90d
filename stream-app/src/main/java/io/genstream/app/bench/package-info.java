/**
 * The {@code bench} command: raw model limit, a per-record baseline topology and genstream itself,
 * measured side by side on one embedded broker, with the latency at half load and the targets.
 */
package io.genstream.app.bench;
