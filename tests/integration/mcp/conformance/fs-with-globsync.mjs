// node:fs plus a globSync for Node versions before 22. The conformance suite needs globSync only for its
// `tier-check` command, which LlamaGate's tests do not run; calling it here says so instead of guessing.
import fs from 'node:fs';

export * from 'node:fs';
export default fs;

export const globSync =
    fs.globSync ??
    ((pattern) => {
        throw new Error(`globSync(${pattern}) needs Node 22 or later; only the conformance tier-check command uses it`);
    });
