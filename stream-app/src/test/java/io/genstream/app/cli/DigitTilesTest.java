package io.genstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The screenshot check of the gallery browser test counts digit-like tiles, and nothing else. */
class DigitTilesTest {

    private static BufferedImage page() {
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        return image;
    }

    @Test
    void countsLightStrokesOnDarkSquaresOfTheTileSize() {
        BufferedImage image = page();
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(10, 10, 84, 84);
        g.fillRect(110, 10, 84, 84);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(8));
        g.drawOval(30, 20, 44, 64); // a zero
        g.drawLine(152, 20, 152, 84); // a one
        assertThat(DigitTiles.count(image, 84)).isEqualTo(2);
    }

    @Test
    void ignoresEmptySquaresOtherSizesAndText() {
        BufferedImage image = page();
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(10, 10, 84, 84); // blank tile: no digit
        g.fillRect(110, 10, 30, 30); // too small
        g.drawString("genstream gallery 0123456789", 200, 150);
        assertThat(DigitTiles.count(image, 84)).isZero();
    }
}
