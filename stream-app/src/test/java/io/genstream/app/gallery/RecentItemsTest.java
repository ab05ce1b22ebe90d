package io.genstream.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentItemsTest {

    @Test
    void keepsOnlyTheNewestItemsNewestFirst() {
        RecentItems recent = new RecentItems(3);
        for (int i = 0; i < 5; i++) {
            recent.add(GalleryItem.of(SampleContent.text("catalog-gpt", "1", "text " + i, Map.of(), 0, i)));
        }
        assertThat(recent.latest()).extracting(GalleryItem::text).containsExactly("text 4", "text 3", "text 2");
    }

    @Test
    void longTextsAreCutSoThePageStaysBounded() {
        String longText = "a".repeat(GalleryItem.MAX_TEXT_CHARS * 3);
        GalleryItem item = GalleryItem.of(SampleContent.text("catalog-gpt", "1", longText, Map.of(), 0, 0));
        assertThat(item.text()).hasSize(GalleryItem.MAX_TEXT_CHARS + 1).endsWith("…");
    }

    @Test
    void qualityIsTheFirstPreferredScoreAnItemHas() {
        GalleryItem gan = GalleryItem.of(SampleContent.image("digits-gan", "1", new byte[] {1},
                Map.of("realism", 0.4, "classConfidence", 0.9), 10, 25));
        GalleryItem text = GalleryItem.of(SampleContent.text("catalog-gpt", "1", "x", Map.of("tokens", 3.0), 0, 0));
        assertThat(gan.quality()).hasValue(0.9);
        assertThat(gan.latencyMs()).isEqualTo(15);
        assertThat(gan.isImage()).isTrue();
        assertThat(text.quality()).isEmpty();
    }
}
