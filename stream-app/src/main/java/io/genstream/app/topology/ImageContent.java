package io.genstream.app.topology;

import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.ImageItem;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ImageScorer;
import io.genstream.app.image.PngEncoder;
import io.genstream.app.runtime.Batched;
import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.Image;
import io.genstream.avro.NoiseSeedEvent;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content record of one generated image: the PNG, what reproduces it, its score and timings.
 * Shared by the production topology and the benchmark's baseline, so both write the same record.
 */
public final class ImageContent {

    public static final String REALISM = "realism";
    public static final String CLASS_CONFIDENCE = "classConfidence";
    public static final String PREDICTED_CLASS = "predictedClass";
    public static final String LABEL_MATCH = "labelMatch";

    private ImageContent() {}

    /**
     * The per-item scores: {@value #REALISM} (a GAN's discriminator), and from the image classifier
     * {@value #CLASS_CONFIDENCE} (its top probability), {@value #PREDICTED_CLASS} and, when the
     * request asked for a label, {@value #LABEL_MATCH} (1 when the predicted class is that label).
     */
    static Map<String, Double> scores(NoiseSeedEvent event, GeneratedImage image) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (!Double.isNaN(image.realism())) {
            scores.put(REALISM, image.realism());
        }
        ImageScorer.Score score = image.score();
        if (score != null) {
            scores.put(CLASS_CONFIDENCE, score.confidence());
            scores.put(PREDICTED_CLASS, (double) score.predictedClass());
            if (event.getLabel() != null) {
                scores.put(LABEL_MATCH, score.predictedClass() == event.getLabel() ? 1.0 : 0.0);
            }
        }
        return scores;
    }

    public static GeneratedContent of(NoiseSeedEvent event, ImageModelInfo model, ImageItem item,
            Batched<GeneratedImage> result, long emittedAt) {
        GeneratedImage image = result.value();
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
                .setScores(scores(event, image))
                .setBatchSize(result.batchSize())
                .setQueueMs(result.queueMs())
                .setInferenceMs(result.inferenceMs())
                .setCreatedAt(event.getCreatedAt())
                .setEmittedAt(emittedAt)
                .build();
    }
}
