package io.tablewise.ui.grid;

import javafx.collections.ObservableListBase;

/**
 * The grid's rows as a list of row numbers that costs no memory for the natural order: a 1,000,000-row table
 * does not become a million boxed Integers. A sort or filter swaps in an int array.
 */
final class RowOrderList extends ObservableListBase<Integer> {
    private int size;
    private int[] order;

    void show(int rowCount, int[] newOrder) {
        beginChange();
        int oldSize = size;
        nextRemove(0, java.util.Collections.nCopies(oldSize, 0));
        size = newOrder == null ? rowCount : newOrder.length;
        order = newOrder;
        nextAdd(0, size);
        endChange();
    }

    @Override
    public Integer get(int index) {
        return order == null ? index : order[index];
    }

    @Override
    public int size() {
        return size;
    }
}
