package io.genstream.models.gan;

/**
 * The sizes of one {@link GeneratorNetwork}, and the scope its variables live under: the
 * digits-gan's generator ({@code generator/}) and the digits-vae's decoder ({@code decoder/}) are
 * the same network shape with different sizes.
 *
 * @param scope variable name prefix, ending in {@code /}
 * @param latentDim length of the latent vector {@code z}
 * @param numClasses number of labels the network is conditioned on
 * @param channels channels of the 7×7 map; halved at 14×14 and again at 28×28
 */
public record GeneratorLayout(String scope, int latentDim, int numClasses, int channels) {

    public GeneratorLayout {
        if (!scope.endsWith("/") || latentDim < 1 || numClasses < 2 || channels < 4 || channels % 4 != 0) {
            throw new IllegalArgumentException("invalid generator layout: " + this);
        }
    }
}
