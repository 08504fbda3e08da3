package io.tablewise.engine;

/** A run-time parameter override that names no flow parameter or cannot be converted. */
public class InvalidParameterException extends Exception {
    /** @param message what is wrong and what to do */
    public InvalidParameterException(String message) {
        super(message);
    }
}
