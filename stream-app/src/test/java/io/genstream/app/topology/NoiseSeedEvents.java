package io.genstream.app.topology;

import io.genstream.avro.NoiseSeedEvent;

/** Noise-seed requests for tests. */
public final class NoiseSeedEvents {

    private NoiseSeedEvents() {}

    public static NoiseSeedEvent.Builder valid(String requestId) {
        return NoiseSeedEvent.newBuilder()
                .setRequestId(requestId)
                .setModel("digits-gan")
                .setSeed(42L)
                .setCount(1)
                .setLabel(null)
                .setCreatedAt(1_700_000_000_000L);
    }
}
