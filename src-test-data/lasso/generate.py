#!/usr/bin/python3
"""LASSO problems as the paper builds them, with scikit-learn's solution as an independent check.

Run with Debian's own python3, python3-scipy and python3-sklearn, from this folder:
    /usr/bin/python3 generate.py

For m in (16, 64, 512): n = int(m * (1.0 - 0.9)); Phi ~ N(0, 1) from RandomState(42424242);
Psi = dct(eye(m), type=1, norm='ortho', axis=0); Theta = Phi Psi; w ~ 0.5 N(0, 1) from
RandomState(7 + m); y = Phi w. Writes theta_<m>.npy, y_<m>.npy and, in problems.txt, one line per
(m, lambda) with scikit-learn's objective ||Theta x - y||^2 + lambda ||x||_1 for its Lasso with
alpha = lambda / (2 n), no intercept, run to tol 1e-12.
"""
import warnings

import numpy as np
import sklearn
from scipy.fft import dct
from sklearn.linear_model import Lasso

print_lines = [f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}; m lambda n objective"]
for m in (16, 64, 512):
    n = int(m * (1.0 - 0.9))
    phi = np.random.RandomState(42424242).standard_normal((n, m))
    psi = dct(np.eye(m), type=1, norm="ortho", axis=0)
    theta = phi @ psi
    w = 0.5 * np.random.RandomState(7 + m).standard_normal(m)
    y = phi @ w
    np.save(f"theta_{m}.npy", theta)
    np.save(f"y_{m}.npy", y)
    for lam in (0.3, 1.5):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = Lasso(alpha=lam / (2 * n), fit_intercept=False, tol=1e-12, max_iter=10_000_000)
            model.fit(theta, y)
        x = model.coef_
        objective = float(np.sum((theta @ x - y) ** 2) + lam * np.sum(np.abs(x)))
        print_lines.append(f"{m} {lam!r} {n} {objective!r}")
with open("problems.txt", "w") as f:
    f.write("\n".join(print_lines) + "\n")
