/**
 * Statistics of feature vectors shared by training and serving: Gaussian statistics (batch and
 * mergeable), the Fréchet distance between two Gaussians, and the linear algebra under them.
 */
package io.genstream.models.stats;
