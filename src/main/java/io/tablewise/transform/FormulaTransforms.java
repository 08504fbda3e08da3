package io.tablewise.transform;

import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.Table;

import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.TableSchema;
import io.tablewise.transform.formula.Formula;
import io.tablewise.transform.formula.FormulaException;
import io.tablewise.transform.formula.Type;

/** Formula-driven transforms: a new column from an expression, and filtering rows by a condition. */
final class FormulaTransforms {
    static final String LANGUAGE = "Numbers, 'texts', true/false, null; columns by name ([name with spaces]); "
            + "+ - * / % ^, & joins texts; = != < <= > >=; and, or, not; if(c, a, b); case when … then … else … "
            + "end; coalesce, isnull; abs, round, floor, ceil, sqrt, ln, log10, exp, pow, min, max, clip; lower, "
            + "upper, trim, length, left, right, substr, contains, startswith, endswith, replace, concat, text, "
            + "number; date, year, month, day, weekday, add_days, days_between.";

    private FormulaTransforms() {
    }

    static List<Transform> all() {
        return List.of(new NewColumn(), new Filter());
    }

    static Formula compile(TableSchema schema, NodeParams p) throws NodeException {
        try {
            return Formula.compile(p.string("formula", ""), schema);
        } catch (FormulaException e) {
            throw new NodeException("formula", e.describe());
        }
    }

    static ParamSpec formulaParam(String help) {
        return ParamSpec.builder("formula", ParamType.FORMULA).label("Formula").required().columnsFrom("table")
                .help(help + " " + LANGUAGE).build();
    }

    static final class NewColumn implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("formula", "column", "Formula column", "Computes a column from a formula over "
                    + "the other columns, e.g. if(tenure_months < 6, 'new', 'established') or monthly_fee * 12. "
                    + "An existing column of that name is replaced.", List.of(
                    Params.requiredText("name", "Column name", "The new (or replaced) column."),
                    formulaParam("The expression.")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            String name = p.string("name", "").trim();
            if (name.isEmpty()) {
                throw new NodeException("name", "give the new column a name");
            }
            Formula f = compile(input, p);
            return Columns.withSchemaColumns(input, List.of(new ColumnSchema(name, f.kind())));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            Formula f = compile(TableSchema.of(input), p);
            return Columns.withColumn(input, f.evaluate(input, p.string("name", "").trim()));
        }
    }

    static final class Filter implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("rows", "filter", "Filter rows", "Keeps (or removes) the rows where a "
                    + "condition is true, e.g. age >= 18 and region = '서울'. Rows where it is false or missing are "
                    + "not kept.", List.of(
                    formulaParam("The condition."),
                    Params.choice("action", "Rows that match", "keep or remove the rows where the condition is "
                            + "true.", "keep", "remove")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Formula f = compile(input, p);
            if (f.type() != Type.BOOLEAN) {
                throw new NodeException("formula", "a filter needs a true/false condition, but this formula gives "
                        + f.kind().id() + " values (compare it, e.g. … > 0)");
            }
            return input;
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            outputSchema(TableSchema.of(input), p);
            boolean[] match = compile(TableSchema.of(input), p).truth(input);
            boolean keep = p.string("action", "keep").equals("keep");
            Table out = RowTransforms.keep(input, match, !keep);
            context.info(String.format(Locale.ROOT, "%,d of %,d rows kept", out.rowCount(), input.rowCount()));
            return out;
        }
    }
}
