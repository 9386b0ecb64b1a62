// ESM resolve hook (see node20-fs-hook.mjs): `fs` imported from inside the conformance package resolves to
// a module that re-exports node:fs and adds globSync when the running Node lacks it.
const shim = new URL('./fs-with-globsync.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
    if (specifier === 'fs' && context.parentURL?.includes('/@modelcontextprotocol/conformance/'))
        return { url: shim, shortCircuit: true };
    return nextResolve(specifier, context);
}
