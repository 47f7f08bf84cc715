import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../repository-root.mjs';

/** Folders that hold no documentation of ours. */
const skipped = new Set(['node_modules', 'dist', 'tmp', 'var', 'coverage', '.git', '.nx', '.angular']);

/** Every file below `folder` whose name passes `isWanted`, relative to the repository root. */
function filesBelow(folder: string, isWanted: (name: string) => boolean): string[] {
  return readdirSync(join(repositoryRoot, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) return skipped.has(entry.name) ? [] : filesBelow(path, isWanted);
    return isWanted(entry.name) ? [path] : [];
  });
}

const markdownFiles = filesBelow('', (name) => name.endsWith('.md'));
const projectFolders = filesBelow('', (name) => name === 'project.json').map((file) => dirname(file));

/** Every path a markdown file names: link targets, and code spans that start with `./` or `../`. */
function namedPaths(file: string): { path: string; line: number }[] {
  return readFileSync(join(repositoryRoot, file), 'utf8')
    .split('\n')
    .flatMap((text, index) => {
      const links = [...text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)].map((match) => match[1] ?? '');
      const spans = [...text.matchAll(/`(\.\.?\/[^`\s]*)`/g)].map((match) => match[1] ?? '');
      return [...links, ...spans].filter((path) => !/^[a-z]+:/.test(path)).map((path) => ({ path, line: index + 1 }));
    });
}

describe('READMEs', () => {
  it('every Nx project has one', () => {
    expect(projectFolders.length).toBeGreaterThan(10);
    expect(projectFolders.filter((folder) => !existsSync(join(repositoryRoot, folder, 'README.md')))).toEqual([]);
  });

  it('name no path outside the repository: a fresh clone has nothing beside it', () => {
    const outside = markdownFiles.flatMap((file) =>
      namedPaths(file)
        .filter(({ path }) => relative(repositoryRoot, resolve(repositoryRoot, dirname(file), path)).startsWith('..'))
        .map(({ path, line }) => `${file}:${line}: ${path}`),
    );
    const machinePaths = markdownFiles.flatMap((file) =>
      readFileSync(join(repositoryRoot, file), 'utf8')
        .split('\n')
        // `/work/` as an absolute path (this machine's checkouts), not a folder named work inside the repository (`src/work/`).
        .flatMap((text, index) => (/\.\.\/shared\/|(^|[^\w./-])\/work\//.test(text) ? [`${file}:${index + 1}: ${text.trim()}`] : [])),
    );
    expect([...outside, ...machinePaths]).toEqual([]);
  });

  it('link only to files that exist', () => {
    const broken = markdownFiles.flatMap((file) =>
      namedPaths(file)
        .filter(({ path }) => !existsSync(resolve(repositoryRoot, dirname(file), path)))
        .map(({ path, line }) => `${file}:${line}: ${path}`),
    );
    expect(broken).toEqual([]);
  });
});
