/** Longer keys are cut in a field path: a message never repeats a whole file. */
const maxSegmentLength = 60;

/** A zod or YAML path as people read it: `tasks[0].actions[1].kind`. */
export function formatField(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${shortened(String(segment))}`))
    .join('');
}

function shortened(key: string): string {
  return key.length <= maxSegmentLength ? key : `${key.slice(0, maxSegmentLength)}…`;
}

/** The plain value at `path`, or undefined where the path does not exist. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
