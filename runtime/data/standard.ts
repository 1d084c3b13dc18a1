/**
 * The standard sets Layerloom can fetch on demand, as data: where each file lives, its size and
 * SHA-256, and what the classes are called. URLs and checksums are those TensorFlow Datasets
 * records for the same files (tensorflow_datasets/url_checksums/{mnist,fashion_mnist,cifar10}.txt).
 * Downloading and caching happen on the host (electron/host/data/download.ts); parsing is pure
 * (formats/idx.ts, formats/cifar.ts).
 */
import type { Provenance } from "./types.js";

export interface RemoteFile {
  /** File name in the cache folder and, appended to the base URL, its address. */
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export type StandardFormat = "idx-gz" | "cifar10-bin-tar-gz";

export interface StandardSet {
  readonly id: StandardId;
  readonly title: string;
  readonly description: string;
  /** Ends with "/"; tests and mirrors pass another. */
  readonly baseUrl: string;
  readonly format: StandardFormat;
  readonly files: readonly RemoteFile[];
  readonly classNames: readonly string[];
  readonly imageShape: readonly [number, number, number];
  readonly provenance: Provenance;
}

export const STANDARD_IDS = ["standard:mnist", "standard:fashion-mnist", "standard:cifar10"] as const;
export type StandardId = (typeof STANDARD_IDS)[number];

const IDX_NAMES = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] as const;

export const STANDARD_SETS: Readonly<Record<StandardId, StandardSet>> = {
  "standard:mnist": {
    id: "standard:mnist",
    title: "MNIST",
    description: "70,000 handwritten digits, 28×28 grey: 60,000 train, 10,000 test.",
    baseUrl: "https://storage.googleapis.com/cvdf-datasets/mnist/",
    format: "idx-gz",
    files: [
      { name: IDX_NAMES[0], bytes: 9912422, sha256: "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609" },
      { name: IDX_NAMES[1], bytes: 28881, sha256: "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c" },
      { name: IDX_NAMES[2], bytes: 1648877, sha256: "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6" },
      { name: IDX_NAMES[3], bytes: 4542, sha256: "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6" },
    ],
    classNames: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    imageShape: [28, 28, 1],
    provenance: { source: "MNIST by Yann LeCun, Corinna Cortes and Christopher J. C. Burges", license: "CC BY-SA 3.0" },
  },
  "standard:fashion-mnist": {
    id: "standard:fashion-mnist",
    title: "Fashion-MNIST",
    description: "70,000 Zalando article images, 28×28 grey, 10 kinds of clothing: 60,000 train, 10,000 test.",
    // The project's own S3 website endpoint serves plain http only; the SHA-256 check guards the bytes.
    baseUrl: "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
    format: "idx-gz",
    files: [
      { name: IDX_NAMES[0], bytes: 26421880, sha256: "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84" },
      { name: IDX_NAMES[1], bytes: 29515, sha256: "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845" },
      { name: IDX_NAMES[2], bytes: 4422102, sha256: "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073" },
      { name: IDX_NAMES[3], bytes: 5148, sha256: "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5" },
    ],
    classNames: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
    imageShape: [28, 28, 1],
    provenance: { source: "Fashion-MNIST by Han Xiao, Kashif Rasul and Roland Vollgraf (Zalando Research)", license: "MIT" },
  },
  "standard:cifar10": {
    id: "standard:cifar10",
    title: "CIFAR-10",
    description: "60,000 colour images, 32×32, in 10 classes: 50,000 train, 10,000 test.",
    baseUrl: "https://www.cs.toronto.edu/~kriz/",
    format: "cifar10-bin-tar-gz",
    files: [{ name: "cifar-10-binary.tar.gz", bytes: 170052171, sha256: "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd" }],
    classNames: ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
    imageShape: [32, 32, 3],
    provenance: {
      source: "CIFAR-10 by Alex Krizhevsky, Vinod Nair and Geoffrey Hinton (Learning Multiple Layers of Features from Tiny Images, 2009)",
      license: "Free to use with citation of the technical report",
    },
  },
};

export function isStandardId(id: string): id is StandardId {
  return (STANDARD_IDS as readonly string[]).includes(id);
}
