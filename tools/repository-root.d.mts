// Types of repository-root.mjs (plain JavaScript, so that scripts run by plain
// `node` before any build can use it as well as the TypeScript code).

/** The nearest folder at or above `start` that holds `nx.json`; throws when there is none. */
export declare function findRepositoryRoot(start: string): string;

/** The absolute path of the repository root, without a trailing separator. */
export declare const repositoryRoot: string;
