package io.genstream.app.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.genstream.app.runtime.DevicePlacement;
import io.genstream.app.runtime.DevicePlacement.Mode;
import org.junit.jupiter.api.Test;

class DevicePlacementTest {

    @Test
    void autoUsesEveryGpuWhenThereAreSome() {
        assertThat(DevicePlacement.devices(Mode.AUTO, 2)).containsExactly(Device.gpu(0), Device.gpu(1));
    }

    @Test
    void autoFallsBackToTheCpu() {
        assertThat(DevicePlacement.devices(Mode.AUTO, 0)).containsExactly(Device.cpu());
    }

    @Test
    void cpuCanBeForcedOnAGpuHost() {
        assertThat(DevicePlacement.devices(Mode.CPU, 4)).containsExactly(Device.cpu());
    }

    @Test
    void gpuRequestedWithoutAGpuFailsFast() {
        assertThatThrownBy(() -> DevicePlacement.devices(Mode.GPU, 0)).hasMessageContaining("no GPU");
        assertThatThrownBy(() -> DevicePlacement.parseMode("tpu")).hasMessageContaining("auto, cpu or gpu");
    }
}
