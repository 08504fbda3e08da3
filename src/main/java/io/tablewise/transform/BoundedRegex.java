package io.tablewise.transform;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tablewise.node.NodeFailure;

/**
 * Runs a user's regular expression on one value with a step budget. Java's engine backtracks, so a pattern such as
 * {@code ^((a+)\2?)+$} can take longer than the age of the universe on a short value, and recursion on a long one
 * can exhaust the stack; neither could be cancelled. Every character the engine reads goes through a counter here:
 * past the budget (proportional to the value's length) the step stops with a message naming the parameter, and a
 * cancelled run stops within a few million steps.
 */
final class BoundedRegex {
    /** Steps allowed per value: a fixed part plus a share per character (linear patterns use a few per char). */
    static final long BASE_STEPS = 5_000_000;
    static final long STEPS_PER_CHAR = 2_000;

    private BoundedRegex() {
    }

    /**
     * Applies {@code work} to a matcher of {@code pattern} on {@code value} within the budget.
     *
     * @param param the parameter that holds the pattern, named in the message
     */
    static <T> T run(Pattern pattern, String value, String param, Function<Matcher, T> work) {
        Budgeted text = new Budgeted(value, BASE_STEPS + STEPS_PER_CHAR * value.length());
        try {
            return work.apply(pattern.matcher(text));
        } catch (BudgetExceeded e) {
            throw new NodeFailure(param, "the regular expression takes too long on a value of " + value.length()
                    + " characters (it backtracks without end, for example through nested repeats such as (a+)+); "
                    + "simplify the pattern");
        } catch (StackOverflowError e) {
            throw new NodeFailure(param, "the regular expression is too complex for a value of " + value.length()
                    + " characters (the engine ran out of stack); simplify the pattern, e.g. replace (a|b)* by [ab]*");
        }
    }

    /** Thrown from inside the engine when a value's budget is spent; carries no stack trace (it is expected). */
    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** The value, counting the engine's reads. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final long budget;
        private long steps;

        Budgeted(String text, long budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++steps > budget) {
                throw new BudgetExceeded();
            }
            if ((steps & 0xFFFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
