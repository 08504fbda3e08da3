package io.tablewise.node;

/**
 * A message about a node: a validation error, a warning from a run (e.g. a ragged CSV row) or information.
 *
 * @param severity how serious
 * @param nodeId the node it concerns ({@code null} for the flow as a whole)
 * @param param the parameter it concerns ({@code null} if none)
 * @param text plain-language text saying what is wrong and what to do
 */
public record NodeMessage(Severity severity, String nodeId, String param, String text) {
    /** How serious a message is. */
    public enum Severity { INFO, WARNING, ERROR }

    /** An error about a node's parameter. */
    public static NodeMessage error(String nodeId, String param, String text) {
        return new NodeMessage(Severity.ERROR, nodeId, param, text);
    }

    /** A warning about a node. */
    public static NodeMessage warning(String nodeId, String param, String text) {
        return new NodeMessage(Severity.WARNING, nodeId, param, text);
    }

    /** True for errors. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line such as {@code ERROR node 'import' parameter 'path': the file does not exist}. */
    public String format() {
        StringBuilder sb = new StringBuilder(severity.name());
        if (nodeId != null) {
            sb.append(" node '").append(nodeId).append('\'');
        }
        if (param != null) {
            sb.append(" parameter '").append(param).append('\'');
        }
        return sb.append(": ").append(text).toString();
    }
}
