package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pending store's entries keep the chosen model version, and entries from before versions were routed still read. */
class PendingRequestTest {

    @Test
    void anEntryKeepsTheModelVersionChosenForTheRequest() {
        PendingRequest request = new PendingRequest("in", 2, 41L, 1_000L, "k".getBytes(StandardCharsets.UTF_8),
                new byte[] {1, 2, 3}, "digits-gan@2");

        PendingRequest decoded = PendingRequest.decode(request.encode());

        assertThat(decoded.modelId()).isEqualTo("digits-gan@2");
        assertThat(decoded.offset()).isEqualTo(41L);
        assertThat(decoded.value()).containsExactly(1, 2, 3);
    }

    @Test
    void aFormatOneEntryWithoutAVersionDecodesWithNone() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF("in");
            out.writeInt(0);
            out.writeLong(7L);
            out.writeLong(99L);
            out.writeInt(-1); // no key
            out.writeInt(2);
            out.write(new byte[] {9, 8});
        }

        PendingRequest decoded = PendingRequest.decode(bytes.toByteArray());

        assertThat(decoded.modelId()).isNull();
        assertThat(decoded.key()).isNull();
        assertThat(decoded.value()).containsExactly(9, 8);
        assertThat(decoded.timestamp()).isEqualTo(99L);
    }
}
