package io.genstream.models.export;

import java.nio.file.Path;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

/**
 * An exported digits-vae served through DJL, feeding and reading tensors by the signature keys
 * of {@link VaeSignatures}: the runtime a client of the SavedModel would use.
 */
public final class DjlVaeModel implements VaeModel, AutoCloseable {

    private final int latentDim;
    private final int numClasses;
    private final ZooModel<NDList, NDList> decoderModel;
    private final ZooModel<NDList, NDList> encoderModel;
    private final Predictor<NDList, NDList> decoder;
    private final Predictor<NDList, NDList> encoder;

    private DjlVaeModel(Path dir, int latentDim, int numClasses) throws Exception {
        this.latentDim = latentDim;
        this.numClasses = numClasses;
        this.decoderModel = DjlModels.load(dir, VaeSignatures.SERVING_DEFAULT);
        this.encoderModel = DjlModels.load(dir, VaeSignatures.ENCODE);
        this.decoder = decoderModel.newPredictor();
        this.encoder = encoderModel.newPredictor();
    }

    public static DjlVaeModel load(Path dir, int latentDim, int numClasses) throws Exception {
        return new DjlVaeModel(dir, latentDim, numClasses);
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public float[] images(float[] latents, int[] labels) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray z = manager.create(latents, new Shape(labels.length, latentDim));
            z.setName(VaeSignatures.Z);
            // The label goes first, z second: DJL must match the inputs by name, not by position.
            NDList out = decoder.predict(new NDList(named(manager.create(labels), VaeSignatures.LABEL), z));
            return out.get(VaeSignatures.IMAGE).toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Encoding encode(float[] images, int[] labels) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = named(manager.create(images, new Shape(labels.length, 28, 28)), VaeSignatures.IMAGE);
            NDList out = encoder.predict(new NDList(x, named(manager.create(labels), VaeSignatures.LABEL)));
            return new Encoding(out.get(VaeSignatures.MEAN).toFloatArray(), out.get(VaeSignatures.LOG_VARIANCE).toFloatArray());
        } catch (TranslateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    @Override
    public void close() {
        decoder.close();
        encoder.close();
        decoderModel.close();
        encoderModel.close();
    }
}
