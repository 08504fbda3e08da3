#!/usr/bin/env python3
"""Independent reference for Tablewise's bias metrics (SageMaker Clarify's definitions), in plain Python.

Reads a CSV with the columns group,label,predicted (label and predicted are 1 for the favourable outcome, else 0)
and prints, for every group against all other rows, each metric as JSON. No bootstrap: point values only.

    python3 bias_reference.py bias_reference_input.csv > bias_reference_expected.json
"""
import csv
import json
import math
import sys


def counts(rows):
    tp = sum(1 for l, p in rows if l == 1 and p == 1)
    fp = sum(1 for l, p in rows if l == 0 and p == 1)
    fn = sum(1 for l, p in rows if l == 1 and p == 0)
    tn = sum(1 for l, p in rows if l == 0 and p == 0)
    return tp, fp, fn, tn


def div(a, b):
    return a / b if b else None


def kl(p, q):
    total = 0.0
    for pi, qi in zip(p, q):
        if pi > 0:
            if qi == 0:
                return None
            total += pi * math.log(pi / qi)
    return total


def metrics(d, a):
    tpd, fpd, fnd, tnd = d
    tpa, fpa, fna, tna = a
    nd, na = sum(d), sum(a)
    qa, qd = (tpa + fna) / na, (tpd + fnd) / nd
    pa, pd = [qa, 1 - qa], [qd, 1 - qd]
    m = [(x + y) / 2 for x, y in zip(pa, pd)]
    ra, rd = (tpa + fpa) / na, (tpd + fpd) / nd
    recall = div(tpa, tpa + fna) - div(tpd, tpd + fnd)
    fpr = div(fpa, fpa + tna) - div(fpd, fpd + tnd)
    return {
        "CI": (na - nd) / (na + nd),
        "DPL": qa - qd,
        "KL": kl(pa, pd),
        "JS": (kl(pa, m) + kl(pd, m)) / 2,
        "LP": math.sqrt(sum((x - y) ** 2 for x, y in zip(pa, pd))),
        "TVD": 0.5 * sum(abs(x - y) for x, y in zip(pa, pd)),
        "KS": max(abs(x - y) for x, y in zip(pa, pd)),
        "DPPL": ra - rd,
        "DI": div(rd, ra),
        "DCA": div(tpa + fna, tpa + fpa) - div(tpd + fnd, tpd + fpd),
        "RD": recall,
        "FPRD": fpr,
        "EOD": max(abs(recall), abs(fpr)),
        "AD": (tpa + tna) / na - (tpd + tnd) / nd,
        "PD": div(tpa, tpa + fpa) - div(tpd, tpd + fpd),
        "TE": div(fnd, fpd) - div(fna, fpa),
    }


def main(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [(r["group"], int(r["label"]), int(r["predicted"])) for r in csv.DictReader(f)]
    out = {}
    for g in sorted({r[0] for r in rows}):
        d = counts([(l, p) for grp, l, p in rows if grp == g])
        a = counts([(l, p) for grp, l, p in rows if grp != g])
        out[g] = {"group": list(d), "rest": list(a), "metrics": metrics(d, a)}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
