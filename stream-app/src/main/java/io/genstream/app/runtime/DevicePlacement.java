package io.genstream.app.runtime;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the devices generators run on: by default every GPU the engine sees, else the CPU.
 * An operator can force {@code cpu}, or {@code gpu} (which fails fast when there is none).
 */
public final class DevicePlacement {

    /** What the operator asked for. */
    public enum Mode { AUTO, CPU, GPU }

    private DevicePlacement() {}

    public static Mode parseMode(String text) {
        try {
            return Mode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, not '" + text + "'", e);
        }
    }

    /**
     * The devices to use.
     *
     * @param mode what the operator asked for
     * @param gpuCount how many GPUs the engine sees
     */
    public static List<Device> devices(Mode mode, int gpuCount) {
        if (mode == Mode.CPU || (mode == Mode.AUTO && gpuCount == 0)) {
            return List.of(Device.cpu());
        }
        if (gpuCount == 0) {
            throw new IllegalStateException("device=gpu was requested but no GPU is visible to TensorFlow");
        }
        List<Device> gpus = new ArrayList<>(gpuCount);
        for (int i = 0; i < gpuCount; i++) {
            gpus.add(Device.gpu(i));
        }
        return gpus;
    }
}
