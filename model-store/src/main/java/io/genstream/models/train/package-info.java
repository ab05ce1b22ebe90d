/**
 * Training the digits models in Java (TF Java, graph mode, seeded and reproducible) and the command
 * that trains, evaluates, exports and describes a model version in one go.
 */
package io.genstream.models.train;
