package io.genstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.avro.ModelRoute;
import io.genstream.avro.NoiseSeedEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The conventions every genstream schema follows, so that non-Java clients and later versions can rely on them. */
class SchemaConventionsTest {

  @Test
  void everyRecordIsInTheGenstreamNamespaceAndEveryFieldHasADoc() {
    for (Schema record : namedRecords().values()) {
      assertThat(record.getNamespace()).as(record.getName()).isEqualTo("io.genstream.avro");
      assertThat(record.getDoc()).as(record.getName()).isNotBlank();
      for (Schema.Field field : record.getFields()) {
        assertThat(field.doc()).as(record.getName() + "." + field.name()).isNotBlank();
      }
    }
  }

  @Test
  void optionalFieldsAreNullFirstUnionsDefaultingToNull() {
    for (Schema record : namedRecords().values()) {
      for (Schema.Field field : record.getFields()) {
        if (field.schema().getType() == Schema.Type.UNION) {
          assertThat(field.schema().getTypes()).as(record.getName() + "." + field.name()).hasSize(2);
          assertThat(field.schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
          assertThat(field.defaultVal()).as(record.getName() + "." + field.name()).isEqualTo(JsonProperties.NULL_VALUE);
        }
      }
    }
  }

  @Test
  void timestampsArePlainLongsInEpochMillis() {
    for (Schema record : namedRecords().values()) {
      for (Schema.Field field : record.getFields()) {
        assertThat(field.schema().getLogicalType()).as(record.getName() + "." + field.name()).isNull();
        if (field.name().endsWith("At") || field.name().startsWith("window")) {
          assertThat(field.schema().getType()).isEqualTo(Schema.Type.LONG);
          assertThat(field.doc()).contains("epoch millis");
        }
      }
    }
  }

  @Test
  void noiseSeedDefaultsMakeAMinimalRequestOneUnconditionedImage() {
    NoiseSeedEvent event = NoiseSeedEvent.newBuilder()
        .setRequestId("r").setModel("digits-gan").setSeed(1L).setCreatedAt(0L).build();

    assertThat(event.getCount()).isEqualTo(1);
    assertThat(event.getSteps()).isZero();
    assertThat(event.getLabel()).isNull();
    assertThat(event.getInterpolateTo()).isNull();
  }

  @Test
  void modelRouteQualityGateIsOffByDefault() {
    ModelRoute route = ModelRoute.newBuilder()
        .setAlias("a").setRoutes(java.util.List.of()).setUpdatedAt(0L).build();

    assertThat(route.getMinRealism()).isNull();
    assertThat(route.getMaxFrechetDistance()).isNull();
    assertThat(route.getMinGrammarValidRate()).isNull();
  }

  /** Every record reachable from the top-level records, nested ones included, by full name. */
  private static Map<String, Schema> namedRecords() {
    Map<String, Schema> found = new LinkedHashMap<>();
    Deque<Schema> todo = new ArrayDeque<>();
    for (SpecificRecord record : SampleRecords.all()) {
      todo.add(record.getSchema());
    }
    while (!todo.isEmpty()) {
      Schema schema = todo.pop();
      switch (schema.getType()) {
        case RECORD -> {
          if (found.putIfAbsent(schema.getFullName(), schema) == null) {
            schema.getFields().forEach(f -> todo.add(f.schema()));
          }
        }
        case UNION -> todo.addAll(schema.getTypes());
        case ARRAY -> todo.add(schema.getElementType());
        case MAP -> todo.add(schema.getValueType());
        default -> { }
      }
    }
    return found;
  }
}
