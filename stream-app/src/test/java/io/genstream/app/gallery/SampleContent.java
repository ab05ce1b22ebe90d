package io.genstream.app.gallery;

import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.Image;
import java.nio.ByteBuffer;
import java.util.Map;

/** Content records as the topology emits them, made by hand for the gallery and metrics tests. */
public final class SampleContent {

    private SampleContent() {}

    public static GeneratedContent image(String model, String version, byte[] png, Map<String, Double> scores,
            long createdAt, long emittedAt) {
        return base(model, version, scores, createdAt, emittedAt).setKind(ContentKind.IMAGE).setText(null)
                .setImage(Image.newBuilder().setFormat("png").setWidth(28).setHeight(28)
                        .setData(ByteBuffer.wrap(png)).build())
                .build();
    }

    public static GeneratedContent text(String model, String version, String text, Map<String, Double> scores,
            long createdAt, long emittedAt) {
        return base(model, version, scores, createdAt, emittedAt).setKind(ContentKind.TEXT).setText(text)
                .setImage(null).build();
    }

    private static GeneratedContent.Builder base(String model, String version, Map<String, Double> scores,
            long createdAt, long emittedAt) {
        return GeneratedContent.newBuilder()
                .setRequestId("req-" + emittedAt).setIndex(0).setModel(model).setModelName(model)
                .setModelVersion(version).setSeed(1).setLabel(null).setScores(scores).setBatchSize(1)
                .setQueueMs(0).setInferenceMs(0).setCreatedAt(createdAt).setEmittedAt(emittedAt);
    }
}
