"""scikit-learn's models on exactly the test rows Tablewise's AutoML benchmark used (bench/run automl).

Reads ../shared/data/bank-additional-full.csv and each bench/out/bank-test-rows-SPLIT.txt written by
AutoMlBenchmark (SPLIT: "reference", the split of the shared benchmark notes, or the seed of Tablewise's own
split), drops `duration`, one-hot encodes the text columns and standardises the numbers (fitted on the training
rows), and prints the test AUC of HistGradientBoosting (defaults), a random forest (100 trees, depth 12, min leaf 5)
and logistic regression: the peers of the shared benchmark notes, on the same rows. HistGradientBoosting's early
stopping holds out a random 10% of the training rows, which moves its AUC by up to 0.006 on one split: it is shown
as the mean, min and max over random states 0 to 4.
Usage: python3 bench/sklearn_same_split.py [bench/out]
"""
import csv
import glob
import os
import sys

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def split(path):
    """The split a test-rows file holds: "reference" or Tablewise's split seed."""
    return path.rsplit("-", 1)[1][:-4]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join("bench", "out")
    with open(os.path.join("..", "shared", "data", "bank-additional-full.csv"), newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    head, rows = rows[0], rows[1:]
    y = np.array([r[head.index("y")] == "yes" for r in rows])
    cols = [c for c in head if c not in ("y", "duration")]
    x = np.array([[r[head.index(c)] for c in cols] for r in rows], dtype=object)
    num = [i for i in range(len(cols)) if all(number(v) for v in x[:, i])]
    cat = [i for i in range(len(cols)) if i not in num]
    for i in num:
        x[:, i] = x[:, i].astype(float)
    models = [("HistGradientBoosting", [lambda k=k: HistGradientBoostingClassifier(random_state=k)
                                        for k in range(5)]),
              ("RandomForest", [lambda: RandomForestClassifier(100, max_depth=12, min_samples_leaf=5,
                                                               random_state=0, n_jobs=2)]),
              ("LogisticRegression", [lambda: LogisticRegression(max_iter=2000)])]
    # the reference split first, then Tablewise's own splits by seed
    files = sorted(glob.glob(os.path.join(out, "bank-test-rows-*.txt")),
                   key=lambda p: (0, 0) if split(p) == "reference" else (1, int(split(p))))
    if not files:
        sys.exit("no bank-test-rows-*.txt in %s: run bench/run automl first" % out)
    print("| split | " + " | ".join(name + (" mean (min-max)" if len(m) > 1 else "") for name, m in models) + " |")
    print("|---|" + "---|" * len(models))
    for path in files:
        test = np.zeros(len(y), bool)
        test[np.loadtxt(path, dtype=int)] = True
        aucs = []
        for _, makers in models:
            runs = []
            for make in makers:
                prep = ColumnTransformer([("text", OneHotEncoder(handle_unknown="ignore"), cat),
                                          ("numbers", StandardScaler(), num)])
                p = make_pipeline(prep, make()).fit(x[~test], y[~test]).predict_proba(x[test])[:, 1]
                runs.append(roc_auc_score(y[test], p))
            aucs.append("%.4f" % runs[0] if len(runs) == 1
                        else "%.4f (%.4f-%.4f)" % (np.mean(runs), min(runs), max(runs)))
        print("| %s | %s |" % (split(path), " | ".join(aucs)))


if __name__ == "__main__":
    main()
