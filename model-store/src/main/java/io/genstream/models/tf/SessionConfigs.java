package io.genstream.models.tf;

import org.tensorflow.proto.framework.ConfigProto;

/** TensorFlow session settings shared by training and by in-process inference. */
public final class SessionConfigs {

    private SessionConfigs() {}

    /**
     * A fixed number of intra-op threads and one inter-op thread. Fixing them makes TF's CPU
     * kernels split every reduction the same way on every run, which is what bit-identical
     * retraining needs; a single inter-op thread also keeps the two networks' updates from
     * competing for the (shared, small) machine.
     */
    public static ConfigProto pinnedThreads(int intraOpThreads) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(1)
                .build();
    }
}
