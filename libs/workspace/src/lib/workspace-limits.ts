/**
 * How much one workspace may ask of the reader. The defaults fit a data
 * analyst's workspace with room to spare (the largest demo program file is
 * ~14 KiB, with the budget's vision texts written out); past them a file is
 * refused with a message, never read half.
 */
export interface WorkspaceLimits {
  /**
   * Bytes one definition file (koers.yaml, sources/, indicators/, programs/)
   * may hold. Data files under data/ are not definition files and have no
   * limit here.
   */
  readonly maxFileBytes: number;
  /**
   * What YAML aliases (`*name`) in one file may add when they are expanded,
   * counted as the characters of the values they repeat (each value at least
   * 1). Reusing an anchor a few hundred times stays far below it; an alias
   * bomb ("billion laughs") passes it within a few lines.
   */
  readonly maxAliasExpansion: number;
}

/** 1 MiB per definition file; aliases may add up to 1 000 000 characters per file. */
export const defaultWorkspaceLimits: WorkspaceLimits = {
  maxFileBytes: 1024 * 1024,
  maxAliasExpansion: 1_000_000,
};

/** `1.5 MiB`, `12 KiB`, `300 bytes`: sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimmed(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${trimmed(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

function trimmed(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The problem message for a definition file larger than the limit. */
export function fileTooLargeMessage(bytes: number, limits: WorkspaceLimits): string {
  // Just past the limit both round alike ("1 MiB"): then say the bytes.
  const isClose = formatBytes(bytes) === formatBytes(limits.maxFileBytes);
  const size = isClose ? `${bytes.toLocaleString('en-US')} bytes` : formatBytes(bytes);
  const limit = isClose ? `${limits.maxFileBytes.toLocaleString('en-US')} bytes (${formatBytes(limits.maxFileBytes)})` : formatBytes(limits.maxFileBytes);
  return (
    `the file is ${size}, and a definition file may be at most ${limit}: ` +
    'shorten the longest texts, split a large program into several program files, ' +
    'and keep data in a data file under data/ that a source points to'
  );
}
