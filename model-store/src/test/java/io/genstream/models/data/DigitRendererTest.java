package io.genstream.models.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DigitRendererTest {

    private final DigitRenderer renderer = new DigitRenderer();

    @Test
    void theSameSeedDrawsTheSameDigit() {
        assertThat(renderer.render(3, 99L)).containsExactly(renderer.render(3, 99L));
        assertThat(renderer.render(3, 99L)).isNotEqualTo(renderer.render(3, 100L));
    }

    @Test
    void aNeutralDigitIsCentredAndAntiAliased() {
        for (int digit = 0; digit < 10; digit++) {
            float[] image = renderer.render(digit, DigitStyle.neutral(), new SplittableRandom(1));
            double mass = 0;
            double cx = 0;
            double cy = 0;
            boolean partial = false;
            for (int p = 0; p < image.length; p++) {
                mass += image[p];
                cx += image[p] * (p % 28 + 0.5);
                cy += image[p] * (p / 28 + 0.5);
                partial |= image[p] > 0.05f && image[p] < 0.95f;
            }
            assertThat(cx / mass).as("digit %d x centre", digit).isBetween(9.0, 19.0);
            assertThat(cy / mass).as("digit %d y centre", digit).isBetween(9.0, 19.0);
            assertThat(partial).as("digit %d has grey edge pixels", digit).isTrue();
        }
    }

    @Test
    void onlyDigitsZeroToNineExist() {
        assertThatThrownBy(() -> renderer.render(10, 1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
