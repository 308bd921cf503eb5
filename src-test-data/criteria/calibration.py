#!/usr/bin/python3
"""What the data-driven criteria (taylor, apoz, activation) score from, computed with PyTorch's
autograd, for dtc-engine's CalibrationTest.

Run with Debian's own python3 and python3-torch:
    /usr/bin/python3 src-test-data/criteria/calibration.py > src-test-data/criteria/calibration.txt

Networks as nn.Sequential in training mode, no biases: Linear(7, 12) -> [BatchNorm1d(12)] -> ReLU ->
Linear(12, 5), mean cross-entropy. Over three batches of 8 samples at fixed weights (no
optimizer step between them, as the Java test does not take one), per hidden unit u:
- taylor: the sum over batches of (sum over u's group of w * dL/dw)^2, the group being W1[u, :],
  W2[:, u] and, with batch norm, its weight (gamma) u;
- apoz: the fraction of the 24 samples whose ReLU output for u is 0;
- activation: the mean ReLU output for u.

Lines are "<kind> <case> <values...>"; floats are repr'd (exact round trip).
"""
import torch
from torch import nn

torch.manual_seed(4242)
print(f"# torch {torch.__version__}")


def floats(kind, case, values):
    print(kind, case, *[repr(float(v)) for v in values.flatten().tolist()])


for case, norm in (("plain", False), ("norm", True)):
    layers = [nn.Linear(7, 12, bias=False)] + ([nn.BatchNorm1d(12)] if norm else []) + [nn.ReLU(),
                                                                                        nn.Linear(12, 5, bias=False)]
    net = nn.Sequential(*layers).train()
    if norm:
        with torch.no_grad():
            net[1].weight.uniform_(0.5, 1.5)
            net[1].bias.uniform_(-0.2, 0.2)
    w1, w2 = net[0].weight, net[-1].weight
    floats("w1", case, w1.detach())
    floats("w2", case, w2.detach())
    if norm:
        floats("gamma", case, net[1].weight.detach())
        floats("beta", case, net[1].bias.detach())
    taylor = torch.zeros(12, dtype=torch.float64)
    zeros = torch.zeros(12, dtype=torch.float64)
    total = torch.zeros(12, dtype=torch.float64)
    for b in range(3):
        x = torch.randn(8, 7)
        y = torch.randint(0, 5, (8,))
        floats("x", f"{case}-{b}", x)
        print("y", f"{case}-{b}", *y.tolist())
        net.zero_grad()
        hidden = net[:-1](x)
        loss = nn.functional.cross_entropy(net[-1](hidden), y)
        loss.backward()
        s = (w1 * w1.grad).double().sum(1) + (w2 * w2.grad).double().sum(0)
        if norm:
            s += (net[1].weight * net[1].weight.grad).double()
        taylor += s * s
        zeros += (hidden == 0).double().sum(0)
        total += hidden.double().sum(0)
    floats("taylor", case, taylor)
    floats("apoz", case, zeros / 24)
    floats("activation", case, total / 24)
