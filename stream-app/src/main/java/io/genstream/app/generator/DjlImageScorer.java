package io.genstream.app.generator;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.genstream.models.registry.ModelVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The {@code classifier} SavedModel ({@code serving_default}: {@code image} [n, h, w] →
 * {@code probabilities} [n, classes], {@code features} [n, dim]) served by DJL: one model copy per
 * device, {@code instancesPerDevice} predictors each, calls padded to a multiple of 8 rows like the
 * generators' so an image's scores do not depend on its batch.
 */
public final class DjlImageScorer implements ImageScorer {

    private final String id;
    private final int width;
    private final int height;
    private final List<ZooModel<NDList, NDList>> copies;
    private final BlockingQueue<Instance> idle;

    /** A predictor and the model copy (device) it belongs to, whose manager makes its inputs. */
    private record Instance(ZooModel<NDList, NDList> model, Predictor<NDList, NDList> predictor) {}

    private DjlImageScorer(String id, int width, int height, List<ZooModel<NDList, NDList>> copies,
            List<Instance> instances) {
        this.id = id;
        this.width = width;
        this.height = height;
        this.copies = copies;
        this.idle = new ArrayBlockingQueue<>(instances.size(), false, instances);
    }

    public static DjlImageScorer load(ModelVersion version, List<Device> devices, int instancesPerDevice)
            throws GenerationException {
        List<ZooModel<NDList, NDList>> copies = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        try {
            for (Device device : devices) {
                ZooModel<NDList, NDList> model = SavedModels.open(version.dir(), device, SavedModels.SERVING_DEFAULT);
                copies.add(model);
                for (int i = 0; i < instancesPerDevice; i++) {
                    instances.add(new Instance(model, model.newPredictor()));
                }
            }
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            instances.forEach(i -> i.predictor().close());
            copies.forEach(ZooModel::close);
            throw new GenerationException("cannot load " + version.id() + " from " + version.dir() + ": "
                    + e.getMessage(), e);
        }
        return new DjlImageScorer(version.id(), version.manifest().intProperty("imageWidth"),
                version.manifest().intProperty("imageHeight"), copies, instances);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Score> score(List<float[]> images) throws GenerationException {
        int n = images.size();
        if (n == 0) {
            return List.of();
        }
        int size = width * height;
        int rows = (n + DjlImageModel.ROW_ALIGNMENT - 1) / DjlImageModel.ROW_ALIGNMENT * DjlImageModel.ROW_ALIGNMENT;
        float[] flat = new float[rows * size];
        for (int i = 0; i < n; i++) {
            if (images.get(i).length != size) {
                throw new IllegalArgumentException("image " + i + " has " + images.get(i).length + " pixels, not " + size);
            }
            System.arraycopy(images.get(i), 0, flat, i * size, size);
        }
        Instance instance;
        try {
            instance = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("interrupted while waiting for a free " + id + " instance", e);
        }
        try (NDManager manager = instance.model().getNDManager().newSubManager()) {
            NDArray image = manager.create(flat, new Shape(rows, height, width));
            image.setName("image");
            try (NDList out = instance.predictor().predict(new NDList(image))) {
                return split(out.get("probabilities").toFloatArray(), out.get("features").toFloatArray(), rows, n);
            }
        } catch (TranslateException | RuntimeException e) {
            throw new GenerationException(id + " failed on a batch of " + n + ": " + e.getMessage(), e);
        } finally {
            idle.add(instance);
        }
    }

    private static List<Score> split(float[] probabilities, float[] features, int rows, int n) {
        int classes = probabilities.length / rows;
        int dim = features.length / rows;
        List<Score> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] p = new float[classes];
            System.arraycopy(probabilities, i * classes, p, 0, classes);
            float[] f = new float[dim];
            System.arraycopy(features, i * dim, f, 0, dim);
            scores.add(new Score(p, f));
        }
        return scores;
    }

    @Override
    public void close() {
        Instance instance;
        while ((instance = idle.poll()) != null) {
            instance.predictor().close();
        }
        copies.forEach(ZooModel::close);
    }
}
