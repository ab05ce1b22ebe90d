package io.genstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every record type survives the codec and the Kafka serde unchanged, from any number of threads. */
class RoundTripTest {

  static List<SpecificRecord> records() {
    return SampleRecords.all();
  }

  @ParameterizedTest
  @MethodSource("records")
  <T extends SpecificRecord> void codecReturnsTheRecordItEncoded(T record) throws Exception {
    AvroCodec<T> codec = codecFor(record);

    byte[] bytes = codec.encode(record);

    assertThat(codec.decode(bytes)).isEqualTo(record);
  }

  @ParameterizedTest
  @MethodSource("records")
  <T extends SpecificRecord> void encodingStartsWithHeaderAndFingerprintOfTheCurrentSchema(T record) {
    byte[] bytes = codecFor(record).encode(record);

    long fingerprint = SchemaNormalization.parsingFingerprint64(record.getSchema());
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    for (int i = 0; i < 8; i++) {
      assertThat(bytes[2 + i]).as("fingerprint byte %d", i).isEqualTo((byte) (fingerprint >>> (8 * i)));
    }
  }

  @ParameterizedTest
  @MethodSource("records")
  <T extends SpecificRecord> void serdeReturnsTheRecordItSerialized(T record) {
    Serde<T> serde = new AvroSerde<>(codecFor(record));

    byte[] bytes = serde.serializer().serialize("topic", record);

    assertThat(serde.deserializer().deserialize("topic", bytes)).isEqualTo(record);
  }

  @Test
  void oneCodecIsSafeToShareBetweenThreads() throws Exception {
    AvroCodec<io.genstream.avro.PromptEvent> codec = AvroCodec.of(io.genstream.avro.PromptEvent.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            var record = io.genstream.avro.PromptEvent.newBuilder(SampleRecords.prompt())
                .setRequestId("t" + thread + "-" + i).setMaxTokens(i).build();
            if (!codec.decode(codec.encode(record)).equals(record)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecord> AvroCodec<T> codecFor(T record) {
    return AvroCodec.of((Class<T>) record.getClass());
  }
}
