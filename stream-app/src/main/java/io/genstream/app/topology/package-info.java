/**
 * The Kafka Streams topologies, read top-down as the data flows: source, validate, generate,
 * sink, with every rejected input routed to the dead-letter topic. No wiring or configuration here.
 */
package io.genstream.app.topology;
