package io.genstream.models.gpt;

/**
 * Graph names of the catalog-gpt variables. The training graph and the export graph declare the
 * same names, which is how the trained values are restored into the lean export graph.
 */
final class GptNames {

    static final String TOKEN_EMBEDDING = "gpt/token_embedding";
    static final String POSITION_EMBEDDING = "gpt/position_embedding";
    static final String FINAL_NORM = "gpt/final_norm";
    static final String OUTPUT_BIAS = "gpt/output/bias";

    private GptNames() {}

    static String block(int layer, String name) {
        return "gpt/block" + layer + "/" + name;
    }
}
