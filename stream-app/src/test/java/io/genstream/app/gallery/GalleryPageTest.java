package io.genstream.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GalleryPageTest {

    @Test
    void showsImagesInlineTextsEscapedAndAChartLinePerVersion() {
        Gallery gallery = new Gallery(10);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        gallery.accept(SampleContent.image("digits-gan", "1", png, Map.of("realism", 0.5), 0, 1_000));
        gallery.accept(SampleContent.image("digits-gan", "1", png, Map.of("realism", 0.7), 2_000, 3_000));
        gallery.accept(SampleContent.text("catalog-gpt", "2", "<script>alert(1)</script>", Map.of(), 0, 1_500));

        String page = new GalleryPage(gallery).page();

        assertThat(page).contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"");
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.split("class=\"item image-item\"", -1)).hasSize(3);
        assertThat(page).contains("<polyline data-model=\"digits-gan@1\"").contains("<polyline data-model=\"catalog-gpt@2\"");
        assertThat(page).contains("fetch('" + GalleryPage.LIVE_PATH + "'");
        // no resource from elsewhere: the page must render with no network
        assertThat(page).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void manyTextsNeverCrowdOutTheImages() {
        Gallery gallery = new Gallery(8);
        gallery.accept(SampleContent.image("digits-gan", "1", new byte[] {1}, Map.of(), 0, 1));
        for (int i = 0; i < 20; i++) {
            gallery.accept(SampleContent.text("catalog-gpt", "1", "text " + i, Map.of(), 0, 2 + i));
        }
        assertThat(gallery.texts().latest()).hasSize(2);
        assertThat(gallery.images().latest()).hasSize(1);
        String page = new GalleryPage(gallery).live();
        assertThat(page.indexOf("image-item")).isLessThan(page.indexOf("text-item"));
    }
}
