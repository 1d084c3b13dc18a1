/** A request the inspection tools cannot answer, said in the words of the graph (which layer, class, unit). */
export class InspectError extends Error {
  override readonly name = "InspectError";
}
