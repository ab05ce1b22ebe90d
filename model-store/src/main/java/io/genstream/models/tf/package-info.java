/**
 * TensorFlow plumbing shared by training and serving: native-library location, DJL engine start-up,
 * session settings and tensor copies. Everything here runs offline: natives come from jars on the class path.
 */
package io.genstream.models.tf;
