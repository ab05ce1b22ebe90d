package io.genstream.app.generator;

/**
 * What a caller must know about an image generator to build its inputs and check a request.
 *
 * @param name model name, e.g. {@code digits-gan}
 * @param version model version, e.g. {@code 1}
 * @param latentDim length of one latent vector
 * @param numClasses number of class labels it is conditioned on (labels are 0..numClasses-1)
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record ImageModelInfo(
        String name, String version, int latentDim, int numClasses, int width, int height) {

    /** {@code name@version}, the key of quality reports and metrics. */
    public String id() {
        return name + "@" + version;
    }
}
