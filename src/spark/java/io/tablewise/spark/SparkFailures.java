package io.tablewise.spark;

/** A Spark failure in words: the innermost cause that says something, without Spark's stack of wrappers. */
final class SparkFailures {
    private SparkFailures() {
    }

    static String describe(Throwable e) {
        Throwable t = e;
        String said = null;
        while (t != null) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                said = m;
            }
            if (t instanceof io.tablewise.node.NodeException) {
                break;
            }
            t = t.getCause();
        }
        String first = said == null ? e.getClass().getSimpleName() : said.lines().findFirst().orElse(said);
        return first.length() > 400 ? first.substring(0, 400) + " …" : first;
    }
}
