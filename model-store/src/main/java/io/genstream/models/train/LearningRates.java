package io.genstream.models.train;

/** Learning-rate schedules the trainers share. */
final class LearningRates {

    private LearningRates() {}

    /**
     * {@code rate} for the first half of a run of {@code steps}, then falling linearly to reach 0
     * just after the last step: the late small steps let the weights settle instead of jittering
     * at full rate.
     *
     * @param step 1-based
     */
    static float constantThenLinearDecay(double rate, int step, int steps) {
        double remaining = (double) (steps - step + 1) / steps;
        return (float) (rate * Math.min(1, 2 * remaining));
    }
}
