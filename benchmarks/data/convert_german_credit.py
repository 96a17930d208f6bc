#!/usr/bin/python3
"""Converts the UCI Statlog (German Credit Data) file `german.data-numeric`, once, into the CSV that the
`german-credit` target ships (io/src/main/resources/org/girsanov/io/data/german_credit.csv).

    /usr/bin/python3 benchmarks/data/convert_german_credit.py PATH/TO/german.data-numeric

`german.data-numeric` (H. Hofmann, 1994; UCI Machine Learning Repository, CC BY 4.0) is the numeric encoding
of the data set that Blessing et al. ("Beyond ELBOs", ICML 2024) and the inference gym use: 1 000 lines of 24
integer attributes and the class (1 = good, 2 = bad), separated by blanks. No Debian package ships it; the copy
used was taken from two public GitHub repositories whose numbers are identical (KevinChittilapilly/
Fairness-Research at ae4db29 and areddysathvik/Credit-Risk-Prediction, both `german.data-numeric`; each adds a
header line of column names, which this script skips). The script refuses any file whose numbers differ from
that copy (SHA-256 below of the blank-normalised rows), so the shipped CSV is reproducible. Labels follow the
inference gym (class − 1): 1 = bad credit (300), 0 = good (700). Nothing is downloaded.
"""
import hashlib
import os
import sys

EXPECTED_SHA256 = "a85c0e1fa2dfb4b20651131245ee6cc59749c18f048305d548ee732ab344f780"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samplers", "src", "main", "resources",
                   "org", "girsanov", "samplers", "targets", "data", "german_credit.csv")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: convert_german_credit.py PATH/TO/german.data-numeric")
    rows = []
    with open(sys.argv[1]) as f:
        for line in f:
            fields = line.split()
            if fields and all(x.lstrip("-").isdigit() for x in fields):
                rows.append(fields)
    digest = hashlib.sha256("\n".join(" ".join(r) for r in rows).encode()).hexdigest()
    if digest != EXPECTED_SHA256:
        sys.exit("%s: numbers differ from the known copy (sha256 %s, expected %s)" % (sys.argv[1], digest, EXPECTED_SHA256))
    if len(rows) != 1000 or any(len(r) != 25 for r in rows) or any(r[-1] not in ("1", "2") for r in rows):
        sys.exit("%s: expected 1000 rows of 24 attributes and a class in {1, 2}" % sys.argv[1])
    with open(OUT, "w") as f:
        f.write(",".join(["A%d" % (k + 1) for k in range(24)] + ["label"]) + "\n")
        for r in rows:
            f.write(",".join(r[:24] + [str(int(r[24]) - 1)]) + "\n")
    print("wrote %d rows x 24 features (label 1 = bad: %d) to %s" % (len(rows), sum(r[24] == "2" for r in rows), OUT))


if __name__ == "__main__":
    main()
