/**
 * The command line: {@code demo}, {@code run}, {@code models}. Parses flags into the one typed
 * configuration and wires the application; no stream logic lives here.
 */
package io.genstream.app.cli;
