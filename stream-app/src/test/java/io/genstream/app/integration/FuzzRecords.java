package io.genstream.app.integration;

import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.PromptEvent;
import io.genstream.schemas.AvroCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded fuzz input: bad records of many kinds, each with the one reason code it must get, mixed
 * with good requests. The same seed gives the same records, so a failure can be replayed.
 */
final class FuzzRecords {

    /**
     * One input record.
     *
     * @param prompt whether it goes to the prompts topic (else the noise seeds)
     * @param value its bytes (null for a tombstone)
     * @param reason the dead-letter reason it must get, or null for a good request
     * @param items how many items a good request asks for
     */
    record Fuzz(boolean prompt, String key, byte[] value, String reason, int items) {}

    private static final AvroCodec<NoiseSeedEvent> SEEDS = AvroCodec.of(NoiseSeedEvent.class);
    private static final AvroCodec<PromptEvent> PROMPTS = AvroCodec.of(PromptEvent.class);

    private final Random random;
    private final int maxInputBytes;
    private int next;

    /** @param maxInputBytes the app's {@code input.max.bytes}, which oversized records exceed */
    FuzzRecords(long seed, int maxInputBytes) {
        this.random = new Random(seed);
        this.maxInputBytes = maxInputBytes;
    }

    /** {@code bad} bad records and {@code goodSeeds} + {@code goodPrompts} good ones, shuffled. */
    List<Fuzz> mixed(int bad, int goodSeeds, int goodPrompts) {
        List<Fuzz> records = new ArrayList<>();
        for (int i = 0; i < bad; i++) {
            records.add(bad(random.nextBoolean()));
        }
        for (int i = 0; i < goodSeeds; i++) {
            String key = key();
            NoiseSeedEvent event = seed(key).setCount(1 + random.nextInt(2))
                    .setSeed(random.nextInt(4) == 0 ? extreme() : random.nextLong()).build();
            records.add(new Fuzz(false, key, SEEDS.encode(event), null, event.getCount()));
        }
        for (int i = 0; i < goodPrompts; i++) {
            String key = key();
            records.add(new Fuzz(true, key, PROMPTS.encode(prompt(key).build()), null, 1));
        }
        Collections.shuffle(records, random);
        return records;
    }

    private String key() {
        return "fuzz-" + next++;
    }

