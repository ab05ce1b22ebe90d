package io.genstream.app.generator;

import io.genstream.avro.NoiseSeedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a validated noise-seed request into the items to generate.
 *
 * <ul>
 *   <li>Plain request: {@code count} items; item {@code i} uses seed {@code seed + i}, so item i of
 *       a request equals item 0 of a request for {@code seed + i} with count 1.
 *   <li>Interpolation ({@code interpolateTo} set): {@code steps} items on the spherical path from
 *       the latent of {@code seed} to the latent of {@code interpolateTo}, all with one label.
 * </ul>
 *
 * A missing label is drawn from the item's seed.
 */
public final class ImagePlan {

    private ImagePlan() {}

    public static List<ImageItem> items(NoiseSeedEvent event, ImageModelInfo model) {
        int dim = model.latentDim();
        int classes = model.numClasses();
        long seed = event.getSeed();
        Integer label = event.getLabel();
        Long target = event.getInterpolateTo();
        List<ImageItem> items = new ArrayList<>();
        if (target == null) {
            for (int i = 0; i < event.getCount(); i++) {
                long itemSeed = seed + i;
                int itemLabel = label != null ? label : LatentSampler.label(itemSeed, classes);
                items.add(new ImageItem(i, itemSeed, itemLabel, LatentSampler.latent(itemSeed, dim)));
            }
            return items;
        }
        int steps = event.getSteps();
        float[] from = LatentSampler.latent(seed, dim);
        float[] to = LatentSampler.latent(target, dim);
        int itemLabel = label != null ? label : LatentSampler.label(seed, classes);
        for (int i = 0; i < steps; i++) {
            double t = steps == 1 ? 0 : (double) i / (steps - 1);
            items.add(new ImageItem(i, seed, itemLabel, LatentSampler.slerp(from, to, t)));
        }
        return items;
    }
}
