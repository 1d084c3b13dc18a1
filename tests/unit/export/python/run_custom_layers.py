"""Runs the exported Python custom layer classes on the app's weights and inputs and prints the
largest difference from the app's outputs, per case, as JSON.
Usage: python3 run_custom_layers.py CASES.json
CASES.json: {"classes": {name: source}, "cases": [{"name", "class", "config", "weights", "inputs", "outputs"}]}
"""
import json
import sys

import numpy as np

import numpy_tf

with open(sys.argv[1]) as f:
    spec = json.load(f)

namespace = {"tf": numpy_tf.tf, "keras": numpy_tf.keras, "layers": numpy_tf.layers, "np": np}
for source in spec["classes"].values():
    exec(source, namespace)

report = {}
for case in spec["cases"]:
    layer = namespace[case["class"]](name=case["name"], **case["config"])
    inputs = [np.array(x, np.float64) for x in case["inputs"]]
    shapes = [x.shape for x in inputs]
    layer.build(shapes if len(inputs) > 1 else shapes[0])
    names = [n for n, _ in layer.ordered_weights]
    for (name, w), value in zip(layer.ordered_weights, case["weights"]):
        w[...] = np.array(value, np.float64).reshape(w.shape)
    out = layer(inputs if len(inputs) > 1 else inputs[0])
    outs = out if isinstance(out, list) else [out]
    diffs = [float(np.max(np.abs(np.asarray(o) - np.array(e)))) for o, e in zip(outs, case["outputs"])]
    report[case["name"]] = {"weights": names, "diffs": diffs, "outputs": len(outs)}
print(json.dumps(report))
