package io.genstream.app.cli;

import io.genstream.avro.GeneratedContent;
import io.genstream.avro.RejectedEvent;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The demo's reader of what genstream wrote, as any downstream consumer would read it
 * ({@code read_committed}): counts items and dead letters, and saves a sample of the images.
 */
final class DemoSink implements Runnable, AutoCloseable {

    private static final int SAVE_EVERY = 10;
    static final String TEXTS_FILE = "texts.txt";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String contentTopic;
    private final Path outputDir;
    private final int sampleLimit;
    private final AvroCodec<GeneratedContent> contentCodec = AvroCodec.of(GeneratedContent.class);
    private final AvroCodec<RejectedEvent> rejectedCodec = AvroCodec.of(RejectedEvent.class);
    private final AtomicLong items = new AtomicLong();
    /** Items and dead letters of the demo's own requests (keys "demo-…"), for the final tally;
     *  records that other clients produce while the demo runs are shown but not tallied. */
    private final AtomicLong ownItems = new AtomicLong();
    private final AtomicLong ownDeadLetters = new AtomicLong();
    private final AtomicLong saved = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong savedTexts = new AtomicLong();
    private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    DemoSink(Map<String, Object> clientConfig, String contentTopic, String deadLetterTopic, Path outputDir,
            int sampleLimit) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "genstream-demo-sink");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(contentTopic, deadLetterTopic));
        this.contentTopic = contentTopic;
        this.outputDir = outputDir;
        this.sampleLimit = sampleLimit;
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outputDir, e);
        }
    }

    long items() {
        return items.get();
    }

    long ownItems() {
        return ownItems.get();
    }

    long ownDeadLetters() {
        return ownDeadLetters.get();
    }

    long saved() {
        return saved.get();
    }

    /** Texts seen so far (all clients'). */
    long texts() {
        return texts.get();
    }

    /** Dead letters seen so far, by reason. */
    Map<String, Long> deadLetters() {
        Map<String, Long> copy = new TreeMap<>();
        deadLetters.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    @Override
    public void run() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    boolean own = record.key() != null
                            && new String(record.key(), StandardCharsets.UTF_8).startsWith(DemoTraffic.KEY_PREFIX);
                    if (record.topic().equals(contentTopic)) {
                        onContent(contentCodec.decode(record.value()));
                        if (own) {
                            ownItems.incrementAndGet();
                        }
                    } else {
                        String reason = rejectedCodec.decode(record.value()).getReason();
                        deadLetters.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
                        if (own) {
                            ownDeadLetters.incrementAndGet();
                        }
                    }
                } catch (RecordDecodeException e) {
                    // genstream wrote it, so this would be a genstream bug: say so, keep reading.
                    System.err.println("demo: unreadable record on " + record.topic() + ": " + e.getMessage());
                }
            }
        }
        consumer.close();
    }

    private void onContent(GeneratedContent content) {
        long n = items.incrementAndGet();
        if (content.getText() != null) {
            texts.incrementAndGet();
            if (savedTexts.get() < sampleLimit) {
                saveText(content);
            }
            return;
        }
        if (content.getImage() == null || n % SAVE_EVERY != 1 || saved.get() >= sampleLimit) {
            return;
        }
        ByteBuffer data = content.getImage().getData();
        byte[] png = new byte[data.remaining()];
        data.duplicate().get(png);
        String name = String.format("%s-%d-label%s.png", content.getRequestId(), content.getIndex(),
                content.getLabel() == null ? "none" : content.getLabel().toString());
        try {
            Files.write(outputDir.resolve(name), png);
            saved.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sample image into " + outputDir, e);
        }
    }

    /** Appends one text, its model and scores to {@code texts.txt}. */
    private void saveText(GeneratedContent content) {
        String line = String.format("%s\t%s@%s\t%s\t%s%n", content.getRequestId(), content.getModelName(),
                content.getModelVersion(), content.getScores(), content.getText());
        try {
            Files.writeString(outputDir.resolve(TEXTS_FILE), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            savedTexts.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample texts into " + outputDir, e);
        }
    }

    void stop() {
        running = false;
    }

    @Override
    public void close() {
        stop();
    }
}
