package io.genstream.app.topology;

import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.validation.Rejection;
import io.genstream.app.validation.RejectionReason;
import io.genstream.app.validation.Validated;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import org.apache.avro.specific.SpecificRecord;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * First stage of every request flow: bound the input's size, decode it, validate it, and (when
 * configured) hold each record key to its request rate. Every failure becomes a dead-letter
 * outcome with its reason; nothing here throws.
 *
 * @param <E> the request event type
 */
final class Intake<E extends SpecificRecord> implements FixedKeyProcessor<byte[], byte[], Outcome<E>> {

    private final AvroCodec<E> codec;
    private final Function<E, Validated<E>> validator;
    private final int maxInputBytes;
    private final DeadLetters deadLetters;
    private final GenstreamMetrics metrics;
    private final RequestRateLimit rateLimit;
    private final String rateStore;
    private FixedKeyProcessorContext<byte[], Outcome<E>> context;
    private KeyRateLimiter limiter;

    Intake(
            AvroCodec<E> codec,
            Function<E, Validated<E>> validator,
            int maxInputBytes,
            DeadLetters deadLetters,
            GenstreamMetrics metrics,
            RequestRateLimit rateLimit,
            String rateStore) {
        this.codec = codec;
        this.validator = validator;
        this.maxInputBytes = maxInputBytes;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.rateLimit = rateLimit;
        this.rateStore = rateStore;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Outcome<E>> context) {
        this.context = context;
        if (rateLimit.enabled()) {
            limiter = new KeyRateLimiter(rateLimit, context.getStateStore(rateStore));
        }
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        context.recordMetadata().ifPresent(m -> metrics.requestReceived(m.topic()));
        Validated<E> result = intake(record.value());
        if (result.isAccepted() && limiter != null) {
            Optional<Rejection> limited = limiter.admit(record.key(), record.timestamp(),
                    context.currentStreamTimeMs());
            if (limited.isPresent()) {
                result = Validated.rejected(limited.get().reason(), limited.get().message());
            }
        }
        Outcome<E> outcome = result.isAccepted()
                ? Outcome.accepted(result.value(), record.value())
                : Outcome.rejected(deadLetters.reject(
                        context.recordMetadata(), record.key(), record.value(), result.rejection()));
        context.forward(record.withValue(outcome));
    }

    private Validated<E> intake(byte[] value) {
        if (value != null && value.length > maxInputBytes) {
            return Validated.rejected(RejectionReason.TOO_LARGE,
                    "value has " + value.length + " bytes; at most " + maxInputBytes);
        }
        E event;
        try {
            event = codec.decode(value);
        } catch (RecordDecodeException e) {
            return Validated.rejected(reasonOf(e), e.getMessage());
        }
        return validator.apply(event);
    }

    static RejectionReason reasonOf(RecordDecodeException e) {
        return switch (e.reason()) {
            case UNKNOWN_SCHEMA -> RejectionReason.UNKNOWN_SCHEMA;
            case TOO_LARGE -> RejectionReason.TOO_LARGE;
            case MALFORMED -> RejectionReason.MALFORMED;
        };
    }
}
