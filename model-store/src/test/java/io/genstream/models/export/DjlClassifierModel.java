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
 * An exported digits-eval served through DJL, feeding and reading tensors by the signature keys
 * of {@link ClassifierSignatures}: the runtime a client of the SavedModel would use.
 */
public final class DjlClassifierModel implements ImageClassifier, AutoCloseable {

    private final int numClasses;
    private final int featureDim;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private DjlClassifierModel(Path dir, int numClasses, int featureDim) throws Exception {
        this.numClasses = numClasses;
        this.featureDim = featureDim;
        this.model = DjlModels.load(dir, ClassifierSignatures.SERVING_DEFAULT);
        this.predictor = model.newPredictor();
    }

    public static DjlClassifierModel load(Path dir, int numClasses, int featureDim) throws Exception {
        return new DjlClassifierModel(dir, numClasses, featureDim);
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public int featureDim() {
        return featureDim;
    }

    @Override
    public Classification classify(float[] images) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(images, new Shape(images.length / (28 * 28), 28, 28));
            x.setName(ClassifierSignatures.IMAGE);
            NDList out = predictor.predict(new NDList(x));
            return new Classification(out.get(ClassifierSignatures.PROBABILITIES).toFloatArray(),
                    out.get(ClassifierSignatures.FEATURES).toFloatArray(), numClasses, featureDim);
        } catch (TranslateException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
