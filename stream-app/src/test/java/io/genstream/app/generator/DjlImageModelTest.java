package io.genstream.app.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.TestModels;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real digits-gan through DJL: shapes, ranges, and batch-independent results. */
class DjlImageModelTest {

    private static DjlImageModel model;

    @BeforeAll
    static void load() throws Exception {
        ModelVersion version = ModelRegistry.open(TestModels.MODEL_STORE).latest("digits-gan").orElseThrow();
        model = DjlImageModel.load(version.dir(), ImageModels.info(version), List.of(ai.djl.Device.cpu()), 2);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[][] latents(long firstSeed, int n) {
        float[][] z = new float[n][];
        for (int i = 0; i < n; i++) {
            z[i] = LatentSampler.latent(firstSeed + i, 64);
        }
        return z;
    }

    @Test
    void generatesOneImageInRangePerRowWithARealismScore() throws Exception {
        List<GeneratedImage> images = model.generate(latents(1, 3), new int[] {0, 5, 9});
        assertThat(images).hasSize(3);
        for (GeneratedImage image : images) {
            assertThat(image.pixels()).hasSize(28 * 28);
            for (float v : image.pixels()) {
                assertThat(v).isBetween(0f, 1f);
            }
            assertThat(image.realism()).isBetween(0.0, 1.0);
        }
        assertThat(model.instanceCount()).isEqualTo(2);
    }

    @Test
    void anItemGivesBitIdenticalFloatsAloneAndInBatchesOfAnySize() throws Exception {
        float[][] z = latents(500, 37);
        int[] labels = new int[37];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        List<GeneratedImage> batch = model.generate(z, labels);
        for (int i : new int[] {0, 7, 19, 36}) {
            GeneratedImage alone = model.generate(new float[][] {z[i]}, new int[] {labels[i]}).get(0);
            assertThat(alone.pixels()).as("item %d", i).isEqualTo(batch.get(i).pixels());
            assertThat(alone.realism()).isEqualTo(batch.get(i).realism());
        }
        List<GeneratedImage> five = model.generate(java.util.Arrays.copyOfRange(z, 3, 8),
                java.util.Arrays.copyOfRange(labels, 3, 8));
        assertThat(five.get(4).pixels()).isEqualTo(batch.get(7).pixels());
    }
}
