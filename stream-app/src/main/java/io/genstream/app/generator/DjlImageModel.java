package io.genstream.app.generator;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.genstream.models.tf.TensorFlowNatives;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An image generator served by DJL's TensorFlow engine from a SavedModel whose
 * {@code serving_default} signature takes {@code z} [n, latentDim] and {@code label} [n] and
 * returns {@code image} [n, height, width] in [0,1] and, for a GAN, {@code realism} [n] (a VAE
 * has none: its images carry no realism score).
 *
 * <p>One model copy per device and {@code instancesPerDevice} predictors per copy (predictors
 * are not thread-safe); a caller borrows a free predictor for one call.
 */
public final class DjlImageModel implements ImageModel {

    private final ImageModelInfo info;
    private final List<ZooModel<NDList, NDList>> copies;
    private final BlockingQueue<Instance> idle;
    private final int instanceCount;

    private record Instance(ZooModel<NDList, NDList> model, Predictor<NDList, NDList> predictor) {}

    private DjlImageModel(
            ImageModelInfo info, List<ZooModel<NDList, NDList>> copies, List<Instance> instances) {
        this.info = info;
        this.copies = copies;
        this.idle = new ArrayBlockingQueue<>(instances.size(), false, instances);
        this.instanceCount = instances.size();
    }

    /**
     * Loads the SavedModel in {@code dir} once per device.
     *
     * @throws GenerationException when the model cannot be loaded
     */
    public static DjlImageModel load(
            Path dir, ImageModelInfo info, List<Device> devices, int instancesPerDevice)
            throws GenerationException {
        List<ZooModel<NDList, NDList>> copies = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        try {
            for (Device device : devices) {
                ZooModel<NDList, NDList> model = SavedModels.open(dir, device, SavedModels.SERVING_DEFAULT);
                copies.add(model);
                for (int i = 0; i < instancesPerDevice; i++) {
                    instances.add(new Instance(model, model.newPredictor()));
                }
            }
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            copies.forEach(ZooModel::close);
            throw new GenerationException("cannot load " + info.id() + " from " + dir + ": " + e.getMessage(), e);
        }
        return new DjlImageModel(info, copies, instances);
    }

    /** GPUs the TensorFlow engine sees (0 on a CPU-only host). */
    public static int visibleGpus() {
        TensorFlowNatives.ensureLocated();
        return Engine.getEngine("TensorFlow").getGpuCount();
    }

    @Override
    public ImageModelInfo info() {
        return info;
    }

    @Override
    public int instanceCount() {
        return instanceCount;
    }

    @Override
    public List<GeneratedImage> generate(float[][] latents, int[] labels) throws GenerationException {
        int n = latents.length;
        if (n == 0) {
            return List.of();
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " latents but " + labels.length + " labels");
        }
        Instance instance;
        try {
            instance = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("interrupted while waiting for a free " + info.id() + " instance", e);
        }
        try (NDManager manager = instance.model().getNDManager().newSubManager()) {
            return run(instance.predictor(), manager, latents, labels);
        } catch (TranslateException | RuntimeException e) {
            throw new GenerationException(info.id() + " failed on a batch of " + n + ": " + e.getMessage(), e);
        } finally {
            idle.add(instance);
        }
    }

    /**
     * Rows per model call are padded to a multiple of this. TensorFlow's CPU kernels give an
     * item bit-identical results in any batch whose size is a multiple of 8, whatever its
     * neighbours, but not in other sizes: padding keeps "same seed ⇒ same bytes" true under
     * dynamic batching, for the cost of at most 7 blank rows.
     */
    static final int ROW_ALIGNMENT = 8;

    private List<GeneratedImage> run(
            Predictor<NDList, NDList> predictor, NDManager manager, float[][] latents, int[] labels)
            throws TranslateException {
        int n = latents.length;
        int rows = (n + ROW_ALIGNMENT - 1) / ROW_ALIGNMENT * ROW_ALIGNMENT;
        int dim = info.latentDim();
        float[] flat = new float[rows * dim];
        for (int i = 0; i < n; i++) {
            if (latents[i].length != dim) {
                throw new IllegalArgumentException("latent " + i + " has length " + latents[i].length + ", not " + dim);
            }
            System.arraycopy(latents[i], 0, flat, i * dim, dim);
        }
        int[] paddedLabels = java.util.Arrays.copyOf(labels, rows);
        NDArray z = manager.create(flat, new Shape(rows, dim));
        z.setName("z");
        NDArray label = manager.create(paddedLabels);
        label.setName("label");
        NDList out = predictor.predict(new NDList(z, label));
        float[] pixels = out.get("image").toFloatArray();
        // A GAN scores each image with its discriminator; a VAE has no such output.
        NDArray scores = out.get("realism");
        float[] realism = scores != null ? scores.toFloatArray() : unscored(rows);
        out.close();
        int size = info.width() * info.height();
        if (pixels.length != rows * size || realism.length != rows) {
            throw new IllegalStateException("model returned " + pixels.length + " pixels and "
                    + realism.length + " scores for " + rows + " images of " + size + " pixels");
        }
        List<GeneratedImage> images = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] image = new float[size];
            System.arraycopy(pixels, i * size, image, 0, size);
            images.add(new GeneratedImage(image, realism[i]));
        }
        return images;
    }

    private static float[] unscored(int rows) {
        float[] none = new float[rows];
        java.util.Arrays.fill(none, Float.NaN);
        return none;
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
