package io.tablewise.transform.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a formula into tokens: numbers ({@code 3}, {@code 2.5}, {@code 1e3}), texts in single or double quotes
 * (a doubled quote inside is one quote), names (letters, digits, underscores, dots; any script, so Korean column
 * names work bare), column names with spaces in square brackets or backticks, operators and punctuation.
 */
final class Lexer {
    private static final String[] OPERATORS = {"<=", ">=", "<>", "!=", "==", "&&", "||", "+", "-", "*", "/", "%",
        "^", "<", ">", "=", "!", "&"};

    private Lexer() {
    }

    static List<Token> tokens(String text) throws FormulaException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int pos = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                if (j < n && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < n && Character.isDigit(text.charAt(k))) {
                        j = k;
                        while (j < n && Character.isDigit(text.charAt(j))) {
                            j++;
                        }
                    }
                }
                String s = text.substring(i, j);
                try {
                    out.add(new Token(Token.Kind.NUMBER, s, Double.parseDouble(s), pos));
                } catch (NumberFormatException e) {
                    throw new FormulaException("'" + s + "' is not a number", pos);
                }
                i = j;
            } else if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new FormulaException("the text starting here has no closing " + c, pos);
                    }
                    char d = text.charAt(j);
                    if (d == c) {
                        if (j + 1 < n && text.charAt(j + 1) == c) {
                            sb.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    sb.append(d);
                    j++;
                }
                out.add(new Token(Token.Kind.STRING, sb.toString(), 0, pos));
                i = j + 1;
            } else if (c == '[' || c == '`') {
                char close = c == '[' ? ']' : '`';
                int j = text.indexOf(close, i + 1);
                if (j < 0) {
                    throw new FormulaException("the column name starting here has no closing " + close, pos);
                }
                out.add(new Token(Token.Kind.COLUMN, text.substring(i + 1, j), 0, pos));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                        || text.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Token.Kind.NAME, text.substring(i, j), 0, pos));
                i = j;
            } else if (c == '(') {
                out.add(new Token(Token.Kind.LPAREN, "(", 0, pos));
                i++;
            } else if (c == ')') {
                out.add(new Token(Token.Kind.RPAREN, ")", 0, pos));
                i++;
            } else if (c == ',') {
                out.add(new Token(Token.Kind.COMMA, ",", 0, pos));
                i++;
            } else {
                String op = null;
                for (String o : OPERATORS) {
                    if (text.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    throw new FormulaException("unexpected character '" + c + "'", pos);
                }
                out.add(new Token(Token.Kind.OPERATOR, op, 0, pos));
                i += op.length();
            }
        }
        out.add(new Token(Token.Kind.END, "", 0, n + 1));
        return out;
    }
}
