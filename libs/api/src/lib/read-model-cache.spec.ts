import { describe, expect, it } from 'vitest';
import { ReadModelCache } from './read-model-cache';

describe('ReadModelCache', () => {
  it('builds once per data version', async () => {
    let version = 1;
    let builds = 0;
    const cache = new ReadModelCache(() => version);
    const build = async () => ++builds;

    expect(await cache.get('overview:uithoorn', build)).toBe(1);
    expect(await cache.get('overview:uithoorn', build)).toBe(1);
    version = 2;
    expect(await cache.get('overview:uithoorn', build)).toBe(2);
  });

  it('shares one build between requests that arrive while it runs', async () => {
    let builds = 0;
    const cache = new ReadModelCache(() => 1);
    const build = () => new Promise<number>((resolve) => setTimeout(() => resolve(++builds), 5));

    expect(await Promise.all([cache.get('a', build), cache.get('a', build)])).toEqual([1, 1]);
  });

  it('does not keep a failed build', async () => {
    const cache = new ReadModelCache(() => 1);
    await expect(cache.get('a', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await cache.get('a', async () => 'ok')).toBe('ok');
  });

  it('drops the oldest entries past its size', async () => {
    let builds = 0;
    const cache = new ReadModelCache(() => 1, 2);
    const build = async () => ++builds;
    await cache.get('a', build);
    await cache.get('b', build);
    await cache.get('c', build);
    expect(await cache.get('a', build)).toBe(4);
    expect(await cache.get('c', build)).toBe(3);
  });
});
