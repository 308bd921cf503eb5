#!/usr/bin/python3
"""safetensors files as PyTorch writes them, for core's SafeTensorsTest and nn's SequentialFormatTest
(onnx_check.py beside this script checks the ONNX files dtc writes):
  linear.safetensors   nn.Sequential(Linear(6, 5), ReLU(), Linear(5, 3)).state_dict(), float32
  norms.safetensors    nn.Sequential(BatchNorm1d(6), Linear(6, 5, bias=False), BatchNorm1d(5),
                       ReLU(), Linear(5, 3, bias=False)) after two training-mode passes (running
                       statistics and num_batches_tracked, an int64, set)
  dtypes.safetensors   one tensor each of float64, float16, bfloat16, int32, uint8, with metadata
  tensors.txt          every tensor of those files: "<file> <name> <dtype> <shape> <values...>",
                       values as Python's repr of their exact double value
  logits.txt           the two networks' logits in evaluation mode on inputs.txt's 4 x 6 inputs
  dtc-logits.txt       dtc-linear.safetensors and dtc-norms.safetensors (the two networks as dtc
                       writes them: SequentialFormatTest checks the bytes) loaded into fresh
                       nn.Sequential modules with load_state_dict(strict=True), their logits on
                       inputs.txt in evaluation mode
  dtc-written.txt      dtc-written.safetensors (written by dtc: SafeTensorsTest checks that dtc still
                       writes these bytes) as safetensors' own reader reads it, in the form of
                       tensors.txt, and its metadata

Run from this folder with Debian's python3-torch and PyPI's safetensors in a virtualenv that sees
the system packages:
    /usr/bin/python3 -m venv --system-site-packages /tmp/venv
    /tmp/venv/bin/pip install safetensors==0.8.0
    /tmp/venv/bin/python generate.py
"""
import torch
from safetensors.torch import save_file

torch.manual_seed(20261205)
torch.set_num_threads(1)

linear = torch.nn.Sequential(torch.nn.Linear(6, 5), torch.nn.ReLU(), torch.nn.Linear(5, 3))
norms = torch.nn.Sequential(torch.nn.BatchNorm1d(6), torch.nn.Linear(6, 5, bias=False), torch.nn.BatchNorm1d(5),
                            torch.nn.ReLU(), torch.nn.Linear(5, 3, bias=False))
with torch.no_grad():
    # Scales and shifts away from their initial 1 and 0, so that a reader mixing them up fails.
    for bn in (norms[0], norms[2]):
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.5, 0.5)
    norms.train()
    for _ in range(2):
        norms(torch.randn(16, 6) * 2 + 1)
norms.eval()
linear.eval()

inputs = torch.randn(4, 6)
save_file(linear.state_dict(), "linear.safetensors")
save_file(norms.state_dict(), "norms.safetensors")
dtypes = {
    "f64": torch.tensor([[0.1, -2.5e-300], [3.0, 1e300]], dtype=torch.float64),
    "f16": torch.tensor([1.0, -0.333, 65504.0, 6e-8], dtype=torch.float16),
    "bf16": torch.tensor([1.0, -0.333, 3.0e38, 1e-30], dtype=torch.bfloat16),
    "i32": torch.tensor([[-7, 2147483647]], dtype=torch.int32),
    "u8": torch.tensor([0, 255, 17], dtype=torch.uint8),
}
save_file(dtypes, "dtypes.safetensors", metadata={"format": "pt", "note": "dtc fixture"})


def line(file, name, t):
    values = " ".join(repr(float(v)) for v in t.double().flatten().tolist())
    shape = "x".join(str(d) for d in t.shape) or "scalar"
    return f"{file} {name} {str(t.dtype).removeprefix('torch.')} {shape} {values}\n"


with open("tensors.txt", "w") as out:
    for file, sd in (("linear", linear.state_dict()), ("norms", norms.state_dict()), ("dtypes", dtypes)):
        for name, t in sd.items():
            out.write(line(file, name, t))

with open("inputs.txt", "w") as out:
    out.write(" ".join(repr(float(v)) for v in inputs.flatten().tolist()) + "\n")
with torch.no_grad(), open("logits.txt", "w") as out:
    for name, net in (("linear", linear), ("norms", norms)):
        out.write(name + " " + " ".join(repr(float(v)) for v in net(inputs).flatten().tolist()) + "\n")

from safetensors import safe_open

with safe_open("dtc-written.safetensors", framework="pt") as f, open("dtc-written.txt", "w") as out:
    for name in f.keys():
        out.write(line("dtc-written", name, f.get_tensor(name)))
    for key, value in f.metadata().items():
        out.write(f"metadata {key} {value}\n")

from safetensors.torch import load_file


def fresh_linear():
    return torch.nn.Sequential(torch.nn.Linear(6, 5), torch.nn.ReLU(), torch.nn.Linear(5, 3))


def fresh_norms():
    return torch.nn.Sequential(torch.nn.BatchNorm1d(6), torch.nn.Linear(6, 5, bias=False), torch.nn.BatchNorm1d(5),
                               torch.nn.ReLU(), torch.nn.Linear(5, 3, bias=False))


with torch.no_grad(), open("dtc-logits.txt", "w") as out:
    for name, build in (("linear", fresh_linear), ("norms", fresh_norms)):
        net = build()
        net.load_state_dict(load_file(f"dtc-{name}.safetensors"), strict=True)
        net.eval()
        out.write(name + " " + " ".join(repr(float(v)) for v in net(inputs).flatten().tolist()) + "\n")
