package io.genstream.app.topology;

import io.genstream.app.quality.QualityObservation;
import io.genstream.app.quality.QualityObservationCodec;
import io.genstream.app.quality.QualityWindow;
import io.genstream.app.quality.QualityWindowCodec;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Serdes of the quality flow's internal records: observations on the repartition topic, windows in the store. */
public final class QualitySerdes {

    private QualitySerdes() {}

    public static Serde<QualityObservation> observation() {
        return of(QualityObservationCodec::encode, QualityObservationCodec::decode);
    }

    public static Serde<QualityWindow> window() {
        return of(QualityWindowCodec::encode, QualityWindowCodec::decode);
    }

    private static <T> Serde<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : encode.apply(value),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return decode.apply(bytes);
                    } catch (IllegalArgumentException e) {
                        throw new SerializationException("topic " + topic + ": " + e.getMessage(), e);
                    }
                });
    }
}
