package io.genstream.app.generator;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.tf.TensorFlowNatives;
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
    private final BlockingQueue<Predictor<NDList, NDList>> idle;

    private DjlImageScorer(String id, int width, int height, List<ZooModel<NDList, NDList>> copies,
            List<Predictor<NDList, NDList>> predictors) {
        this.id = id;
        this.width = width;
        this.height = height;
        this.copies = copies;
        this.idle = new ArrayBlockingQueue<>(predictors.size(), false, predictors);
    }

    public static DjlImageScorer load(ModelVersion version, List<Device> devices, int instancesPerDevice)
            throws GenerationException {
        TensorFlowNatives.ensureLocated();
        List<ZooModel<NDList, NDList>> copies = new ArrayList<>();
        List<Predictor<NDList, NDList>> predictors = new ArrayList<>();
        try {
            for (Device device : devices) {
                ZooModel<NDList, NDList> model = Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(version.dir())
                        .optEngine("TensorFlow")
                        .optDevice(device)
                        .optTranslator(new NoopTranslator())
                        .build()
                        .loadModel();
                copies.add(model);
                for (int i = 0; i < instancesPerDevice; i++) {
                    predictors.add(model.newPredictor());
                }
            }
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            predictors.forEach(Predictor::close);
            copies.forEach(ZooModel::close);
            throw new GenerationException("cannot load " + version.id() + " from " + version.dir() + ": "
                    + e.getMessage(), e);
        }
        return new DjlImageScorer(version.id(), version.manifest().intProperty("imageWidth"),
                version.manifest().intProperty("imageHeight"), copies, predictors);
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
        Predictor<NDList, NDList> predictor;
        try {
            predictor = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("interrupted while waiting for a free " + id + " instance", e);
        }
        try (NDManager manager = copies.get(0).getNDManager().newSubManager()) {
            NDArray image = manager.create(flat, new Shape(rows, height, width));
            image.setName("image");
            try (NDList out = predictor.predict(new NDList(image))) {
                return split(out.get("probabilities").toFloatArray(), out.get("features").toFloatArray(), rows, n);
            }
        } catch (TranslateException | RuntimeException e) {
            throw new GenerationException(id + " failed on a batch of " + n + ": " + e.getMessage(), e);
        } finally {
            idle.add(predictor);
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
        Predictor<NDList, NDList> predictor;
        while ((predictor = idle.poll()) != null) {
            predictor.close();
        }
        copies.forEach(ZooModel::close);
    }
}
