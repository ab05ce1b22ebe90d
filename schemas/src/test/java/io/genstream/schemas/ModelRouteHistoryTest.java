package io.genstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.avro.ModelRoute;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** A route written before {@code reason} existed (history {@code ModelRoute/v1.avsc}) still decodes, reason null. */
class ModelRouteHistoryTest {

  @Test
  void aRouteWrittenWithTheFirstSchemaDecodesWithNoReason() throws Exception {
    Schema v1;
    try (InputStream in = getClass().getResourceAsStream("/io/genstream/avro/history/ModelRoute/v1.avsc")) {
      v1 = new Schema.Parser().parse(in);
    }
    Schema entrySchema = v1.getField("routes").schema().getElementType();
    GenericRecord entry = new GenericData.Record(entrySchema);
    entry.put("version", "2");
    entry.put("weight", 0.25);
    GenericRecord old = new GenericData.Record(v1);
    old.put("alias", "digits-gan");
    old.put("routes", List.of(entry));
    old.put("maxFrechetDistance", 40.0);
    old.put("updatedAt", 1_700_000_000_000L);
    byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

    ModelRoute route = AvroCodec.of(ModelRoute.class).decode(bytes);

    assertThat(route.getAlias()).isEqualTo("digits-gan");
    assertThat(route.getRoutes()).singleElement().satisfies(e -> {
      assertThat(e.getVersion()).isEqualTo("2");
      assertThat(e.getWeight()).isEqualTo(0.25);
    });
    assertThat(route.getMaxFrechetDistance()).isEqualTo(40.0);
    assertThat(route.getReason()).isNull();
    assertThat(v1.getField("reason")).isNull();
  }
}
