/**
 * The {@code digits-eval} network (a small CNN that classifies digits and exposes its penultimate
 * features) as a TF Java graph builder, shared by trainer and exporter.
 */
package io.genstream.models.classifier;
