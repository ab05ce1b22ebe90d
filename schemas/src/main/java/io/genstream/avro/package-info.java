/**
 * Records of every genstream topic, generated from {@code src/main/avro/*.avsc} (the one copy of each schema).
 * Fields may be added with defaults, never renamed; encode and decode them with {@link io.genstream.schemas.AvroCodec}.
 */
package io.genstream.avro;
