package io.genstream.models.tf;

import ai.djl.util.cuda.CudaUtils;

/** How many CUDA GPUs this process can use; 0 when there is no driver or no device. */
final class CudaProbe {

    private CudaProbe() {}

    static int gpuCount() {
        try {
            return CudaUtils.hasCuda() ? CudaUtils.getGpuCount() : 0;
        } catch (RuntimeException | LinkageError e) {
            // No CUDA runtime on this host: the CPU path is the right answer, not an error.
            return 0;
        }
    }
}
