"""Writes the reference split of workload 2 (bank marketing) to bench/bank-reference-test-rows.txt.

The shared benchmark notes (../shared/docs/benchmarks.md, workload 2) measured scikit-learn's models on "a
stratified 80/20 split with a fixed seed": scikit-learn's train_test_split(test_size=0.2, stratify=y,
random_state=42) over the data rows. On that split logistic regression reproduces the notes' 0.8009 exactly, so it
is the split their figures, and the AutoML goal of 0.815 next to them, were measured on. Tablewise's own split of
seed 42 is a different one (its own stratified sampler), so bench/run automl scores both.
One row index per line, counting the data rows from 0, sorted. Needs python3 with scikit-learn (Debian:
python3-sklearn); the output is committed, so the benchmark itself does not.
Usage: python3 bench/reference_split.py
"""
import csv
import os

import numpy as np
from sklearn.model_selection import train_test_split


def main():
    with open(os.path.join("..", "shared", "data", "bank-additional-full.csv"), newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    head, rows = rows[0], rows[1:]
    y = np.array([r[head.index("y")] == "yes" for r in rows])
    _, test = train_test_split(np.arange(len(y)), test_size=0.2, stratify=y, random_state=42)
    out = os.path.join("bench", "bank-reference-test-rows.txt")
    np.savetxt(out, np.sort(test), fmt="%d")
    print("%d test rows (%d yes) written to %s" % (len(test), y[test].sum(), out))


if __name__ == "__main__":
    main()
