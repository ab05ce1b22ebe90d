package io.genstream.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RougeLTest {

    private static final double EXACT = 1e-12;

    @Test
    void scoresLinsWorkedExample() {
        // Lin 2004, section 3.1: reference S1 "police killed the gunman". S2 "police kill the gunman" shares the
        // subsequence "police the gunman" (LCS 3): P = R = 3/4, so F = 3/4. S3 "the gunman kill police" shares only
        // "the gunman" (LCS 2): F = 1/2, so ROUGE-L ranks S2 above S3, which bigrams alone do not.
        String reference = "police killed the gunman";
        assertThat(RougeL.ofText("police kill the gunman", reference)).isCloseTo(0.75, within(EXACT));
        assertThat(RougeL.ofText("the gunman kill police", reference)).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void weighsRecallByBeta() {
        // Candidate "the cat sat" (3 tokens) against "the black cat sat down" (5): LCS "the cat sat" = 3, so
        // P = 3/3 = 1 and R = 3/5. F1 = 2 * 1 * 0.6 / (0.6 + 1) = 0.75. With beta = 1.2 (beta^2 = 1.44):
        // F = 2.44 * 1 * 0.6 / (0.6 + 1.44 * 1) = 1.464 / 2.04 = 0.717647...
        List<String> candidate = WordTokenizer.tokenize("the cat sat");
        List<String> reference = WordTokenizer.tokenize("the black cat sat down");
        RougeL.Score f1 = RougeL.score(candidate, reference, 1.0);
        assertThat(f1.precision()).isCloseTo(1.0, within(EXACT));
        assertThat(f1.recall()).isCloseTo(0.6, within(EXACT));
        assertThat(f1.fMeasure()).isCloseTo(0.75, within(EXACT));
        assertThat(RougeL.score(candidate, reference, 1.2).fMeasure()).isCloseTo(1.464 / 2.04, within(EXACT));
    }

    @Test
    void findsTheLongestCommonSubsequenceNotTheLongestCommonRun() {
        // "a b c d e f" and "a x c y e z": the common subsequence "a c e" (3) has no two tokens adjacent in both.
        assertThat(RougeL.longestCommonSubsequence(List.of("a", "b", "c", "d", "e", "f"),
                List.of("a", "x", "c", "y", "e", "z"))).isEqualTo(3);
        // The textbook LCS example (Cormen et al.): ABCBDAB and BDCABA share BCBA, length 4.
        assertThat(RougeL.longestCommonSubsequence(letters("ABCBDAB"), letters("BDCABA"))).isEqualTo(4);
    }

    @Test
    void identicalTextsScoreOneAndDisjointOrEmptyOnesZero() {
        assertThat(RougeL.ofText("Soft wool, warm hands.", "soft wool warm hands")).isCloseTo(1.0, within(EXACT));
        assertThat(RougeL.ofText("soft wool", "cork sandals")).isZero();
        assertThat(RougeL.ofText("", "cork sandals")).isZero();
        assertThat(RougeL.ofText("cork sandals", "")).isZero();
    }

    @Test
    void refusesABetaThatIsNotPositive() {
        assertThatThrownBy(() -> RougeL.score(List.of("a"), List.of("a"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RougeL.score(List.of("a"), List.of("a"), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> letters(String word) {
        return word.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }
}
