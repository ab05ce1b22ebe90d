package io.genstream.app.validation;

/**
 * Why an input was refused: a stable code and a message for a person.
 *
 * @param reason the code
 * @param message what exactly was wrong, naming the field and the bound
 */
public record Rejection(RejectionReason reason, String message) {}
