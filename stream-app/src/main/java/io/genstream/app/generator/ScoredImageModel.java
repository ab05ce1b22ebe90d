package io.genstream.app.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * A generator whose every batch is also scored by the image classifier, in the same worker and the
 * same batch: one classifier call per generator call, on the batch's own rows, so scoring costs no
 * extra queueing and keeps the batch's padding (the same image gets the same scores in any batch).
 */
final class ScoredImageModel implements ImageModel {

    private final ImageModel generator;
    private final ImageScorer scorer;

    ScoredImageModel(ImageModel generator, ImageScorer scorer) {
        this.generator = generator;
        this.scorer = scorer;
    }

    @Override
    public ImageModelInfo info() {
        return generator.info();
    }

    @Override
    public int instanceCount() {
        return generator.instanceCount();
    }

    @Override
    public List<GeneratedImage> generate(float[][] latents, int[] labels) throws GenerationException {
        List<GeneratedImage> images = generator.generate(latents, labels);
        List<float[]> pixels = new ArrayList<>(images.size());
        for (GeneratedImage image : images) {
            pixels.add(image.pixels());
        }
        List<ImageScorer.Score> scores = scorer.score(pixels);
        List<GeneratedImage> scored = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            scored.add(images.get(i).withScore(scores.get(i)));
        }
        return scored;
    }

    /** Closes the generator only: the scorer is shared by every image model and closed by the catalog. */
    @Override
    public void close() {
        generator.close();
    }
}
