"""Imports an exported Keras script on the numpy stand-in for TensorFlow (numpy_tf.py) and calls
its training functions, printing each call's result as JSON.
Usage: python3 run_training.py CASES.json
CASES.json: {"script": path to the exported .py, "calls": [{"function": "yolo_losses" or "GAN.phase", "args": [...]}]}
An argument is a number, a string, null, {"array": nested lists, "dtype": "float64" | "int32"}, a list
(passed as a tuple), {"keras_loss": name}: that Keras loss function, or {"model": [arguments]}: a
stand-in network that returns those outputs.
"""
import importlib.util
import json
import sys

import numpy as np

import numpy_tf

sys.modules["tensorflow"] = numpy_tf.as_module()


def value(arg):
    if isinstance(arg, dict) and "array" in arg:
        return np.array(arg["array"], dtype=arg.get("dtype", "float64"))
    if isinstance(arg, dict) and "model" in arg:
        outputs = [value(x) for x in arg["model"]]
        return lambda inputs, training=False: outputs
    if isinstance(arg, dict) and "keras_loss" in arg:
        return numpy_tf.keras.losses.get(arg["keras_loss"])
    if isinstance(arg, list):
        return tuple(value(x) for x in arg)
    return arg


def plain(result):
    if isinstance(result, dict):
        return {k: plain(v) for k, v in result.items()}
    if isinstance(result, (tuple, list)):
        return [plain(v) for v in result]
    if isinstance(result, str):
        return result
    if isinstance(result, (bool, np.bool_)):
        return bool(result)
    return np.asarray(result, np.float64).tolist()


with open(sys.argv[1]) as f:
    spec = json.load(f)
loader = importlib.util.spec_from_file_location("exported", spec["script"])
module = importlib.util.module_from_spec(loader)
loader.loader.exec_module(module)

results = []
for call in spec["calls"]:
    fn = module
    for part in call["function"].split("."):
        fn = getattr(fn, part)
    results.append(plain(fn(*[value(a) for a in call["args"]])))
print(json.dumps(results))
