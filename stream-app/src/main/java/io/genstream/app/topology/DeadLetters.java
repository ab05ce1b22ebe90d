package io.genstream.app.topology;

import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.validation.Rejection;
import io.genstream.avro.RejectedEvent;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Builds dead-letter records: where the input came from, its bytes, and why it was refused; and
 * counts the rejection. The copied value is bounded so that a rejected oversized input can never
 * make the dead-letter write itself fail.
 */
public final class DeadLetters {

    /** Most bytes of a rejected input copied onto its dead-letter record. */
    public static final int MAX_COPIED_BYTES = 64 * 1024;

    private final GenstreamMetrics metrics;
    private final Clock clock;

    public DeadLetters(GenstreamMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The dead-letter record for an input, counted under its reason. */
    public RejectedEvent reject(
            Optional<RecordMetadata> source, byte[] key, byte[] value, Rejection rejection) {
        String topic = source.map(RecordMetadata::topic).orElse("");
        metrics.rejected(topic, rejection.reason());
        String message = rejection.message();
        byte[] kept = value;
        if (value != null && value.length > MAX_COPIED_BYTES) {
            kept = Arrays.copyOf(value, MAX_COPIED_BYTES);
            message += " (value truncated to its first " + MAX_COPIED_BYTES + " of " + value.length + " bytes)";
        }
        return RejectedEvent.newBuilder()
                .setSourceTopic(topic)
                .setPartition(source.map(RecordMetadata::partition).orElse(-1))
                .setOffset(source.map(RecordMetadata::offset).orElse(-1L))
                .setKey(key == null ? null : ByteBuffer.wrap(Arrays.copyOf(key, Math.min(key.length, MAX_COPIED_BYTES))))
                .setValue(kept == null ? null : ByteBuffer.wrap(kept))
                .setReason(rejection.reason().name())
                .setMessage(message)
                .setRejectedAt(clock.millis())
                .build();
    }
}
