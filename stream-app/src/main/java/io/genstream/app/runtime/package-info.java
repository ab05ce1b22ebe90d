/**
 * Model execution without Kafka: which devices to run on (every GPU, else the CPU), and pools of
 * model instances per device. No Kafka imports here.
 */
package io.genstream.app.runtime;
