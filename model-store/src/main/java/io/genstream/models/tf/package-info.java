/**
 * TensorFlow native-library location and DJL engine start-up, shared by training and serving.
 * Everything here runs offline: natives come from jars on the class path, never from a download.
 */
package io.genstream.models.tf;
