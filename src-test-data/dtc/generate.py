#!/usr/bin/python3
"""DTC's, magnitude's and the reconstruction score's choices for given weight rays, computed
independently of dtc with numpy, scipy and scikit-learn, for dtc-engine's StrategyOracleTest.

Run with Debian's own python3 and python3-numpy, python3-scipy, python3-sklearn:
    /usr/bin/python3 src-test-data/dtc/generate.py > src-test-data/dtc/reference.txt

As the reference preset and the author's notebooks do it (docs/experiment.md): for a hidden layer
of m units with incoming weight-ray sums a1 and outgoing sums a2, n = int(m * (1.0 - 0.9))
measurements; Phi ~ N(0, 1), n x m row-major, from numpy's RandomState(42424242);
Psi = dct(eye(m), type=1, norm='ortho', axis=0); Theta = Phi Psi; y = Phi a. The LASSO
min ||Theta s - y||^2 + 0.3 ||s||_1 is solved exactly by scikit-learn's LassoLars (alpha =
0.3 / (2 n), no intercept). Scores: dtc s1 + s2, reconstruction Psi s1 + Psi s2, magnitude
a1 + a2. Kept: the units whose |score| is strictly below numpy's 0.9-quantile of |score|.

The rays mimic a trained 784-512-10 network's: sums of 784 incoming weights (std about 1.1) and
of 10 outgoing ones (std about 0.2).

Lines are "<kind> <m> <values...>"; doubles are repr'd (exact round trip).
"""
import warnings

import numpy as np
import scipy
import sklearn
from scipy.fft import dct
from sklearn.linear_model import LassoLars

LAMBDA = 0.3


def lasso(theta, y):
    n = theta.shape[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = LassoLars(alpha=LAMBDA / (2 * n), fit_intercept=False, normalize=False, max_iter=100_000)
        model.fit(theta, y)
    return model.coef_


def kept(scores):
    a = np.abs(scores)
    return np.nonzero(a < np.quantile(a, 0.9))[0]


def floats(kind, m, values):
    print(kind, m, *[repr(float(v)) for v in values])


print(f"# numpy {np.__version__}, scipy {scipy.__version__}, scikit-learn {sklearn.__version__}")
for m in (64, 200, 460):
    rs = np.random.RandomState(1000 + m)
    a1 = rs.standard_normal(m) * 1.1
    a2 = rs.standard_normal(m) * 0.2
    n = int(m * (1.0 - 0.9))
    phi = np.random.RandomState(42424242).standard_normal((n, m))
    psi = dct(np.eye(m), type=1, norm="ortho", axis=0)
    theta = phi @ psi
    s1 = lasso(theta, phi @ a1)
    s2 = lasso(theta, phi @ a2)
    floats("incoming", m, a1)
    floats("outgoing", m, a2)
    floats("s1", m, s1)
    floats("s2", m, s2)
    for name, scores in (("dtc", s1 + s2), ("reconstruction", psi @ s1 + psi @ s2), ("magnitude", a1 + a2)):
        floats(name + "_scores", m, scores)
        print(name + "_kept", m, *kept(scores).tolist())
