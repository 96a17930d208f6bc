#!/usr/bin/python3
"""Converts scikit-learn's copy of the Breast Cancer Wisconsin (Diagnostic) data set, once, into the CSV that
the `breast-cancer` target ships (io/src/main/resources/org/girsanov/io/data/).

Run with Debian's interpreter after `apt-get install -y python3-sklearn`:

    /usr/bin/python3 benchmarks/data/convert_breast_cancer.py

The numbers are copied as text from sklearn/datasets/data/breast_cancer.csv (no rounding); the header gives
the 30 feature names of sklearn.datasets.load_breast_cancer and `label` (sklearn's target: 0 = malignant,
1 = benign). Nothing is downloaded.
"""
import csv
import os
import sys

import sklearn
from sklearn.datasets import load_breast_cancer

SOURCE = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "data", "breast_cancer.csv")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samplers", "src", "main", "resources",
                   "org", "girsanov", "samplers", "targets", "data", "breast_cancer.csv")


def main():
    names = [n.replace(" ", "_") for n in load_breast_cancer().feature_names]
    with open(SOURCE, newline="") as f:
        rows = list(csv.reader(f))
    n, d = int(rows[0][0]), int(rows[0][1])  # sklearn's header: n_samples, n_features, class names
    body = rows[1:]
    if len(body) != n or any(len(r) != d + 1 for r in body) or len(names) != d:
        sys.exit("unexpected shape in " + SOURCE)
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names + ["label"])
        w.writerows(body)
    print("wrote %d rows x %d features (sklearn %s) to %s" % (n, d, sklearn.__version__, os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
