/**
 * A source that could not be loaded: `file` is the workspace-relative file the
 * reader should open to fix it (the data file, or the source's YAML when the
 * data file is missing), `line` the line in that file where there is one.
 */
export class SourceLoadError extends Error {
  constructor(
    readonly sourceId: string,
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'SourceLoadError';
  }

  /** `file:line: message`, the way `koers check` prints it. */
  get location(): string {
    return this.line === undefined ? this.file : `${this.file}:${this.line}`;
  }
}
