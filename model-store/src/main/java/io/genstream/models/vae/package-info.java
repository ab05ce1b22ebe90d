/**
 * The {@code digits-vae} networks (class-conditional convolutional encoder, and the decoder, which
 * is the digits-gan generator's shape) as TF Java graph builders, shared by trainer and exporter.
 */
package io.genstream.models.vae;
