#!/usr/bin/python3
"""PyTorch reference for nn's TorchInitTest: Xavier-normal weights drawn as the paper's notebook
draws them (a torch.Generator seeded 42424242 just for them, layer 1 then layer 2, through
torch.nn.init.xavier_normal_, i.e. tensor.normal_(0, std)), for a 20-64-10 network and a 3 x 7
layer, and the generator's first uniforms (torch.rand).

Run with Debian's own python3 and python3-torch, from this folder:
    ATEN_CPU_CAPABILITY=default /usr/bin/python3 generate.py > xavier.txt

ATEN_CPU_CAPABILITY=default selects torch's portable kernels: normal_ then takes its scalar
Box-Muller path with the C library's logf, cosf and sinf. Without it, this machine's torch takes
its AVX2 kernel, whose SLEEF functions are not correctly rounded in more cases (see the test).

Every line is "<name> <float32 values as hex bits...>".
"""
import math

import torch


def bits(t):
    return " ".join("%08x" % (v & 0xFFFFFFFF) for v in t.contiguous().view(torch.int32).flatten().tolist())


def xavier(shapes, seed):
    g = torch.Generator()
    g.manual_seed(seed)
    out = []
    for rows, cols in shapes:
        w = torch.empty(rows, cols)
        w.normal_(0, math.sqrt(2.0 / (rows + cols)), generator=g)
        out.append(w)
    return out


print("# torch", torch.__version__, "capability:",
      torch.__config__.show().split("CPU capability usage:")[1].split("\n")[0].strip())
g = torch.Generator()
g.manual_seed(42424242)
print("uniform", bits(torch.rand(100, generator=g)))
w1, w2 = xavier([(64, 20), (10, 64)], 42424242)
print("w1", bits(w1))
print("w2", bits(w2))
(w,) = xavier([(3, 7)], 7)
print("w_3x7_seed7", bits(w))
