/** The JSON text of renderer/notebook/tf-types.generated.json for the installed tfjs. */
export function generate(): string;
