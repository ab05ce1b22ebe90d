package io.genstream.models.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void numbersCompareByValueNotByText() {
        List<String> versions = new ArrayList<>(List.of("10", "9", "1.10", "1.9", "2", "1", "1.0", "20240601"));
        versions.sort(VersionOrder.INSTANCE);
        assertThat(versions).containsExactly("1", "1.0", "1.9", "1.10", "2", "9", "10", "20240601");
    }

    @Test
    void textComparesAsTextAndNumbersWithinItByValue() {
        List<String> versions = new ArrayList<>(List.of("v10", "v2", "b1", "a3"));
        versions.sort(VersionOrder.INSTANCE);
        assertThat(versions).containsExactly("a3", "b1", "v2", "v10");
    }

    @Test
    void theOrderIsTotalEvenForEqualNumbersWrittenDifferently() {
        assertThat(VersionOrder.INSTANCE.compare("01", "1")).isNotZero();
        assertThat(Integer.signum(VersionOrder.INSTANCE.compare("01", "1")))
                .isEqualTo(-Integer.signum(VersionOrder.INSTANCE.compare("1", "01")));
    }
}