    private long extreme() {
        return new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L}[random.nextInt(4)];
    }

    private static NoiseSeedEvent.Builder seed(String requestId) {
        return NoiseSeedEvent.newBuilder().setRequestId(requestId).setModel("digits-gan").setSeed(7L).setCount(1)
                .setLabel(null).setCreatedAt(System.currentTimeMillis());
    }

    private static PromptEvent.Builder prompt(String requestId) {
        return PromptEvent.newBuilder().setRequestId(requestId).setModel("catalog-gpt").setPrompt("a cosy")
                .setMaxTokens(6).setTemperature(0.8f).setSeed(11L).setCreatedAt(System.currentTimeMillis());
    }

    /** One bad record: the defect is chosen at random; everything else about it is valid. */
    private Fuzz bad(boolean prompt) {
        String key = key();
        byte[] valid = prompt ? PROMPTS.encode(prompt(key).build()) : SEEDS.encode(seed(key).build());
        int kind = random.nextInt(prompt ? 14 : 13);
        return switch (kind) {
            case 0 -> new Fuzz(prompt, key, randomBytes(), "MALFORMED", 0);
            case 1 -> new Fuzz(prompt, key, Arrays.copyOf(valid, random.nextInt(valid.length)), "MALFORMED", 0);
            case 2 -> new Fuzz(prompt, key, wrongFingerprint(valid), "UNKNOWN_SCHEMA", 0);
            case 3 -> random.nextInt(10) == 0
                    ? new Fuzz(prompt, key, oversized(valid), "TOO_LARGE", 0)
                    : new Fuzz(prompt, key, null, "MALFORMED", 0); // a tombstone
            case 4 -> edit(prompt, key, s -> s.setRequestId(huge(10_000)), p -> p.setRequestId(huge(10_000)),
                    "TOO_LARGE");
            case 5 -> edit(prompt, key, s -> s.setRequestId(""), p -> p.setRequestId(" "), "INVALID_PARAMETER");
            case 6 -> edit(prompt, key, s -> s.setModel("no-such-" + random.nextInt(1000)),
                    p -> p.setModel(random.nextBoolean() ? "" : huge(5_000)), "UNKNOWN_MODEL");
            default -> prompt ? badPrompt(key, kind) : badSeed(key, kind);
        };
    }

    private Fuzz badSeed(String key, int kind) {
        NoiseSeedEvent.Builder event = seed(key);
        String reason = switch (kind) {
            case 7 -> {
                event.setCount(1_000_000_000);
                yield "TOO_LARGE";
            }
            case 8 -> {
                event.setCount(random.nextBoolean() ? 0 : Integer.MIN_VALUE + random.nextInt(1000));
                yield "INVALID_PARAMETER";
            }
            case 9 -> {
                event.setLabel(random.nextBoolean() ? -1 - random.nextInt(1000) : 10 + random.nextInt(Integer.MAX_VALUE - 10));
                yield "INVALID_PARAMETER";
            }
            case 10 -> {
                event.setInterpolateTo(random.nextLong()).setSteps(1_000_000_000);
                yield "TOO_LARGE";
            }
            case 11 -> {
                event.setInterpolateTo(random.nextLong()).setSteps(-random.nextInt(1000));
                yield "INVALID_PARAMETER";
            }
            default -> {
                event.setInterpolateTo(random.nextLong()).setSteps(4).setCount(1_000_000_000);
                yield "INVALID_PARAMETER";
            }
        };
        return new Fuzz(false, key, SEEDS.encode(event.build()), reason, 0);
    }

    private Fuzz badPrompt(String key, int kind) {
        PromptEvent.Builder event = prompt(key);
        String reason = switch (kind) {
            case 7 -> {
                event.setPrompt(random.nextBoolean() ? "" : "   ");
                yield "INVALID_PARAMETER";
            }
            case 8 -> {
                event.setPrompt(huge(600 + random.nextInt(20_000)));
                yield "TOO_LARGE";
            }
            case 9 -> {
                event.setTemperature(new float[] {Float.NaN, -1f, 1e30f, Float.POSITIVE_INFINITY}[random.nextInt(4)]);
                yield "INVALID_PARAMETER";
            }
            case 10 -> {
                event.setMaxTokens(random.nextBoolean() ? 1_000_000_000 : Integer.MAX_VALUE);
                yield "TOO_LARGE";
            }
            case 11 -> {
                event.setMaxTokens(-random.nextInt(1_000_000));
                yield "INVALID_PARAMETER";
            }
            case 12 -> {
                event.setTopP(new float[] {Float.NaN, 0f, -0.5f, 2f}[random.nextInt(4)]);
                yield "INVALID_PARAMETER";
            }
            default -> {
                event.setContext(Map.of("item", huge(300 + random.nextInt(3_000))));
                yield "TOO_LARGE";
            }
        };
        return new Fuzz(true, key, PROMPTS.encode(event.build()), reason, 0);
    }

    private Fuzz edit(boolean prompt, String key, Function<NoiseSeedEvent.Builder, NoiseSeedEvent.Builder> seedEdit,
            Function<PromptEvent.Builder, PromptEvent.Builder> promptEdit, String reason) {
        byte[] value = prompt ? PROMPTS.encode(promptEdit.apply(prompt(key)).build())
                : SEEDS.encode(seedEdit.apply(seed(key)).build());
        return new Fuzz(prompt, key, value, reason, 0);
    }

    /** Random bytes that do not start with the Avro single-object marker (or none at all). */
    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && bytes[0] == (byte) 0xC3) {
            bytes[0] = 0;
        }
        return bytes;
    }

    private byte[] wrongFingerprint(byte[] valid) {
        byte[] bytes = valid.clone();
        for (int i = 2; i < 10; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** A valid header and more bytes than the app accepts. */
    private byte[] oversized(byte[] valid) {
        byte[] bytes = Arrays.copyOf(valid, maxInputBytes + 1 + random.nextInt(1024));
        random.nextBytes(bytes);
        System.arraycopy(valid, 0, bytes, 0, 10);
        return bytes;
    }

    private String huge(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }
}
