package io.tablewise.cli;

/**
 * Text from files (column names, paths, messages) made safe to print: control characters become escapes, so a
 * column named with terminal escape sequences cannot clear the screen, fake a prompt or hide text.
 */
final class Terminal {
    private Terminal() {
    }

    /** A writer that escapes control characters (but line breaks, tab and carriage return) on their way out. */
    static java.io.PrintWriter safe(java.io.Writer target) {
        return new java.io.PrintWriter(new java.io.FilterWriter(target) {
            @Override
            public void write(int c) throws java.io.IOException {
                if (unsafe((char) c)) {
                    out.write(String.format("\\u%04x", c));
                } else {
                    out.write(c);
                }
            }

            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                for (int i = off; i < off + len; i++) {
                    write(buf[i]);
                }
            }

            @Override
            public void write(String str, int off, int len) throws java.io.IOException {
                for (int i = off; i < off + len; i++) {
                    write(str.charAt(i));
                }
            }
        });
    }

    private static boolean unsafe(char c) {
        return (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') || c == '\u202e'
                || c == '\u202d' || (c >= '\u2066' && c <= '\u2069');
    }

    /** The text with every control character but tab shown as {@code \\uXXXX}, so it cannot drive the terminal. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c) || c == '\r') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
