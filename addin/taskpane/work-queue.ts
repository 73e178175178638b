/**
 * One queue for everything the 目录校验 tab does through the port (check, live re-check, fix,
 * undo, ignore, drop-downs, selection), so no two of them interleave their reads and writes:
 * a re-check never reads rows half-way through a fix, a fix never starts while a check is
 * still highlighting, two quick 忽略 clicks write one after the other. Pure: no React, no port.
 *
 * Generations: every full check requested bumps the generation. Work that produces a result a
 * full check would replace (a live re-check of changed rows, a check overtaken by a newer one)
 * notes the generation when it is queued and drops its result when a newer full check has been
 * requested since (`isCurrent`).
 */
export class WorkQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  private gen = 0;

  /** Run `task` once every task queued before it has settled, whatever their outcome. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.waiting++;
    const result = this.tail.then(() => task());
    this.tail = result.then(
      () => void this.waiting--,
      () => void this.waiting--,
    );
    return result;
  }

  /** Whether a task is running or waiting. */
  get busy(): boolean {
    return this.waiting > 0;
  }

  /** Resolves when everything queued so far has settled. */
  idle(): Promise<void> {
    return this.tail;
  }

  get generation(): number {
    return this.gen;
  }

  /** A full check is requested: results of work queued before now are stale. Returns the new generation. */
  bump(): number {
    return ++this.gen;
  }

  /** Whether no full check has been requested since generation `g` was noted. */
  isCurrent(g: number): boolean {
    return g === this.gen;
  }
}
