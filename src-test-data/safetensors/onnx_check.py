#!/usr/bin/python3
"""ONNX files dtc writes, checked and run by the ONNX project's own tools, for dtc-cli's OnnxExportTest:
  dtc-linear-logits.onnx     linear.safetensors's network ending in its logits
  dtc-norms-log-probs.onnx   norms.safetensors's network (batch norms) ending in LogSoftmax
(written by dtc: the test checks that dtc still writes these bytes). Each passes
onnx.checker.check_model(full_check=True); onnx-outputs.txt holds onnxruntime's outputs on
inputs.txt's 4 x 6 inputs, "<file> <values...>".

onnx needs a newer numpy than Debian's, so it runs in a virtualenv of its own:
    /usr/bin/python3 -m venv /tmp/venv-onnx
    /tmp/venv-onnx/bin/pip install onnx==1.23.1 onnxruntime==1.30.0
    /tmp/venv-onnx/bin/python onnx_check.py
"""
import numpy as np
import onnx
import onnxruntime

x = np.array([float(v) for v in open("inputs.txt").read().split()], dtype=np.float32).reshape(4, 6)
with open("onnx-outputs.txt", "w") as out:
    for name in ("dtc-linear-logits", "dtc-norms-log-probs"):
        model = onnx.load(name + ".onnx")
        onnx.checker.check_model(model, full_check=True)
        assert model.opset_import[0].version >= 17
        session = onnxruntime.InferenceSession(name + ".onnx", providers=["CPUExecutionProvider"])
        assert [i.name for i in session.get_inputs()] == ["input"]
        assert session.get_inputs()[0].shape[0] == "batch"
        y = session.run(None, {"input": x})[0]
        out.write(name + " " + " ".join(repr(float(v)) for v in y.flatten()) + "\n")
