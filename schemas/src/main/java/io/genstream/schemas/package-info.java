/**
 * Avro single-object encoding of the genstream records ({@link io.genstream.schemas.AvroCodec}) and its Kafka serdes.
 * Readers find the writer schema by fingerprint among the current and all published versions ({@link io.genstream.schemas.SchemaHistory}).
 */
package io.genstream.schemas;
