package io.tablewise.flow.json;

/**
 * A flow file that cannot be read: names the file, where in it (a JSON path, or a line and column for a syntax
 * error) and what is wrong, in words an analyst can act on.
 */
public class FlowFormatException extends Exception {
    private final String file;
    private final String location;

    /**
     * @param file the file name (or a description of the source)
     * @param location a JSON path such as {@code nodes[2].params}, or {@code line 4, column 7}
     * @param message what is wrong and what to do
     */
    public FlowFormatException(String file, String location, String message) {
        super(file + (location.isEmpty() ? "" : " (" + location + ")") + ": " + message);
        this.file = file;
        this.location = location;
    }

    /** The file that could not be read. */
    public String file() {
        return file;
    }

    /** Where in the file the problem is. */
    public String location() {
        return location;
    }
}
