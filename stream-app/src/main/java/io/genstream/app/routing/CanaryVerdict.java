package io.genstream.app.routing;

import io.genstream.app.quality.QualityWindow;
import io.genstream.app.topology.ImageContent;
import io.genstream.avro.ModelRoute;
import io.genstream.avro.QualityReport;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a canary's windowed quality is bad enough to take it out of its route: first against the
 * route's own gate (absolute bounds), then against the incumbent's latest window (margins).
 */
public final class CanaryVerdict {

    /**
     * How much worse than the incumbent a canary may be.
     *
     * @param maxFrechetIncrease largest relative increase of the Fréchet distance (0.5 = 50% higher)
     * @param maxGrammarValidDrop largest drop of the grammar-valid share (absolute, 0.1 = ten points)
     */
    public record Margins(double maxFrechetIncrease, double maxGrammarValidDrop) {}

    /**
     * Why a canary fails.
     *
     * @param metric the metric that failed ({@code frechetDistance}, {@code realism}, {@code grammarValid})
     * @param reason a sentence for the route record and the log
     */
    public record Failure(String metric, String reason) {}

    public static final String REALISM = "realism";
    private static final String MEAN_REALISM = QualityWindow.MEAN_PREFIX + ImageContent.REALISM;

    private CanaryVerdict() {}

    /**
     * @param canary the canary's latest window
     * @param incumbent the incumbent's latest window, or null when there is none yet
     */
    public static Optional<Failure> judge(QualityReport canary, QualityReport incumbent, ModelRoute route,
            Margins margins) {
        Double fid = metric(canary, QualityWindow.FRECHET_DISTANCE);
        Double realism = metric(canary, MEAN_REALISM);
        Double grammar = metric(canary, QualityWindow.GRAMMAR_VALID);
        if (route.getMaxFrechetDistance() != null && fid != null && fid > route.getMaxFrechetDistance()) {
            return fail(QualityWindow.FRECHET_DISTANCE, "Frechet distance %.2f above the route's gate %.2f",
                    fid, route.getMaxFrechetDistance());
        }
        if (route.getMinRealism() != null && realism != null && realism < route.getMinRealism()) {
            return fail(REALISM, "mean realism %.3f below the route's gate %.3f", realism, route.getMinRealism());
        }
        if (route.getMinGrammarValidRate() != null && grammar != null && grammar < route.getMinGrammarValidRate()) {
            return fail(QualityWindow.GRAMMAR_VALID, "grammar-valid share %.3f below the route's gate %.3f",
                    grammar, route.getMinGrammarValidRate());
        }
        if (incumbent == null) {
            return Optional.empty();
        }
        Double incumbentFid = metric(incumbent, QualityWindow.FRECHET_DISTANCE);
        if (fid != null && incumbentFid != null && fid > incumbentFid * (1 + margins.maxFrechetIncrease())) {
            return fail(QualityWindow.FRECHET_DISTANCE,
                    "Frechet distance %.2f more than %.0f%% above the incumbent %s's %.2f", fid,
                    100 * margins.maxFrechetIncrease(), incumbent.getModelVersion(), incumbentFid);
        }
        Double incumbentGrammar = metric(incumbent, QualityWindow.GRAMMAR_VALID);
        if (grammar != null && incumbentGrammar != null && incumbentGrammar - grammar > margins.maxGrammarValidDrop()) {
            return fail(QualityWindow.GRAMMAR_VALID,
                    "grammar-valid share %.3f more than %.3f below the incumbent %s's %.3f", grammar,
                    margins.maxGrammarValidDrop(), incumbent.getModelVersion(), incumbentGrammar);
        }
        return Optional.empty();
    }

    private static Double metric(QualityReport report, String name) {
        Double value = report.getMetrics().get(name);
        return value == null || value.isNaN() ? null : value;
    }

    private static Optional<Failure> fail(String metric, String format, Object... args) {
        return Optional.of(new Failure(metric, String.format(Locale.ROOT, format, args)));
    }
}
