// The engine's child process when the engine runs from TypeScript source (tsx,
// vitest): ProcessSandboxSession starts this file; see ../../README.md,
// "The engine's process". Only relative imports and type-only imports of other
// libs reach here, so tsx needs no tsconfig paths to run it.
import { serveEngineHost } from './engine-host';

await serveEngineHost();
