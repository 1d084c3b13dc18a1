/**
 * Sampling from trained (or untrained) networks, for the CLI's `layerloom sample` and the app:
 *
 *   samplerFor(doc)                      which sampler suits the document, or why none does
 *   sample(doc, networks, options)       runs it on materialised networks (weights as they are)
 *   imageGrid(images)                    the sampled images as one RGBA picture
 *
 * Everything it returns is plain data. Errors a person should read are SampleErrors.
 */
import type { GraphDocument } from "../../graph-ir/core/document.js";
import type { Dataset } from "../data/types.js";
import type { MaterializedNetwork } from "../materialize/materialize.js";
import { TrainingError } from "../train/errors.js";
import { samplerFor } from "./choose.js";
import { sampleGenerator } from "./generator.js";
import { nearestWords } from "./neighbours.js";
import { samplePixels } from "./pixels.js";
import { sampleText } from "./text.js";
import { SampleError, type SampleOptions, type SampleResult } from "./types.js";

export { samplerFor } from "./choose.js";
export { imageGrid, type RgbaImage } from "./grid.js";
export * from "./types.js";

export type NetworksById = ReadonlyMap<string, MaterializedNetwork> | Readonly<Record<string, MaterializedNetwork>>;

function lookup(networks: NetworksById, id: string): MaterializedNetwork | undefined {
  if (networks instanceof Map) return networks.get(id);
  const r = networks as Readonly<Record<string, MaterializedNetwork>>;
  return Object.hasOwn(r, id) ? r[id] : undefined;
}

/** Draws samples from the document's model as samplerFor decides; networks by network id. */
export async function sample(doc: GraphDocument, networks: NetworksById, options: SampleOptions = {}): Promise<SampleResult> {
  const choice = samplerFor(doc);
  if (choice.kind === "none") throw new SampleError(choice.reason);
  const net = lookup(networks, choice.network);
  if (!net) throw new SampleError(`Network '${choice.network}' is not built; sampling needs it.`);
  const count = options.count ?? 16;
  if (!Number.isInteger(count) || count < 1 || count > 1024) throw new SampleError(`The number of samples must be a whole number from 1 to 1024, not ${count}.`);
  const temperature = options.temperature ?? 1;
  if (!(temperature > 0 && temperature <= 100)) throw new SampleError(`The temperature must be above 0 (1 samples the model as trained; 0.5 is more cautious), not ${temperature}.`);
  let opened: Promise<Dataset> | undefined;
  const dataset = options.dataset ? () => (opened ??= options.dataset!()) : undefined;
  const training = doc.training!;
  try {
    switch (choice.kind) {
      case "pixels": {
        const images = await samplePixels(training, net, options);
        return { kind: "images", images, note: `${images.length} images of ${images[0]!.width}×${images[0]!.height}, pixel by pixel (${images[0]!.width * images[0]!.height} passes), temperature ${temperature}` };
      }
      case "text": {
        const length = options.length ?? 300;
        if (!Number.isInteger(length) || length < 1 || length > 100_000) throw new SampleError(`The number of characters must be a whole number from 1 to 100000, not ${length}.`);
        const r = await sampleText(net, await dataset?.(), options);
        return { kind: "text", prompt: r.prompt, text: r.text, note: `${length} characters after the prompt, temperature ${temperature}` };
      }
      case "generator":
        return await sampleGenerator(doc, net, dataset, options);
      case "neighbours": {
        const entries = await nearestWords(net, await dataset?.(), options);
        return { kind: "neighbours", entries, note: "nearest words by cosine similarity of the input vectors" };
      }
    }
  } catch (e) {
    // The recipes' checks of the network already speak the person's language.
    if (e instanceof TrainingError) throw new SampleError(e.message);
    throw e;
  }
}
