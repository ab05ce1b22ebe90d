/** Which model version serves a request: the route table fed from genstream.model-routes, the deterministic
 *  weighted choice, the model-store watcher that adds versions while serving, and the quality-gated canary. */
package io.genstream.app.routing;
