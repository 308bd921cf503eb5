#!/usr/bin/python3
"""The paper's analysis of two synthetic runs, computed with statsmodels and scipy, for dtc-engine's AnalysisTest.

Run with Debian's own python3 and python3-numpy, python3-scipy, python3-statsmodels:
    /usr/bin/python3 src-test-data/analysis/generate.py > src-test-data/analysis/reference.txt

Two strategies (dtc, random) over the paper's 34 hidden sizes, each with its own noisy accuracy
curve and entropy series. The paper's analysis (docs/experiment.md): each accuracy curve smoothed
by statsmodels' lowess (frac 0.3, it 3, delta 0) against sparsity = 1 - hidden / 512; Pearson
correlations of the DTC run's next-layer entropy with each smoothed and raw accuracy curve; Table
1's rows at the cycles whose sparsity, to four decimals, is the paper's.

Lines are "<kind> <name> <values...>"; doubles are repr'd (exact round trip).
"""
import numpy as np
import scipy
import scipy.stats
import statsmodels
from statsmodels.nonparametric.smoothers_lowess import lowess

PAPER_SPARSITY = [0.1016, 0.1914, 0.3477, 0.4141, 0.5254, 0.6172, 0.7520, 0.8594, 0.9121, 0.9219, 0.9297,
                  0.9512, 0.9707, 0.9785, 0.9824]


def floats(kind, name, values):
    print(kind, name, *[repr(float(v)) for v in values])


print(f"# numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__}")
rs = np.random.RandomState(2024)
sizes = [460, 414, 372, 334, 300, 270, 243, 218, 196, 176, 158, 142, 127, 114, 102, 91, 81, 72, 64, 57, 51, 45,
         40, 36, 32, 28, 25, 22, 19, 17, 15, 13, 11, 9]
sparsity = 1 - np.array(sizes) / 512.0
print("hidden", "sizes", *sizes)
curves = {}
for strategy in ("dtc", "random"):
    accuracy = 0.97 - 0.15 * sparsity ** 10 + rs.standard_normal(34) * 0.003
    gibbs_next = 5.5 - 2.5 * sparsity ** 6 + rs.standard_normal(34) * 0.02
    smoothed = lowess(accuracy, sparsity, frac=0.3, it=3, delta=0.0, return_sorted=False)
    curves[strategy] = (accuracy, gibbs_next, smoothed)
    floats("accuracy", strategy, accuracy)
    floats("gibbs_next", strategy, gibbs_next)
    floats("smoothed", strategy, smoothed)

dtc_entropy = curves["dtc"][1]
for strategy, (accuracy, _, smoothed) in curves.items():
    floats("pearson_smoothed", strategy, [scipy.stats.pearsonr(dtc_entropy, smoothed)[0]])
    floats("pearson_raw", strategy, [scipy.stats.pearsonr(dtc_entropy, accuracy)[0]])

for row, target in enumerate(PAPER_SPARSITY):
    cycles = [c for c in range(34) if round(sparsity[c] * 1e4) == round(target * 1e4)]
    print("table1_cycle", row, cycles[0])
