/**
 * The character-level LSTM of {@code catalog-lstm}: its parameters and its cell, built from plain
 * TF ops (matmul, sigmoid, tanh) so that the training graph and the exported graph share one definition.
 */
package io.genstream.models.lstm;
