// Lets @modelcontextprotocol/conformance 0.1.16 start on Node 20: it imports `globSync` from `fs`, which Node
// only has from version 22 (the suite uses it in its `tier-check` command alone). Loaded with
// `node --import <this file>`, it sends that package's bare `fs` imports to fs-with-globsync.mjs. node_modules
// stays untouched.
import { register } from 'node:module';

register('./fs-resolve-hook.mjs', import.meta.url);
