import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeStamp } from './build-stamp.mjs';
import { dashboardStaleReason, dashboardStampFile } from './dashboard-build.mjs';

let root: string;

function write(path: string, content = 'x'): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** A dashboard built a moment after its files were written (the stamp `buildDashboard` would write). */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'koers-dashboard-'));
  write('apps/dashboard/src/main.ts');
  write('apps/dashboard/src/app/app.component.html');
  write('apps/dashboard/src/app/app.component.spec.ts');
  write('libs/domain/src/lib/quarter.ts');
  write('dist/apps/dashboard/browser/index.html');
  writeStamp(dashboardStampFile(root), {
    startedAtMs: Date.now() + 1000,
    inputs: ['apps/dashboard/src/app/app.component.html', 'apps/dashboard/src/main.ts', 'libs/domain/src/lib/quarter.ts'],
    outputs: ['dist/apps/dashboard/browser/index.html'],
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('dashboardStaleReason', () => {
  it('is null while nothing the build read changed', () => {
    expect(dashboardStaleReason(root)).toBeNull();
  });

  it('notices a new file in the project, such as an asset nothing imports', () => {
    write('apps/dashboard/public/logo.svg');
    expect(dashboardStaleReason(root)).toBe('apps/dashboard/public/logo.svg is new');
  });

  it('ignores a new spec: the build does not read specs', () => {
    write('apps/dashboard/src/app/other.spec.ts');
    expect(dashboardStaleReason(root)).toBeNull();
  });

  it('notices a new file of the domain, the one lib web code may import values from', () => {
    write('libs/domain/src/lib/role.ts');
    expect(dashboardStaleReason(root)).toBe('libs/domain/src/lib/role.ts is new');
  });

  it('notices a file going away, and a build that is gone', () => {
    rmSync(join(root, 'libs/domain/src/lib/quarter.ts'));
    expect(dashboardStaleReason(root)).toBe('libs/domain/src/lib/quarter.ts is gone');
    rmSync(join(root, 'dist/apps/dashboard/browser/index.html'));
    expect(dashboardStaleReason(root)).toBe('dist/apps/dashboard/browser/index.html is missing');
    rmSync(dashboardStampFile(root));
    expect(dashboardStaleReason(root)).toBe('not built yet');
  });

  it("leaves a build Nx made, without a stamp, to the judgement of Nx's cache", () => {
    rmSync(dashboardStampFile(root));
    expect(dashboardStaleReason(root)).toBe("built by Nx, which writes no stamp: Nx's cache tells");
  });
});
