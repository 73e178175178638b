import { describe, expect, it } from 'vitest';
import { WorkQueue } from './work-queue.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the pane work queue', () => {
  it('runs tasks one at a time in the order queued, even when one fails', async () => {
    const q = new WorkQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = q.run(async () => {
      log.push('a start');
      await gate;
      log.push('a end');
      return 1;
    });
    const b = q.run(async () => {
      log.push('b');
      throw new Error('b failed');
    });
    const c = q.run(() => {
      log.push('c');
      return 3;
    });
    await tick();
    expect(log).toEqual(['a start']); // b and c wait for a
    expect(q.busy).toBe(true);
    release();
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow('b failed');
    await expect(c).resolves.toBe(3);
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
    await q.idle();
    expect(q.busy).toBe(false);
  });

  it('a task queued from inside a running one runs after it (no interleaving, no deadlock when not awaited)', async () => {
    const q = new WorkQueue();
    const log: string[] = [];
    let inner: Promise<void> | undefined;
    await q.run(async () => {
      log.push('outer start');
      inner = q.run(() => void log.push('inner'));
      await tick();
      log.push('outer end');
    });
    await inner;
    expect(log).toEqual(['outer start', 'outer end', 'inner']);
  });

  it('a result noted before a newer full check was requested is stale', async () => {
    const q = new WorkQueue();
    const g0 = q.generation;
    expect(q.isCurrent(g0)).toBe(true);
    const applied: string[] = [];
    // a live re-check queued behind a slow fix; the user presses 重新校验 meanwhile
    let release!: () => void;
    void q.run(() => new Promise<void>((r) => (release = r)));
    const recheck = q.run(async () => {
      if (q.isCurrent(g0)) applied.push('recheck');
    });
    const g1 = q.bump();
    const full = q.run(async () => {
      if (q.isCurrent(g1)) applied.push('full');
    });
    await tick();
    release();
    await Promise.all([recheck, full]);
    expect(applied).toEqual(['full']);
    expect(q.isCurrent(g1)).toBe(true);
    expect(q.isCurrent(g0)).toBe(false);
  });
});
