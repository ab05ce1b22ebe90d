package io.genstream.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextBatchSamplerTest {

    /** Sequence i is i+2 tokens long: {i*10, i*10+1, ...}, so rows identify their source. */
    private static final List<int[]> SEQUENCES = new ArrayList<>();

    static {
        for (int i = 0; i < 6; i++) {
            int[] s = new int[i + 2];
            for (int t = 0; t < s.length; t++) {
                s[t] = i * 10 + t;
            }
            SEQUENCES.add(s);
        }
    }

    @Test
    void wholeSequencesStartAtTheirFirstTokenAndArePadded() {
        TextBatch batch = new TextBatchSampler(SEQUENCES, 6, 4, TextBatchSampler.Mode.WHOLE_SEQUENCES, 1).next();
        List<Integer> sources = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            int source = batch.inputs()[b * 4] / 10;
            sources.add(source);
            int[] seq = SEQUENCES.get(source);
            int n = Math.min(4, seq.length - 1);
            assertThat(batch.lengths()[b]).isEqualTo(n);
            for (int t = 0; t < 4; t++) {
                boolean real = t < n;
                assertThat(batch.inputs()[b * 4 + t]).isEqualTo(real ? seq[t] : 0);
                assertThat(batch.targets()[b * 4 + t]).isEqualTo(real ? seq[t + 1] : 0);
                assertThat(batch.weights()[b * 4 + t]).isEqualTo(real ? 1f : 0f);
            }
        }
        assertThat(sources).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(batch.tokenCount()).isEqualTo(1 + 2 + 3 + 4 + 4 + 4);
    }

    @Test
    void everySequenceComesOncePerEpoch() {
        TextBatchSampler sampler = new TextBatchSampler(SEQUENCES, 4, 8, TextBatchSampler.Mode.WHOLE_SEQUENCES, 2);
        int[] seen = new int[6];
        for (int i = 0; i < 3; i++) {
            TextBatch batch = sampler.next();
            for (int b = 0; b < 4; b++) {
                seen[batch.inputs()[b * 8] / 10]++;
            }
        }
        assertThat(seen).containsOnly(2);
    }

    @Test
    void randomWindowsAreContiguousSlicesOfOneSequence() {
        TextBatchSampler sampler = new TextBatchSampler(SEQUENCES, 16, 3, TextBatchSampler.Mode.RANDOM_WINDOWS, 3);
        boolean sawMidSequenceStart = false;
        for (int i = 0; i < 5; i++) {
            TextBatch batch = sampler.next();
            for (int b = 0; b < 16; b++) {
                int first = batch.inputs()[b * 3];
                sawMidSequenceStart |= first % 10 != 0;
                for (int t = 0; t < batch.lengths()[b]; t++) {
                    assertThat(batch.inputs()[b * 3 + t]).isEqualTo(first + t);
                    assertThat(batch.targets()[b * 3 + t]).isEqualTo(first + t + 1);
                }
                assertThat(batch.lengths()[b]).isBetween(1, 3);
            }
        }
        assertThat(sawMidSequenceStart).isTrue();
    }

    @Test
    void sameSeedGivesTheSameBatches() {
        for (TextBatchSampler.Mode mode : TextBatchSampler.Mode.values()) {
            TextBatchSampler a = new TextBatchSampler(SEQUENCES, 5, 4, mode, 9);
            TextBatchSampler b = new TextBatchSampler(SEQUENCES, 5, 4, mode, 9);
            for (int i = 0; i < 4; i++) {
                TextBatch x = a.next();
                TextBatch y = b.next();
                assertThat(x.inputs()).containsExactly(y.inputs());
                assertThat(x.targets()).containsExactly(y.targets());
            }
        }
        TextBatch other = new TextBatchSampler(SEQUENCES, 5, 4, TextBatchSampler.Mode.RANDOM_WINDOWS, 10).next();
        TextBatch first = new TextBatchSampler(SEQUENCES, 5, 4, TextBatchSampler.Mode.RANDOM_WINDOWS, 9).next();
        assertThat(Arrays.equals(other.inputs(), first.inputs())).isFalse();
    }

    @Test
    void rejectsSequencesTooShortToPredict() {
        assertThatThrownBy(() -> new TextBatchSampler(List.of(new int[] {1}), 1, 2, TextBatchSampler.Mode.WHOLE_SEQUENCES, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
