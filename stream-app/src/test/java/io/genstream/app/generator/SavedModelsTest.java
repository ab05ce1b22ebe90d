package io.genstream.app.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.framework.ConfigProto;
import org.tensorflow.proto.framework.GPUOptions;

class SavedModelsTest {

    private static final ConfigProto DJL = ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(3)
            .setInterOpParallelismThreads(2)
            .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true).setVisibleDeviceList("0"))
            .build();

    @Test
    void spinningIsTurnedOffUnlessAllowed() {
        assertThat(SavedModels.sessionConfig(DJL, false).getExperimental().getDisableThreadSpinning()).isTrue();
        assertThat(SavedModels.sessionConfig(DJL, true).getExperimental().getDisableThreadSpinning()).isFalse();
    }

    @Test
    void djlsThreadCountsAndGpuOptionsAreKept() {
        ConfigProto session = SavedModels.sessionConfig(DJL, false);

        assertThat(session.getIntraOpParallelismThreads()).isEqualTo(3);
        assertThat(session.getInterOpParallelismThreads()).isEqualTo(2);
        assertThat(session.getGpuOptions()).isEqualTo(DJL.getGpuOptions());
    }
}
