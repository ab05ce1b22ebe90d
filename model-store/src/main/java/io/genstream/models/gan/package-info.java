/**
 * The {@code digits-gan} networks (class-conditional generator and projection discriminator) as
 * TF Java graph builders, and the layers, variables and latent noise the digits-vae builds on too.
 */
package io.genstream.models.gan;
