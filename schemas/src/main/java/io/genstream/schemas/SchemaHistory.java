package io.genstream.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every version of one record that a reader accepts: the current schema plus each published older version,
 * keyed by CRC-64-AVRO fingerprint of its Parsing Canonical Form.
 *
 * <p>Older versions live on the classpath as {@code io/genstream/avro/history/<RecordSimpleName>/*.avsc}. When a
 * schema changes, copy the last released {@code .avsc} there before editing it, so data already in the topics stays
 * readable. Each one is checked at load time to be readable by the current schema, so an incompatible change fails at
 * startup instead of on the first old record. Immutable, hence thread-safe.
 */
public final class SchemaHistory implements SchemaStore {

  /** Classpath folder holding one sub-folder of older {@code .avsc} files per record simple name. */
  public static final String RESOURCE_ROOT = "io/genstream/avro/history/";

  private final Schema current;
  private final Map<Long, Schema> byFingerprint;

  private SchemaHistory(Schema current, Map<Long, Schema> byFingerprint) {
    this.current = current;
    this.byFingerprint = Collections.unmodifiableMap(byFingerprint);
  }

  /** The current schema and the older versions found by {@code loader} under {@link #RESOURCE_ROOT}. */
  public static SchemaHistory load(Schema current, ClassLoader loader) {
    return of(current, readResources(RESOURCE_ROOT + current.getName(), loader));
  }

  /**
   * The current schema and the given older versions.
   *
   * @throws IllegalArgumentException when an older version names another record or cannot be read by {@code current}
   */
  public static SchemaHistory of(Schema current, Collection<Schema> older) {
    Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
    byFingerprint.put(SchemaNormalization.parsingFingerprint64(current), current);
    for (Schema old : older) {
      requireReadable(current, old);
      byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(old), old);
    }
    return new SchemaHistory(current, byFingerprint);
  }

  public Schema current() {
    return current;
  }

  /** All known versions, the current one first; a version listed twice appears once. */
  public Collection<Schema> all() {
    return byFingerprint.values();
  }

  @Override
  public Schema findByFingerprint(long fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  private static void requireReadable(Schema current, Schema old) {
    if (!current.getFullName().equals(old.getFullName())) {
      throw new IllegalArgumentException(
          "history of " + current.getFullName() + " contains a schema of " + old.getFullName());
    }
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(current, old);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new IllegalArgumentException("the current " + current.getFullName()
          + " cannot read an older version of it: " + compatibility.getDescription());
    }
  }

  private static List<Schema> readResources(String folder, ClassLoader loader) {
    List<Schema> schemas = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(folder))) {
        switch (url.getProtocol()) {
          case "file" -> readFolder(Path.of(url.toURI()), schemas);
          case "jar" -> readJarFolder((JarURLConnection) url.openConnection(), schemas);
          // Failing beats silently forgetting old versions and rejecting their records as UNKNOWN_SCHEMA.
          default -> throw new IllegalStateException("cannot list schema history at " + url);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema history " + folder, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read schema history " + folder, e);
    }
    return schemas;
  }

  private static void readFolder(Path folder, List<Schema> into) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          into.add(parse(in, file.toString()));
        }
      }
    }
  }

  private static void readJarFolder(JarURLConnection connection, List<Schema> into) throws IOException {
    connection.setUseCaches(false); // our own JarFile, so closing it cannot close one the class loader uses
    String prefix = connection.getEntryName() + "/";
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.startsWith(prefix) && name.endsWith(".avsc") && name.indexOf('/', prefix.length()) < 0) {
          try (InputStream in = jar.getInputStream(entry)) {
            into.add(parse(in, jar.getName() + "!/" + name));
          }
        }
      }
    }
  }

  private static Schema parse(InputStream in, String origin) throws IOException {
    try {
      // One parser per file: versions of the same record must not collide as duplicate names.
      return new Schema.Parser().parse(in);
    } catch (RuntimeException e) {
      throw new IllegalStateException("invalid schema in history file " + origin, e);
    }
  }
}
