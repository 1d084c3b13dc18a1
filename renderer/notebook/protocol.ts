/**
 * Messages between the notebook panel and its kernel worker, zod-checked on both sides: a
 * message that does not parse is an error, never ignored. The graph crosses as file text, the
 * document as it was when Run was pressed.
 */
import { z } from "zod";

export const toKernel = z.discriminatedUnion("type", [
  z.object({ type: z.literal("run"), runId: z.string().min(1).max(100), source: z.string().max(1_000_000), graph: z.string() }),
]);
export type ToKernel = z.infer<typeof toKernel>;

const output = z.union([
  z.object({ output_type: z.literal("stream"), name: z.enum(["stdout", "stderr"]), text: z.string() }),
  z.object({ output_type: z.literal("display_data"), data: z.record(z.string(), z.unknown()), metadata: z.record(z.string(), z.unknown()) }),
  z.object({ output_type: z.literal("execute_result"), data: z.record(z.string(), z.unknown()), metadata: z.record(z.string(), z.unknown()), execution_count: z.number().int().nullable() }),
  z.object({ output_type: z.literal("error"), ename: z.string(), evalue: z.string(), traceback: z.array(z.string()) }),
]);

export const fromKernel = z.discriminatedUnion("type", [
  z.object({ type: z.literal("output"), runId: z.string(), output }),
  z.object({ type: z.literal("done"), runId: z.string(), ok: z.boolean(), executionCount: z.number().int() }),
  z.object({ type: z.literal("protocol-error"), message: z.string() }),
]);
export type FromKernel = z.infer<typeof fromKernel>;

export function parseMessage<T>(schema: z.ZodType<T>, data: unknown): { ok: true; msg: T } | { ok: false; error: string } {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, msg: r.data };
  const type = typeof data === "object" && data !== null && "type" in data ? String((data as { type: unknown }).type) : "?";
  return { ok: false, error: `Unknown or malformed notebook kernel message "${type}": ${r.error.issues[0]?.message ?? "invalid"}.` };
}
