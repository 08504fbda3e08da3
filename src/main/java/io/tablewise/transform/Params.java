package io.tablewise.transform;

import java.util.List;

import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;

/** Short constructors for the parameter specs the transforms share. Column parameters read the input "table". */
final class Params {
    private Params() {
    }

    static ParamSpec columns(String name, String label, String help) {
        return ParamSpec.builder(name, ParamType.COLUMNS).label(label).defaultValue(List.of()).columnsFrom("table")
                .help(help).build();
    }

    static ParamSpec requiredColumns(String name, String label, String help) {
        return ParamSpec.builder(name, ParamType.COLUMNS).label(label).required().columnsFrom("table").help(help)
                .build();
    }

    static ParamSpec column(String name, String label, String help) {
        return ParamSpec.builder(name, ParamType.COLUMN).label(label).required().columnsFrom("table").help(help)
                .build();
    }

    static ParamSpec optionalColumn(String name, String label, String help) {
        return ParamSpec.builder(name, ParamType.COLUMN).label(label).columnsFrom("table").help(help).build();
    }

    static ParamSpec choice(String name, String label, String help, String... values) {
        return ParamSpec.builder(name, ParamType.CHOICE).label(label).defaultValue(values[0]).allowed(values)
                .help(help).build();
    }

    static ParamSpec text(String name, String label, String defaultValue, String help) {
        return ParamSpec.builder(name, ParamType.STRING).label(label).defaultValue(defaultValue).help(help).build();
    }

    static ParamSpec requiredText(String name, String label, String help) {
        return ParamSpec.builder(name, ParamType.STRING).label(label).required().help(help).build();
    }

    static ParamSpec decimal(String name, String label, double defaultValue, Double min, Double max, String help) {
        return ParamSpec.builder(name, ParamType.DECIMAL).label(label).defaultValue(defaultValue).range(min, max)
                .help(help).build();
    }

    static ParamSpec integer(String name, String label, long defaultValue, Double min, Double max, String help) {
        return ParamSpec.builder(name, ParamType.INTEGER).label(label).defaultValue(defaultValue).range(min, max)
                .help(help).build();
    }

    static ParamSpec bool(String name, String label, boolean defaultValue, String help) {
        return ParamSpec.builder(name, ParamType.BOOLEAN).label(label).defaultValue(defaultValue).help(help).build();
    }

    static ParamSpec strings(String name, String label, List<String> defaultValue, String help) {
        return ParamSpec.builder(name, ParamType.STRING_LIST).label(label).defaultValue(defaultValue).help(help)
                .build();
    }
}
