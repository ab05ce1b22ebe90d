package io.genstream.app.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    @Test
    void encodesGreyPixelsThatDecodeBackToTheSameLevels() throws Exception {
        float[] pixels = new float[6 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / (float) (pixels.length - 1);
        }
        pixels[0] = -0.5f; // clamped to black
        pixels[1] = 2f; // clamped to white
        pixels[2] = Float.NaN; // black
        byte[] png = PngEncoder.grey(pixels, 6, 4);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(6);
        assertThat(image.getHeight()).isEqualTo(4);
        int[] levels = image.getRaster().getPixels(0, 0, 6, 4, (int[]) null);
        assertThat(levels[0]).isZero();
        assertThat(levels[1]).isEqualTo(255);
        assertThat(levels[2]).isZero();
        for (int i = 3; i < levels.length; i++) {
            assertThat(levels[i]).isEqualTo(Math.round(pixels[i] * 255f));
        }
    }

    @Test
    void equalPixelsGiveEqualBytes() {
        float[] pixels = new float[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Math.abs(Math.sin(i));
        }
        assertThat(PngEncoder.grey(pixels, 28, 28)).isEqualTo(PngEncoder.grey(pixels.clone(), 28, 28));
    }

    @Test
    void refusesAPixelCountThatDoesNotMatchTheSize() {
        assertThatThrownBy(() -> PngEncoder.grey(new float[10], 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
