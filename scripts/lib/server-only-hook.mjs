// Module resolve hook: `import "server-only"` marks modules that the browser
// bundle must never contain. Plain Node scripts (start, migrate, seed, bench)
// run on the server by definition, so for them it resolves to an empty module.
const EMPTY = "data:text/javascript,export{}";

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: EMPTY, shortCircuit: true };
  return nextResolve(specifier, context);
}
