/**
 * Model execution without Kafka: which devices to run on, the {@link io.genstream.app.runtime.DynamicBatcher} that
 * merges single items from many stream threads into batches for a pool of model instances, and the
 * {@link io.genstream.app.runtime.ContinuousBatcher} that batches text generation token by token. No Kafka imports.
 */
package io.genstream.app.runtime;
