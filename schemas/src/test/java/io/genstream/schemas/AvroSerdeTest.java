package io.genstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genstream.avro.ModelRoute;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.RecordDecodeException.Reason;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The serde keeps Kafka's contracts: null is a tombstone both ways, and failures are SerializationExceptions. */
class AvroSerdeTest {

  private final AvroSerde<ModelRoute> serde = AvroSerde.of(ModelRoute.class);

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serde.serializer().serialize("routes", null)).isNull();
    assertThat(serde.deserializer().deserialize("routes", null)).isNull();
  }

  @Test
  void undecodableBytesThrowSerializationExceptionCarryingTheReason() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("routes", new byte[] {1, 2, 3}))
        .isInstanceOf(SerializationException.class)
        .isInstanceOfSatisfying(AvroDeserializationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining("routes")
        .hasCauseInstanceOf(RecordDecodeException.class);
  }

  @Test
  void recordOfAnotherTypeIsUnknownSchema() {
    byte[] noiseSeed = AvroSerde.of(NoiseSeedEvent.class).serializer().serialize("t", SampleRecords.noiseSeed());

    assertThatThrownBy(() -> serde.deserializer().deserialize("routes", noiseSeed))
        .isInstanceOfSatisfying(AvroDeserializationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA));
  }

  @Test
  void invalidRecordThrowsSerializationException() {
    ModelRoute missingAlias = new ModelRoute(); // required fields left null

    assertThatThrownBy(() -> serde.serializer().serialize("routes", missingAlias))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("ModelRoute");
  }

  @Test
  void recordOverTheLimitIsRefusedAtTheProducer() {
    AvroSerde<NoiseSeedEvent> small = new AvroSerde<>(AvroCodec.of(NoiseSeedEvent.class, 16));

    assertThatThrownBy(() -> small.serializer().serialize("seeds", SampleRecords.noiseSeed()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("over the limit of 16");
  }
}
