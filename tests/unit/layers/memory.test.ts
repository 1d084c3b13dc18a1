import { describe, expect, it } from "vitest";
import { Memory } from "../../../graph-ir/layers/memory.js";
import { resolveParams } from "../../../graph-ir/core/params.js";
import type { ParamValue, Params } from "../../../graph-ir/core/document.js";

const params = (stored: Record<string, ParamValue>) => resolveParams(Memory.params, stored).values;

/** The file-top layout written out term by term: F inputs, N×M memory, R/W heads, C units, S shifts, O outputs. */
function byHand(F: number, M: number, R: number, W: number, C: number, S: number, O: number): number {
  const controllerKernel = (F + R * M) * 4 * C;
  const controllerRecurrent = C * 4 * C;
  const controllerBias = 4 * C;
  const readHead = M + 1 + 1 + (2 * S + 1) + 1; // key, beta, gate, shift, gamma
  const writeHead = readHead + M + M; // + erase, add
  const P = R * readHead + W * writeHead;
  const headsKernel = C * P;
  const headsBias = P;
  const outputKernel = (C + R * M) * O;
  const outputBias = O;
  return controllerKernel + controllerRecurrent + controllerBias + headsKernel + headsBias + outputKernel + outputBias;
}

describe("Memory (NTM)", () => {
  it.each<{ F: number; stored: Params; N: number; M: number; R: number; W: number; C: number; S: number; O: number }>([
    { F: 8, stored: {}, N: 128, M: 20, R: 1, W: 1, C: 100, S: 1, O: 8 },
    { F: 9, stored: { memorySlots: 16, slotSize: 4, readHeads: 2, writeHeads: 1, controllerUnits: 10, shiftRange: 2, outputDim: 9 }, N: 16, M: 4, R: 2, W: 1, C: 10, S: 2, O: 9 },
    { F: 1, stored: { memorySlots: 2, slotSize: 1, readHeads: 1, writeHeads: 3, controllerUnits: 1, shiftRange: 0, outputDim: 1 }, N: 2, M: 1, R: 1, W: 3, C: 1, S: 0, O: 1 },
  ])("maps [B, T, $F] to [B, T, O] with the documented weights ($stored)", ({ F, stored, M, R, W, C, S, O }) => {
    const q = params(stored);
    expect(Memory.infer([["B", "T", F]], q)).toEqual({ ok: true, shapes: [["B", "T", O]] });
    expect(Memory.infer([["B", 12, F]], q)).toEqual({ ok: true, shapes: [["B", 12, O]] });
    expect(Memory.paramCount([["B", 12, F]], q)).toBe(byHand(F, M, R, W, C, S, O));
  });

  it("counts the smallest NTM exactly: one unit, one slot value, no shifts", () => {
    // F=1 M=1 R=1 W=1 C=1 S=0 O=1: controller 4·2 + 4 + 4 = 16;
    // read head k,β,g,s(1),γ = 5, write head 5 + e + a = 7, P = 12, heads (1 + 1)·12 = 24; output 2·1 + 1 = 3.
    const q = params({ memorySlots: 2, slotSize: 1, controllerUnits: 1, shiftRange: 0, outputDim: 1 });
    expect(Memory.paramCount([["B", 5, 1]], q)).toBe(16 + 24 + 3);
  });

  it("refuses a shift range wider than the memory and offers the widest that fits", () => {
    const r = Memory.infer([["B", 10, 8]], params({ memorySlots: 4, shiftRange: 2 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.param).toBe("shiftRange");
    expect(r.issues[0]!.message).toContain("5 shifts but memory has only 4 slots");
    expect(r.issues[0]!.fixes).toEqual([{ label: "Set shiftRange to 1", action: "setParam", param: "shiftRange", value: 1 }]);
  });

  it.each([[["B", 8]], [["B", 4, 4, 1]]] as const)("refuses %j: it needs a sequence", (x) => {
    const r = Memory.infer([x], params({}));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toContain("Memory expects a sequence batch×time×features");
  });

  it("compiles to NTMMemory with every size in the config", () => {
    const spec = Memory.toKeras(params({ memorySlots: 32, slotSize: 8, readHeads: 2, writeHeads: 1, controllerUnits: 64, shiftRange: 1, outputDim: 4 }), []);
    expect(spec.className).toBe("NTMMemory");
    expect(spec.config).toMatchObject({ memory_slots: 32, slot_size: 8, read_heads: 2, write_heads: 1, controller_units: 64, shift_range: 1, output_dim: 4 });
  });
});
