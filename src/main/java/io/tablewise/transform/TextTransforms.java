package io.tablewise.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * The text group: change case, trim, replace, extract with a regular expression, length, token count and
 * padding. They read any column as text (numbers as written) and treat missing values as missing. Korean text
 * works as any other: lengths count characters (code points), not bytes.
 */
final class TextTransforms {
    private TextTransforms() {
    }

    static List<Transform> all() {
        return List.of(new Case(), new Trim(), new Replace(), new Extract(), new Length(), new Tokens(), new Pad());
    }

    static Pattern regex(String param, String text, boolean literal) throws NodeException {
        if (text.isEmpty()) {
            throw new NodeException(param, "the pattern is empty");
        }
        try {
            return literal ? Pattern.compile(Pattern.quote(text)) : Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new NodeException(param, "not a valid regular expression: " + e.getDescription() + " at position "
                    + e.getIndex());
        }
    }

    /** Rewrites the chosen columns' texts in place; the columns become text. */
    abstract static class TextRewrite implements Transform {
        abstract UnaryOperator<String> rewrite(NodeParams p) throws NodeException;

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            rewrite(p);
            return Columns.retyped(input, Columns.chosen(input, p, "columns", false), ColumnKind.TEXT);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            UnaryOperator<String> f = rewrite(p);
            List<Column<?>> out = new ArrayList<>();
            for (String n : Columns.chosen(TableSchema.of(input), p, "columns", false)) {
                Column<?> c = input.column(n);
                StringColumn s = StringColumn.create(n);
                for (int i = 0; i < c.size(); i++) {
                    String v = Cells.text(c, i);
                    String r = v == null ? null : f.apply(v);
                    if (r == null) {
                        s.appendMissing();
                    } else {
                        s.append(r);
                    }
                }
                out.add(s);
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class Case extends TextRewrite {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("text", "case", "Change case", "Makes text lower case, upper case or title "
                    + "case (each word capitalised).", List.of(
                    Params.requiredColumns("columns", "Columns", "The text columns."),
                    Params.choice("to", "To", "The case to apply.", "lower", "upper", "title")));
        }

        @Override
        UnaryOperator<String> rewrite(NodeParams p) {
            return switch (p.string("to", "lower")) {
                case "upper" -> s -> s.toUpperCase(Locale.ROOT);
                case "title" -> TextTransforms::title;
                default -> s -> s.toLowerCase(Locale.ROOT);
            };
        }
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            sb.append(start ? Character.toTitleCase(ch) : Character.toLowerCase(ch));
            start = Character.isWhitespace(ch);
        }
        return sb.toString();
    }

    static final class Trim extends TextRewrite {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("text", "trim", "Trim spaces", "Removes spaces at both ends (including "
                    + "non-breaking and full-width spaces) and optionally collapses runs of spaces inside.",
                    List.of(Params.requiredColumns("columns", "Columns", "The text columns."),
                            Params.bool("collapse", "Collapse inner spaces", false, "Turn runs of spaces inside the "
                                    + "text into one space.")));
        }

