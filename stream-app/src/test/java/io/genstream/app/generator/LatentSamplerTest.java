package io.genstream.app.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.genstream.app.topology.NoiseSeedEvents;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatentSamplerTest {

    private static final ImageModelInfo GAN = new ImageModelInfo("digits-gan", "1", 64, 10, 28, 28);

    @Test
    void latentIsJavaUtilRandomGaussiansSoAnyClientCanReproduceIt() {
        Random reference = new Random(77L);
        float[] z = LatentSampler.latent(77L, 64);
        for (float v : z) {
            assertThat(v).isEqualTo((float) reference.nextGaussian());
        }
    }

    @Test
    void labelsOfUnconditionedRequestsCoverEveryClass() {
        int[] counts = new int[10];
        for (long seed = 0; seed < 2_000; seed++) {
            counts[LatentSampler.label(seed, 10)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(140, 260);
        }
    }

    @Test
    void slerpStartsAndEndsAtTheEndpoints() {
        float[] a = LatentSampler.latent(1, 64);
        float[] b = LatentSampler.latent(2, 64);
        float[] start = LatentSampler.slerp(a, b, 0);
        float[] end = LatentSampler.slerp(a, b, 1);
        for (int i = 0; i < 64; i++) {
            assertThat(start[i]).isCloseTo(a[i], within(1e-5f));
            assertThat(end[i]).isCloseTo(b[i], within(1e-5f));
        }
    }

    @Test
    void planGivesItemIOfARequestTheLatentOfSeedPlusI() {
        List<ImageItem> items = ImagePlan.items(NoiseSeedEvents.valid("r").setSeed(100L).setCount(3).build(), GAN);
        assertThat(items).extracting(ImageItem::seed).containsExactly(100L, 101L, 102L);
        List<ImageItem> single = ImagePlan.items(NoiseSeedEvents.valid("r").setSeed(102L).build(), GAN);
        assertThat(single.get(0).latent()).isEqualTo(items.get(2).latent());
        assertThat(single.get(0).label()).isEqualTo(items.get(2).label());
    }

    @Test
    void interpolationPlanHasOneLabelAndRunsFromSeedToTarget() {
        List<ImageItem> frames = ImagePlan.items(
                NoiseSeedEvents.valid("r").setSeed(5L).setInterpolateTo(6L).setSteps(5).build(), GAN);
        assertThat(frames).hasSize(5);
        assertThat(frames).extracting(ImageItem::label).containsOnly(frames.get(0).label());
        assertThat(frames.get(0).latent()[0]).isCloseTo(LatentSampler.latent(5L, 64)[0], within(1e-5f));
        assertThat(frames.get(4).latent()[0]).isCloseTo(LatentSampler.latent(6L, 64)[0], within(1e-5f));
    }
}
