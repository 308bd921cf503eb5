#!/usr/bin/python3
"""Scores and kept units of the weight-based criteria l1, l2, fpgm and bn-scale, computed with PyTorch,
for dtc-engine's CriteriaOracleTest.

Run with Debian's own python3 and python3-torch:
    /usr/bin/python3 src-test-data/criteria/generate.py > src-test-data/criteria/reference.txt

For a hidden layer of m units with float32 weights W1 (m x inputs, PyTorch's Linear layout), W2
(outputs x m) and, where it has batch norm, its scale gamma (m):
- l1, l2: Torch-Pruning's group magnitude: each member of a unit's group (its row of W1, its
  column of W2, its gamma) contributes the sum of |w|^p, no root; the score is their mean.
- fpgm: the sum of Euclidean distances of a unit's row of W1 to every row (torch.cdist).
- bn-scale: |gamma|, where there is batch norm.
Scores in float64 from the float32 weights. Kept: the `kept` largest scores (the smallest go),
ties to the lower index, listed ascending.

Lines are "<kind> <case> <values...>"; floats are repr'd (exact round trip).
"""
import torch

torch.manual_seed(20261204)
print(f"# torch {torch.__version__}")


def floats(kind, case, values):
    print(kind, case, *[repr(float(v)) for v in values.flatten().tolist()])


def kept(scores, k):
    order = torch.argsort(-scores, stable=True)[:k]
    return sorted(order.tolist())


for case, (m, inputs, outputs, norm, k) in {"plain": (12, 7, 5, False, 10), "norm": (20, 9, 4, True, 18),
                                           "wide": (64, 30, 10, False, 57)}.items():
    w1 = torch.randn(m, inputs, dtype=torch.float32)
    w2 = torch.randn(outputs, m, dtype=torch.float32) * 0.3
    gamma = torch.rand(m, dtype=torch.float32) + 0.5 if norm else None
    print("shape", case, m, inputs, outputs, k)
    floats("w1", case, w1)
    floats("w2", case, w2)
    if norm:
        floats("gamma", case, gamma)
    members = [w1.double(), w2.double().t()] + ([gamma.double().unsqueeze(1)] if norm else [])
    for p in (1, 2):
        score = sum(member.abs().pow(p).sum(1) for member in members) / len(members)
        floats(f"l{p}_scores", case, score)
        print(f"l{p}_kept", case, *kept(score, k))
    # Differences, not the ||a||^2 + ||b||^2 - 2ab shortcut cdist takes for more than 25 rows.
    if norm:
        scale = gamma.abs().double()
        floats("bn-scale_scores", case, scale)
        print("bn-scale_kept", case, *kept(scale, k))
    fpgm = torch.cdist(w1.double(), w1.double(), compute_mode="donot_use_mm_for_euclid_dist").sum(1)
    floats("fpgm_scores", case, fpgm)
    print("fpgm_kept", case, *kept(fpgm, k))
