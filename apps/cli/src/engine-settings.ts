import type { OpenSandboxOptions } from '@koers/kpi';

/** A bound of the engine set in the environment that cannot be read: the command says which, and exits 2. */
export class EngineSettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineSettingError';
  }
}

/** The engine's bounds that the environment may set (see README.md); each one not set keeps the engine's default. */
export type EngineSettings = Pick<OpenSandboxOptions, 'queryTimeoutMs' | 'memoryLimit' | 'sourceLimits'>;

/**
 * Reads the engine's bounds from `env`:
 * `KOERS_QUERY_TIMEOUT_MS`, `KOERS_MEMORY_LIMIT`, `KOERS_SOURCE_MAX_SIZE`,
 * `KOERS_SOURCE_MAX_COLUMNS`, `KOERS_SOURCE_TIMEOUT_MS`.
 *
 * @throws EngineSettingError naming the variable and what it takes.
 * @example
 * await engineSettingsFrom({ KOERS_QUERY_TIMEOUT_MS: '2000' }); // { queryTimeoutMs: 2000, sourceLimits: {} }
 */
export async function engineSettingsFrom(env: NodeJS.ProcessEnv): Promise<EngineSettings> {
  // Sizes are read as the engine reads them (imported when a command runs, like the engine).
  const { parseMemorySize } = await import('@koers/kpi');
  const size = (variable: string, text: string): number => {
    try {
      return parseMemorySize(text);
    } catch (error) {
      throw new EngineSettingError(`${variable}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const memoryLimit = env['KOERS_MEMORY_LIMIT'];
  if (memoryLimit !== undefined) size('KOERS_MEMORY_LIMIT', memoryLimit);
  const maxSize = env['KOERS_SOURCE_MAX_SIZE'];
  const sourceLimits = {
    ...(maxSize === undefined ? {} : { maxBytes: size('KOERS_SOURCE_MAX_SIZE', maxSize) }),
    ...whole(env, 'KOERS_SOURCE_MAX_COLUMNS', 'maxColumns', 'a number of columns'),
    ...whole(env, 'KOERS_SOURCE_TIMEOUT_MS', 'timeoutMs', 'milliseconds'),
  };
  return {
    ...whole(env, 'KOERS_QUERY_TIMEOUT_MS', 'queryTimeoutMs', 'milliseconds'),
    ...(memoryLimit === undefined ? {} : { memoryLimit }),
    sourceLimits,
  };
}

function whole<K extends string>(env: NodeJS.ProcessEnv, variable: string, key: K, unit: string): Partial<Record<K, number>> {
  const text = env[variable];
  if (text === undefined) return {};
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new EngineSettingError(`${variable} must be a positive whole number of ${unit}, not "${text}"`);
  return { [key]: value } as Partial<Record<K, number>>;
}
