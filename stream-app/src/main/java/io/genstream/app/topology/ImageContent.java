package io.genstream.app.topology;

import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.ImageItem;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.image.PngEncoder;
import io.genstream.app.runtime.Batched;
import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.Image;
import io.genstream.avro.NoiseSeedEvent;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The content record of one generated image: the PNG, what reproduces it, its score and timings.
 * Shared by the production topology and the benchmark's baseline, so both write the same record.
 */
public final class ImageContent {

    private ImageContent() {}

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
                .setScores(Double.isNaN(image.realism()) ? Map.of() : Map.of("realism", image.realism()))
                .setBatchSize(result.batchSize())
                .setQueueMs(result.queueMs())
                .setInferenceMs(result.inferenceMs())
                .setCreatedAt(event.getCreatedAt())
                .setEmittedAt(emittedAt)
                .build();
    }
}
