/**
 * The standard blocks that ship with Layerloom, listed explicitly. A node whose kind is one of
 * these keys is an instance; the expand pass asks the block to build its body.
 */
import { AuxHead } from "./aux-head.js";
import { Inception } from "./inception.js";
import { ResidualBlock } from "./residual.js";
import { ResNeXtBlock } from "./resnext.js";
import type { AnyStandardBlock } from "./types.js";

export const STANDARD_BLOCKS = { AuxHead, Inception, ResidualBlock, ResNeXtBlock } satisfies Record<string, AnyStandardBlock>;

export type StandardBlockKind = keyof typeof STANDARD_BLOCKS;

export function isStandardBlockKind(kind: string): kind is StandardBlockKind {
  return Object.prototype.hasOwnProperty.call(STANDARD_BLOCKS, kind);
}

export function standardBlock(kind: string): AnyStandardBlock | undefined {
  return isStandardBlockKind(kind) ? STANDARD_BLOCKS[kind] : undefined;
}
