package io.tablewise.transform.formula;

import java.util.ArrayList;
import java.util.List;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.TableSchema;

/**
 * Recursive-descent parser with type checking against the input schema. Precedence, loosest first: or, and,
 * not, comparison, + - &amp;, * / %, unary minus, ^ (right-associative), then literals, columns, calls,
 * parentheses and {@code case when … then … else … end}.
 */
final class Parser {
    /** Longest formula text read. */
    static final int MAX_CHARS = 20_000;
    /** Deepest nesting of parentheses and calls. */
    static final int MAX_NESTING = 100;
    /** Most operators in one formula (each deepens the expression by one). */
    static final int MAX_OPERATORS = 1_000;
    private final List<Token> tokens;
    private final TableSchema schema;
    private int at;

    private Parser(List<Token> tokens, TableSchema schema) {
        this.tokens = tokens;
        this.schema = schema;
    }

    static Expr parse(String text, TableSchema schema) throws FormulaException {
        if (text == null || text.isBlank()) {
            throw new FormulaException("the formula is empty", 1);
        }
        if (text.length() > MAX_CHARS) {
            throw new FormulaException("the formula is " + text.length() + " characters long; at most " + MAX_CHARS
                    + " are read. Split it into several formula steps", 1);
        }
        List<Token> tokens = Lexer.tokens(text);
        checkSize(tokens);
        Parser p = new Parser(tokens, schema);
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            throw new FormulaException("unexpected '" + t.text() + "' after a complete expression", t.position());
        }
        return e;
    }

    /**
     * Parsing and evaluation walk the expression recursively, so its depth is bounded before either starts: a
     * formula nested or chained beyond these limits gets a message instead of exhausting the stack.
     */
    private static void checkSize(List<Token> tokens) throws FormulaException {
        int depth = 0;
        int operators = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.LPAREN && ++depth > MAX_NESTING) {
                throw new FormulaException("parentheses and calls are nested more than " + MAX_NESTING
                        + " deep; simplify the formula or split it into several formula steps", t.position());
            } else if (t.kind() == Token.Kind.RPAREN) {
                depth--;
            } else if ((t.kind() == Token.Kind.OPERATOR || t.is("and") || t.is("or") || t.is("not"))
                    && ++operators > MAX_OPERATORS) {
                throw new FormulaException("the formula has more than " + MAX_OPERATORS + " operators; split it "
                        + "into several formula steps (or use sum over columns)", t.position());
            }
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean accept(String op) {
        if (peek().is(op)) {
            at++;
            return true;
        }
        return false;
    }

    private Expr or() throws FormulaException {
        Expr e = and();
        while (peek().is("or") || peek().is("||")) {
            int pos = next().position();
            e = Operators.logic(pos, false, e, and());
        }
        return e;
    }

    private Expr and() throws FormulaException {
        Expr e = not();
        while (peek().is("and") || peek().is("&&")) {
            int pos = next().position();
            e = Operators.logic(pos, true, e, not());
        }
        return e;
    }

    private Expr not() throws FormulaException {
        if (peek().is("not") || peek().is("!")) {
            int pos = next().position();
            return Operators.not(pos, not());
        }
        return comparison();
    }

    private Expr comparison() throws FormulaException {
        Expr e = additive();
        for (String op : new String[] {"<=", ">=", "<>", "!=", "==", "=", "<", ">"}) {
            if (peek().kind() == Token.Kind.OPERATOR && peek().text().equals(op)) {
                int pos = next().position();
                return Operators.compare(pos, op, e, additive());
            }
        }
        return e;
    }

    private Expr additive() throws FormulaException {
        Expr e = multiplicative();
        while (peek().kind() == Token.Kind.OPERATOR && (peek().text().equals("+") || peek().text().equals("-")
                || peek().text().equals("&"))) {
            Token op = next();
            e = Operators.arithmetic(op.position(), op.text(), e, multiplicative());
        }
        return e;
    }

    private Expr multiplicative() throws FormulaException {
        Expr e = unary();
        while (peek().kind() == Token.Kind.OPERATOR && (peek().text().equals("*") || peek().text().equals("/")
                || peek().text().equals("%"))) {
            Token op = next();
            e = Operators.arithmetic(op.position(), op.text(), e, unary());
        }
        return e;
    }

    private Expr unary() throws FormulaException {
        if (peek().kind() == Token.Kind.OPERATOR && peek().text().equals("-")) {
            int pos = next().position();
            return Operators.negate(pos, unary());
        }
        if (peek().kind() == Token.Kind.OPERATOR && peek().text().equals("+")) {
            next();
            return unary();
        }
        return power();
    }

    private Expr power() throws FormulaException {
        Expr base = primary();
        if (peek().kind() == Token.Kind.OPERATOR && peek().text().equals("^")) {
            Token op = next();
            return Operators.arithmetic(op.position(), "^", base, unary());
        }
        return base;
    }

    private Expr primary() throws FormulaException {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Expr.Literal(t.position(), Type.NUMBER, t.number());
            case STRING:
                return new Expr.Literal(t.position(), Type.TEXT, t.text());
            case COLUMN:
                return column(t);
            case LPAREN: {
                Expr e = or();
                expect(Token.Kind.RPAREN, "')' to close the '(' at position " + t.position());
                return e;
            }
            case NAME:
                return name(t);
            case END:
                throw new FormulaException("the formula ends where a value is expected", t.position());
            default:
                throw new FormulaException("unexpected '" + t.text() + "' where a value is expected", t.position());
        }
    }

    private Expr name(Token t) throws FormulaException {
        String word = t.text();
        if (peek().kind() == Token.Kind.LPAREN) {
            next();
            List<Expr> args = new ArrayList<>();
            if (peek().kind() != Token.Kind.RPAREN) {
                do {
                    args.add(or());
                } while (peek().kind() == Token.Kind.COMMA && next() != null);
            }
            expect(Token.Kind.RPAREN, "')' to close the call of " + word + "()");
            return Functions.call(t.position(), word, args);
        }
        if (schema.has(word)) {
            return column(t);
        }
        switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "true":
                return new Expr.Literal(t.position(), Type.BOOLEAN, true);
            case "false":
                return new Expr.Literal(t.position(), Type.BOOLEAN, false);
            case "null":
                return new Expr.Literal(t.position(), Type.NULL, null);
            case "case":
                return caseWhen(t);
            default:
                return column(t);
        }
    }

    private Expr caseWhen(Token start) throws FormulaException {
        List<Expr> conditions = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (accept("when")) {
            Expr c = or();
            Functions.expect(c, Type.BOOLEAN, "a 'when' condition");
            if (!accept("then")) {
                throw new FormulaException("expected 'then'", peek().position());
            }
            conditions.add(c);
            values.add(or());
        }
        if (conditions.isEmpty()) {
            throw new FormulaException("'case' needs at least one 'when … then …'", peek().position());
        }
        Expr otherwise = accept("else") ? or() : new Expr.Literal(start.position(), Type.NULL, null);
        if (!accept("end")) {
            throw new FormulaException("expected 'end' to close the 'case' at position " + start.position(),
                    peek().position());
        }
        Expr e = otherwise;
        for (int i = conditions.size() - 1; i >= 0; i--) {
            e = Functions.choose(start.position(), conditions.get(i), values.get(i), e);
        }
        return e;
    }

    private Expr column(Token t) throws FormulaException {
        ColumnSchema c = schema.column(t.text()).orElseThrow(() -> new FormulaException("there is no column '"
                + t.text() + "'" + io.tablewise.node.Suggestions.didYouMean(t.text(), schema.names())
                + (t.text().contains(" ") ? "" : "; write names with spaces as [my column]"), t.position()));
        return new Values.ColumnRef(t.position(), c.name(), c.kind() == null ? ColumnKind.TEXT : c.kind());
    }

    private void expect(Token.Kind kind, String what) throws FormulaException {
        Token t = peek();
        if (t.kind() != kind) {
            throw new FormulaException("expected " + what + (t.kind() == Token.Kind.END ? ", but the formula ends"
                    : ", found '" + t.text() + "'"), t.position());
        }
        next();
    }
}
