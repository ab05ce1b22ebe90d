package io.genstream.app.cli;

import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.PromptEvent;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import io.genstream.schemas.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's sample traffic at a steady rate: noise-seed requests (counts 1–4, some
 * unconditioned, some interpolations) and, when text models are served, one prompt in ten
 * (recommendation blurbs: a user segment, category, item and features as context, the first words
 * of a blurb as prompt). About 2% are bad inputs of every kind, so the dead-letter path shows too.
 */
final class DemoTraffic implements Runnable, AutoCloseable {

    /** Key (request id) prefix of every event the demo sends. */
    static final String KEY_PREFIX = "demo-";
    private static final int BAD_EVERY = 50;
    private static final int PROMPT_EVERY = 10;
    private static final int PROMPT_MAX_TOKENS = 96;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String noiseSeedTopic;
    private final String promptTopic;
    private final List<String> imageModels;
    private final List<String> textModels;
    private final int eventsPerSecond;
    private final int maxCount;
    private final AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
    private final AvroCodec<PromptEvent> promptCodec = AvroCodec.of(PromptEvent.class);
    private final Random random = new Random(20261122L);
    private final List<CatalogExample> blurbs = CatalogCorpus.generate(20261122L, 500);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong expectedImages = new AtomicLong();
    private final AtomicLong expectedTexts = new AtomicLong();
    private final AtomicLong expectedRejections = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param imageModels the image models to send noise seeds to, in turn (at least one)
     * @param textModels the text models to send prompts to; empty = noise seeds only
     */
    DemoTraffic(Map<String, Object> clientConfig, String noiseSeedTopic, String promptTopic, List<String> imageModels,
            List<String> textModels, int eventsPerSecond, int maxCount) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.noiseSeedTopic = noiseSeedTopic;
        this.promptTopic = promptTopic;
        this.imageModels = List.copyOf(imageModels);
        this.textModels = List.copyOf(textModels);
        this.eventsPerSecond = eventsPerSecond;
        this.maxCount = maxCount;
    }

    long sent() {
        return sent.get();
    }

    /** Images the valid noise-seed events sent so far ask for. */
    long expectedImages() {
        return expectedImages.get();
    }

    /** Texts the valid prompts sent so far ask for (one each). */
    long expectedTexts() {
        return expectedTexts.get();
    }

    /** Bad inputs sent so far: each must come back as one dead letter. */
    long expectedRejections() {
        return expectedRejections.get();
    }

    @Override
    public void run() {
        long tickNanos = 100_000_000L;
        double perTick = eventsPerSecond / 10.0;
        double owed = 0;
        long next = System.nanoTime();
        while (running) {
            owed += perTick;
            while (owed >= 1 && running) {
                send(sent.get());
                owed -= 1;
            }
            next += tickNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void send(long n) {
        String requestId = KEY_PREFIX + n;
        String topic = noiseSeedTopic;
        byte[] value;
        if (n % BAD_EVERY == BAD_EVERY - 1) {
            long k = n / BAD_EVERY;
            int kinds = textModels.isEmpty() ? 6 : 9;
            if (k % kinds >= 6) {
                topic = promptTopic;
                value = badPrompt(k, (int) (k % kinds));
            } else {
                value = badInput(k);
            }
            expectedRejections.incrementAndGet();
        } else if (!textModels.isEmpty() && n % PROMPT_EVERY == PROMPT_EVERY / 2) {
            topic = promptTopic;
            value = promptCodec.encode(goodPrompt(requestId, n / PROMPT_EVERY));
            expectedTexts.incrementAndGet();
        } else {
            NoiseSeedEvent event = goodEvent(requestId);
            value = codec.encode(event);
            expectedImages.addAndGet(event.getInterpolateTo() == null ? event.getCount() : event.getSteps());
        }
        producer.send(new ProducerRecord<>(topic, requestId.getBytes(StandardCharsets.UTF_8), value));
        sent.incrementAndGet();
    }

    private NoiseSeedEvent goodEvent(String requestId) {
        NoiseSeedEvent.Builder event = NoiseSeedEvent.newBuilder()
                .setRequestId(requestId)
                .setModel(imageModels.get(random.nextInt(imageModels.size())))
                .setSeed(random.nextLong())
                .setCount(1 + random.nextInt(4))
                .setLabel(random.nextInt(10) < 7 ? random.nextInt(10) : null)
                .setCreatedAt(System.currentTimeMillis());
        if (random.nextInt(20) == 0) {
            event.setCount(1).setInterpolateTo(random.nextLong()).setSteps(8);
        }
        return event.build();
    }

    /** A recommendation blurb request: a catalog context, and the first one to three words as prompt. */
    private PromptEvent goodPrompt(String requestId, long k) {
        CatalogExample example = blurbs.get(random.nextInt(blurbs.size()));
        String[] words = example.blurb().split(" ");
        String prompt = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 1 + random.nextInt(3))));
        return prompt(requestId, textModels.get((int) (k % textModels.size())))
                .setPrompt(prompt)
                .setContext(example.context())
                .setTopK(random.nextBoolean() ? 10 : null)
                .setTopP(random.nextInt(4) == 0 ? 0.95f : null)
                .build();
    }

    private PromptEvent.Builder prompt(String requestId, String model) {
        return PromptEvent.newBuilder()
                .setRequestId(requestId)
                .setModel(model)
                .setPrompt("")
                .setMaxTokens(PROMPT_MAX_TOKENS)
                .setTemperature(0.8f)
                .setSeed(random.nextLong())
                .setCreatedAt(System.currentTimeMillis());
    }

    /** One bad input of each kind in turn: the dead-letter reasons a user will meet. */
    private byte[] badInput(long k) {
        NoiseSeedEvent.Builder valid = NoiseSeedEvent.newBuilder()
                .setRequestId("demo-bad-" + k).setModel(imageModels.get(0)).setSeed(k).setCount(1)
                .setCreatedAt(System.currentTimeMillis());
        return switch ((int) (k % 6)) {
            case 0 -> "not avro at all".getBytes(StandardCharsets.UTF_8);
            case 1 -> unknownFingerprint(codec.encode(valid.build()));
            case 2 -> codec.encode(valid.setModel("no-such-model").build());
            case 3 -> codec.encode(valid.setCount(0).build());
            case 4 -> codec.encode(valid.setCount(maxCount + 1).build());
            default -> codec.encode(valid.setLabel(12).build());
        };
    }

    /** Bad prompts: a NaN temperature, a top-p above 1, an empty prompt. */
    private byte[] badPrompt(long k, int kind) {
        PromptEvent.Builder valid = prompt("demo-bad-" + k, textModels.get(0)).setPrompt("a");
        return promptCodec.encode(switch (kind) {
            case 6 -> valid.setTemperature(Float.NaN).build();
            case 7 -> valid.setTopP(2f).build();
            default -> valid.setPrompt("").build();
        });
    }

    /** The same body under a writer-schema fingerprint nobody knows (bytes 2..9 of the header). */
    private static byte[] unknownFingerprint(byte[] encoded) {
        byte[] copy = encoded.clone();
        for (int i = 2; i < 10; i++) {
            copy[i] = (byte) ~copy[i];
        }
        return copy;
    }

    /** Stops sending; the thread running {@link #run()} returns within one tick. */
    void stop() {
        running = false;
    }

    @Override
    public void close() {
        stop();
        producer.close();
    }
}
