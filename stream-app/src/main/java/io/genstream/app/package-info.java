/**
 * genstream's streaming application: {@link io.genstream.app.GenstreamApplication} wires the
 * configuration, the model catalog and the topologies into a running Kafka Streams instance.
 */
package io.genstream.app;
