package io.genstream.app.routing;

import io.genstream.avro.ModelRoute;
import io.genstream.avro.RouteEntry;
import io.genstream.schemas.AvroCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes an operator's route to the routes topic (what {@code models promote|route} do). */
public final class RouteWriter {

    private RouteWriter() {}

    /**
     * A route over the given versions and weights, with the optional gate settings.
     *
     * @param weights version → weight, in the order the route lists them
     */
    public static ModelRoute route(String alias, Map<String, Double> weights, Double maxFrechetDistance,
            Double minRealism, Double minGrammarValidRate, long now) {
        List<RouteEntry> entries = weights.entrySet().stream().map(e -> {
            if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("weight of version " + e.getKey() + " must be a number >= 0");
            }
            return new RouteEntry(e.getKey(), e.getValue());
        }).toList();
        if (entries.stream().noneMatch(e -> e.getWeight() > 0)) {
            throw new IllegalArgumentException("a route needs at least one version with a positive weight");
        }
        return ModelRoute.newBuilder().setAlias(alias).setRoutes(entries).setMaxFrechetDistance(maxFrechetDistance)
                .setMinRealism(minRealism).setMinGrammarValidRate(minGrammarValidRate).setUpdatedAt(now).build();
    }

    /** Writes {@code route} under its alias and waits until the broker has it. */
    public static void write(Map<String, Object> clientConfig, String topic, ModelRoute route) {
        Map<String, Object> props = new HashMap<>(clientConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, route.getAlias(), AvroCodec.of(ModelRoute.class).encode(route)))
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the route of " + route.getAlias() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the route within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the route", e);
        }
    }
}
