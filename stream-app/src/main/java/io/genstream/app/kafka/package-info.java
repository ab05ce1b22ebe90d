/**
 * Kafka plumbing outside the topology: the embedded KRaft broker for the demo and tests, and
 * topic administration. Nothing here decides what a record means.
 */
package io.genstream.app.kafka;
