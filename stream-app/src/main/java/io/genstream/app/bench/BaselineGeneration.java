package io.genstream.app.bench;

import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.GenerationException;
import io.genstream.app.generator.ImageItem;
import io.genstream.app.generator.ImageModel;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ImagePlan;
import io.genstream.app.runtime.Batched;
import io.genstream.app.topology.ImageContent;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * The baseline's one step, as the usual model-inference-in-Kafka-Streams examples write it: decode
 * the event, call the model for this record alone (a batch of 1) on the stream thread, encode the
 * PNG, return the content record. It does the same per-item work as genstream (same latent, same
 * PNG, same record) so that the two differ only in how model calls are made.
 *
 * <p>Like those examples it has no dead-letter path: an event it cannot serve fails the stream
 * thread. The bench only sends valid events of one image each.
 */
final class BaselineGeneration implements ValueMapper<byte[], GeneratedContent> {

    private final ImageModel model;
    private final Clock clock;
    private final AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);

    BaselineGeneration(ImageModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    @Override
    public GeneratedContent apply(byte[] value) {
        NoiseSeedEvent event;
        try {
            event = codec.decode(value);
        } catch (RecordDecodeException e) {
            throw new IllegalArgumentException("baseline: undecodable event: " + e.getMessage(), e);
        }
        ImageModelInfo info = model.info();
        List<ImageItem> items = ImagePlan.items(event, info);
        if (items.size() != 1) {
            throw new IllegalArgumentException("baseline serves one image per event, not " + items.size());
        }
        ImageItem item = items.get(0);
        long start = System.nanoTime();
        GeneratedImage image;
        try {
            image = model.generate(new float[][] {item.latent()}, new int[] {item.label()}).get(0);
        } catch (GenerationException e) {
            throw new IllegalStateException("baseline: model call failed: " + e.getMessage(), e);
        }
        double inferenceMs = (System.nanoTime() - start) / 1e6;
        return ImageContent.of(event, info, item, new Batched<>(image, 1, 0.0, inferenceMs), clock.millis());
    }
}
