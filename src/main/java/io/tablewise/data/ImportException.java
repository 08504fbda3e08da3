package io.tablewise.data;

/**
 * A file cannot be imported. The message names the file, the line when there is one, what is wrong and what to
 * do about it.
 */
public class ImportException extends Exception {
    private final String param;

    /** @param param the node parameter to change to fix it, or {@code null} */
    public ImportException(String param, String message) {
        super(message);
        this.param = param;
    }

    /** The node parameter the user should change, or {@code null}. */
    public String param() {
        return param;
    }
}
