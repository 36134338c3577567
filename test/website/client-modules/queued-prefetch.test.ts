import { describe, expect, it } from 'vitest';
import { type IdleDeadlineLike, queuedPrefetch } from '../../../website/client-modules/queued-prefetch.js';

/** A scheduler that holds the drains until the test runs them, each with its own budget of prefetches. */
function heldScheduler() {
  const pending: ((deadline: IdleDeadlineLike) => void)[] = [];
  return {
    schedule: (callback: (deadline: IdleDeadlineLike) => void) => void pending.push(callback),
    pending,
    /** Runs the next held drain with time for `routes` prefetches. */
    runIdle(routes: number) {
      let left = routes;
      pending.shift()!({ timeRemaining: () => (left-- > 0 ? 1 : 0) });
    },
  };
}

describe('queuedPrefetch(prefetch, schedule)', () => {
  it('prefetches nothing in the calling task, then each route in order, as idle time allows', () => {
    const prefetched: string[] = [];
    const idle = heldScheduler();
    const prefetch = queuedPrefetch((path) => prefetched.push(path), idle.schedule);
    for (const path of ['/a', '/b', '/c']) expect(prefetch(path)).toBe(true);
    expect(prefetched).toEqual([]);
    expect(idle.pending).toHaveLength(1);
    idle.runIdle(2);
    expect(prefetched).toEqual(['/a', '/b']);
    // The rest waits for the next idle period.
    expect(idle.pending).toHaveLength(1);
    idle.runIdle(5);
    expect(prefetched).toEqual(['/a', '/b', '/c']);
    expect(idle.pending).toHaveLength(0);
  });

  it('schedules again when a route is queued after the queue was drained', () => {
    const prefetched: string[] = [];
    const idle = heldScheduler();
    const prefetch = queuedPrefetch((path) => prefetched.push(path), idle.schedule);
    prefetch('/a');
    idle.runIdle(1);
    prefetch('/b');
    expect(idle.pending).toHaveLength(1);
    idle.runIdle(1);
    expect(prefetched).toEqual(['/a', '/b']);
  });
});