        @Override
        UnaryOperator<String> rewrite(NodeParams p) {
            boolean collapse = p.bool("collapse", false);
            return s -> {
                String t = s.strip().replace('\u00A0', ' ').replace('\u3000', ' ').strip();
                t = collapse ? t.replaceAll("\\s+", " ") : t;
                return t.isEmpty() ? null : t;
            };
        }
    }

    static final class Replace extends TextRewrite {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("text", "replace", "Replace text", "Replaces every occurrence of a text (or a "
                    + "regular expression, with $1… for its groups) by another.", List.of(
                    Params.requiredColumns("columns", "Columns", "The text columns."),
                    Params.requiredText("find", "Find", "The text or pattern to find."),
                    Params.text("replaceWith", "Replace with", "", "The replacement (empty: remove)."),
                    Params.bool("regex", "Regular expression", false, "Treat 'Find' as a regular expression.")));
        }

        @Override
        UnaryOperator<String> rewrite(NodeParams p) throws NodeException {
            boolean regex = p.bool("regex", false);
            Pattern pattern = regex("find", p.string("find", ""), !regex);
            String with = regex ? p.string("replaceWith", "") : Matcher.quoteReplacement(p.string("replaceWith",
                    ""));
            try {
                pattern.matcher("").replaceAll(with);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new NodeException("replaceWith", "the replacement refers to a group the pattern does not have");
            }
            int groups = pattern.matcher("").groupCount();
            for (int i = 0; regex && i < with.length() - 1; i++) {
                char ch = with.charAt(i);
                if (ch == '\\') {
                    i++;
                } else if (ch == '$' && Character.isDigit(with.charAt(i + 1)) && with.charAt(i + 1) - '0' > groups) {
                    throw new NodeException("replaceWith", "the replacement refers to group $" + with.charAt(i + 1)
                            + ", but the pattern has " + (groups == 0 ? "no groups" : "groups $1 to $" + groups));
                }
            }
            return s -> {
                try {
                    return BoundedRegex.run(pattern, s, "find", m -> m.replaceAll(with));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new io.tablewise.node.NodeFailure("replaceWith", "the replacement cannot be used with this "
                            + "pattern (" + e.getMessage() + "); write $ as \\$ and refer only to groups it has");
                }
            };
        }
    }

    static final class Pad extends TextRewrite {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("text", "pad", "Pad text", "Pads text on the left or right with a character up "
                    + "to a length (e.g. zip codes 501 → 00501); longer texts are kept.", List.of(
                    Params.requiredColumns("columns", "Columns", "The columns to pad."),
                    Params.integer("length", "Length", 5, 1.0, 1000.0, "The length to reach."),
                    Params.text("character", "Character", "0", "The padding character."),
                    Params.choice("side", "Side", "Where to add it.", "left", "right")));
        }

        @Override
        UnaryOperator<String> rewrite(NodeParams p) throws NodeException {
            String ch = p.string("character", "0");
            if (ch.codePointCount(0, ch.length()) != 1) {
                throw new NodeException("character", "give exactly one padding character");
            }
            int length = (int) p.integer("length", 5);
            boolean left = p.string("side", "left").equals("left");
            return s -> {
                int missing = length - s.codePointCount(0, s.length());
                return missing <= 0 ? s : left ? ch.repeat(missing) + s : s + ch.repeat(missing);
            };
        }
    }

    static final class Extract implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("text", "extract", "Extract with pattern", "Adds a column with the first match "
                    + "of a regular expression in a text column (its first group if it has one); missing where "
                    + "nothing matches.", List.of(
                    Params.column("column", "Column", "The text column."),
                    Params.requiredText("pattern", "Pattern", "A regular expression, e.g. (\\d{3})-\\d{4}."),
                    Params.text("name", "New column", "", "The new column's name (empty: <column>_extract).")));
        }

        private static String name(TableSchema input, NodeParams p) {
            String n = p.string("name", "").trim();
            return n.isEmpty() ? Columns.freeName(input.names(), p.string("column", "") + "_extract") : n;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.require(input, p.string("column", ""), "column");
            regex("pattern", p.string("pattern", ""), false);
            return Columns.withSchemaColumns(input, List.of(new ColumnSchema(name(input, p), ColumnKind.TEXT)));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            Pattern pattern = regex("pattern", p.string("pattern", ""), false);
            Column<?> c = input.column(p.string("column", ""));
            StringColumn out = StringColumn.create(name(TableSchema.of(input), p));
            for (int i = 0; i < c.size(); i++) {
                String v = Cells.text(c, i);
                String g = v == null ? null : BoundedRegex.run(pattern, v, "pattern",
                        m -> m.find() ? (m.groupCount() >= 1 ? m.group(1) : m.group()) : null);
                if (v != null && g != null) {
                    out.append(g);
                } else {
                    out.appendMissing();
                }
            }
            return Columns.withColumn(input, out);
        }
    }

    /** Adds an integer column computed from each text. */
    abstract static class TextMeasure implements Transform {
        abstract String suffix();

        abstract int measure(String text, NodeParams p);

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            List<String> sources = Columns.chosen(input, p, "columns", false);
            return Columns.withSchemaColumns(input, names(input.names(), sources).stream()
                    .map(n -> new ColumnSchema(n, ColumnKind.INTEGER)).toList());
        }

        private List<String> names(List<String> taken, List<String> sources) {
            return Columns.freeNames(taken, sources.stream().map(n -> n + suffix()).toList());
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            List<Column<?>> out = new ArrayList<>();
            List<String> sources = Columns.chosen(TableSchema.of(input), p, "columns", false);
            List<String> names = names(input.columnNames(), sources);
            for (int k = 0; k < sources.size(); k++) {
                Column<?> c = input.column(sources.get(k));
                String name = names.get(k);
                IntColumn m = IntColumn.create(name);
                for (int i = 0; i < c.size(); i++) {
                    String v = Cells.text(c, i);
                    if (v == null) {
                        m.appendMissing();
                    } else {
                        m.append(measure(v, p));
                    }
                }
                out.add(m);
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class Length extends TextMeasure {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("text", "length", "Text length", "Adds <column>_length: the number of "
                    + "characters of each text (Korean syllables count one each).", List.of(
                    Params.requiredColumns("columns", "Columns", "The text columns.")));
        }

        @Override
        String suffix() {
            return "_length";
        }

        @Override
        int measure(String text, NodeParams p) {
            return text.codePointCount(0, text.length());
        }
    }

    static final class Tokens extends TextMeasure {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("text", "tokens", "Token count", "Adds <column>_tokens: the number of words "
                    + "(runs of letters or digits), or of parts split by a delimiter.", List.of(
                    Params.requiredColumns("columns", "Columns", "The text columns."),
                    Params.text("delimiter", "Delimiter", "", "Split by this text instead of counting words "
                            + "(e.g. ; for lists).")));
        }

        private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

        @Override
        String suffix() {
            return "_tokens";
        }

        @Override
        int measure(String text, NodeParams p) {
            String d = p.string("delimiter", "");
            if (!d.isEmpty()) {
                return (int) java.util.Arrays.stream(text.split(Pattern.quote(d))).filter(s -> !s.isBlank()).count();
            }
            Matcher m = WORD.matcher(text);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }
    }
}
