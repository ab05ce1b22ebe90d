package io.genstream.app.topology;

import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.GenerationException;
import io.genstream.app.generator.ImageItem;
import io.genstream.app.generator.ImageModel;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ImagePlan;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.image.PngEncoder;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.validation.Rejection;
import io.genstream.app.validation.RejectionReason;
import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.Image;
import io.genstream.avro.NoiseSeedEvent;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Generates the images of one accepted request in one model call, encodes them as PNG and
 * emits one content record per item. A model failure rejects only this request, to the DLQ.
 */
final class ImageGeneration
        implements Processor<byte[], Outcome<NoiseSeedEvent>, byte[], Outcome<GeneratedContent>> {

    private final ModelCatalog models;
    private final DeadLetters deadLetters;
    private final GenstreamMetrics metrics;
    private final Clock clock;
    private ProcessorContext<byte[], Outcome<GeneratedContent>> context;

    ImageGeneration(ModelCatalog models, DeadLetters deadLetters, GenstreamMetrics metrics, Clock clock) {
        this.models = models;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<byte[], Outcome<GeneratedContent>> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], Outcome<NoiseSeedEvent>> record) {
        NoiseSeedEvent event = record.value().value();
        long received = clock.millis();
        try {
            ImageModel model = models.image(event.getModel())
                    .orElseThrow(() -> new GenerationException("model " + event.getModel() + " is no longer served"));
            List<ImageItem> items = ImagePlan.items(event, model.info());
            float[][] latents = new float[items.size()][];
            int[] labels = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                latents[i] = items.get(i).latent();
                labels[i] = items.get(i).label();
            }
            long started = System.nanoTime();
            List<GeneratedImage> images = model.generate(latents, labels);
            long elapsedNanos = System.nanoTime() - started;
            metrics.generated(model.info().id(), images.size(), Duration.ofNanos(elapsedNanos));
            double queueMs = Math.max(0, clock.millis() - received - elapsedNanos / 1e6);
            for (int i = 0; i < items.size(); i++) {
                GeneratedContent content = content(event, model.info(), items.get(i), images.get(i),
                        items.size(), queueMs, elapsedNanos / 1e6);
                context.forward(record.withValue(Outcome.accepted(content, null)));
            }
        } catch (GenerationException | RuntimeException e) {
            // A model failure must not stop the stream: this request alone goes to the DLQ.
            Rejection rejection = new Rejection(RejectionReason.GENERATION_FAILED, String.valueOf(e.getMessage()));
            context.forward(record.withValue(Outcome.rejected(deadLetters.reject(
                    context.recordMetadata(), record.key(), record.value().input(), rejection))));
        }
    }

    private GeneratedContent content(
            NoiseSeedEvent event, ImageModelInfo model, ImageItem item, GeneratedImage image,
            int batchSize, double queueMs, double inferenceMs) {
        byte[] png = PngEncoder.grey(image.pixels(), model.width(), model.height());
        return GeneratedContent.newBuilder()
                .setRequestId(event.getRequestId())
                .setIndex(item.index())
                .setModel(event.getModel())
                .setModelName(model.name())
                .setModelVersion(model.version())
                .setKind(ContentKind.IMAGE)
                .setText(null)
                .setImage(Image.newBuilder()
                        .setFormat("png")
                        .setWidth(model.width())
                        .setHeight(model.height())
                        .setData(ByteBuffer.wrap(png))
                        .build())
                .setSeed(item.seed())
                .setLabel(item.label())
                .setScores(Map.of("realism", image.realism()))
                .setBatchSize(batchSize)
                .setQueueMs(queueMs)
                .setInferenceMs(inferenceMs)
                .setCreatedAt(event.getCreatedAt())
                .setEmittedAt(clock.millis())
                .build();
    }
}
