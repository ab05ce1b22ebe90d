/**
 * The procedural {@code digits} data set: 28×28 grey digits drawn from jittered strokes, seeded
 * and reproducible, plus a PNG writer for grids of such images (data sheets, contact sheets).
 */
package io.genstream.models.data;
