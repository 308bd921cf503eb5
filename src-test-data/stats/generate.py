#!/usr/bin/python3
"""Reference statistics from numpy, scipy and statsmodels for core's StatisticsTest.

Run with Debian's own python3 and python3-numpy, python3-scipy, python3-statsmodels:
    /usr/bin/python3 src-test-data/stats/generate.py > src-test-data/stats/reference.txt

Lines are "<kind> <name> <values...>"; doubles are repr'd (exact round trip).
"""
import numpy as np
import scipy.stats
import statsmodels
from statsmodels.nonparametric.smoothers_lowess import lowess


def emit(*fields):
    print(*[repr(float(f)) if isinstance(f, (float, np.floating)) else f for f in fields])


print(f"# numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__}")
rs = np.random.RandomState(99)
quantile_sets = {}

# quantiles, with ties and the rule's 0.9
for name, values in [("normal37", rs.standard_normal(37)),
                     ("ties20", np.round(rs.uniform(0, 5, 20))),
                     ("abs512", np.abs(rs.standard_normal(512))),
                     ("two", np.array([1.5, -2.25]))]:
    quantile_sets[name] = values
    print("values", name, *[repr(float(v)) for v in values])
    for q in (0.0, 0.1, 0.25, 0.5, 0.9, 0.95, 1.0):
        emit("quantile", name, q, np.quantile(values, q))

# arange edges and histograms
edges = np.arange(-50, 50, 0.2)
print("edges", "reference", *[repr(float(v)) for v in edges])
for name, values in [("wide", rs.standard_normal(300) * 30), ("narrow", rs.standard_normal(40) * 0.5),
                     ("edges", np.array([-50.0, 49.8000000000014, 50.0, -50.2, 0.0, 0.2, -0.2]))]:
    print("values", name, *[repr(float(v)) for v in values])
    counts, _ = np.histogram(values, bins=edges)
    print("histogram", name, *counts.tolist())
    p = counts / counts.sum()
    emit("entropy2", name, -np.sum(p * np.log2(p + 1e-10)))
    emit("entropye", name, -np.sum(p * np.log(p + 1e-10)))

# Pearson
x = rs.standard_normal(34)
y = 0.7 * x + rs.standard_normal(34) * 0.3
print("values", "px", *[repr(float(v)) for v in x])
print("values", "py", *[repr(float(v)) for v in y])
emit("pearson", "pxy", scipy.stats.pearsonr(x, y)[0])

# LOWESS: the paper's 34 sparsity levels with a noisy accuracy curve, and a plain series
sizes = [460, 414, 372, 334, 300, 270, 243, 218, 196, 176, 158, 142, 127, 114, 102, 91, 81, 72, 64, 57, 51, 45,
         40, 36, 32, 28, 25, 22, 19, 17, 15, 13, 11, 9]
sparsity = 1 - np.array(sizes) / 512.0
accuracy = 0.97 - 0.2 * sparsity ** 8 + rs.standard_normal(34) * 0.004
accuracy[5] = 0.5  # an outlier for the robustness passes
print("values", "sparsity", *[repr(float(v)) for v in sparsity])
print("values", "accuracy", *[repr(float(v)) for v in accuracy])
fit = lowess(accuracy, sparsity, frac=0.3, it=3, delta=0.0, return_sorted=False)
print("lowess", "accuracy", *[repr(float(v)) for v in fit])
lx = np.linspace(0, 10, 25)
ly = np.sin(lx) + rs.standard_normal(25) * 0.2
print("values", "lx", *[repr(float(v)) for v in lx])
print("values", "ly", *[repr(float(v)) for v in ly])
fit = lowess(ly, lx, frac=0.5, it=0, delta=0.0, return_sorted=False)
print("lowess", "plain", *[repr(float(v)) for v in fit])

# sample standard deviations (ddof 1), of the quantile sets: the spread over seeds in summaries
for name, values in quantile_sets.items():
    emit("std", name, np.std(values, ddof=1))

# Spearman rank correlations (average ranks for ties), of the quantile sets against a noisy copy
# of themselves and against each other's leading values: the overlap of two criteria's scores
for name, values in quantile_sets.items():
    if len(values) > 2:
        other = values + np.random.RandomState(5).standard_normal(len(values)) * 0.5
        print("values", "spearman-" + name, *[repr(float(v)) for v in other])
        emit("spearman", name, scipy.stats.spearmanr(values, other)[0])
