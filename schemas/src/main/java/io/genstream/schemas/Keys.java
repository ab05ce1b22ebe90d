package io.genstream.schemas;

/**
 * Record keys that are built from parts. Keys go on the wire as UTF-8 strings: use Kafka's {@code Serdes.String()}.
 */
public final class Keys {

  private Keys() {}

  /**
   * Key of the quality topic: {@code modelName@modelVersion}, e.g. {@code digits-gan@3}.
   *
   * @throws IllegalArgumentException when the name contains {@code @}, which would make the key ambiguous
   */
  public static String modelVersion(String modelName, String modelVersion) {
    if (modelName.isEmpty() || modelName.indexOf('@') >= 0 || modelVersion.isEmpty()) {
      throw new IllegalArgumentException("model name must be non-empty without '@', version non-empty: "
          + modelName + ", " + modelVersion);
    }
    return modelName + '@' + modelVersion;
  }
}
