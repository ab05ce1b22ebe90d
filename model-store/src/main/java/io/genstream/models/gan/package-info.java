/**
 * The {@code digits-gan} networks (class-conditional generator and projection discriminator) as
 * TF Java graph builders, shared by the trainer and by the lean inference graph that is exported.
 */
package io.genstream.models.gan;
