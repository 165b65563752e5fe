import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore';

/** A task that runs until `finish()` is called, and says whether it has started. */
function heldTask(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish,
  };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('runs at most its size at once; the others wait', async () => {
    const log: string[] = [];
    const slots = new Semaphore(2);
    const tasks = ['甲', '乙', '丙', '丁'].map((name) => heldTask(log, name));
    const results = tasks.map((t) => slots.run(t.task));
    await settle();
    expect(log).toEqual(['start 甲', 'start 乙']);
    expect(slots.queued).toBe(2);

    tasks[0]!.finish();
    await settle();
    expect(log).toEqual(['start 甲', 'start 乙', 'end 甲', 'start 丙']);
    expect(slots.queued).toBe(1);

    tasks.slice(1).forEach((t) => t.finish());
    expect(await Promise.all(results)).toEqual(['甲', '乙', '丙', '丁']);
    expect(slots.queued).toBe(0);
  });

  it('serves waiting tasks in the order they arrived', async () => {
    const log: string[] = [];
    const slots = new Semaphore(1);
    const first = heldTask(log, '一');
    const running = slots.run(first.task);
    const queued = ['二', '三', '四'].map((name) => slots.run(async () => void log.push(`run ${name}`)));
    await settle();
    first.finish();
    await Promise.all([running, ...queued]);
    expect(log).toEqual(['start 一', 'end 一', 'run 二', 'run 三', 'run 四']);
  });

  it('frees the slot of a task that fails', async () => {
    const slots = new Semaphore(1);
    await expect(slots.run(() => Promise.reject(new Error('坏了')))).rejects.toThrow('坏了');
    expect(await slots.run(async () => 'next')).toBe('next');
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
  });
});
