/** The window comes back where it was, unless that place is no longer on any screen. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, parseWindowState, saveWindowState, visibleBounds } from './window-state';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };

describe('visibleBounds', () => {
  it('keeps bounds that lie on a screen', () => {
    expect(visibleBounds({ x: 100, y: 50, width: 1200, height: 700 }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 700 });
  });
  it('drops bounds on a monitor that is no longer connected', () => {
    expect(visibleBounds({ x: 2000, y: 0, width: 1200, height: 700 }, [laptop])).toBeUndefined();
  });
  it('drops bounds that only touch a screen by a sliver', () => {
    expect(visibleBounds({ x: 1300, y: 0, width: 1200, height: 700 }, [laptop])).toBeUndefined();
  });
  it('grows a window saved smaller than the minimum size', () => {
    expect(visibleBounds({ x: 0, y: 0, width: 300, height: 200 }, [laptop])).toEqual({ x: 0, y: 0, width: 1024, height: 640 });
  });
  it('drops bounds with missing numbers', () => {
    expect(visibleBounds({ x: Number.NaN, y: 0, width: 1200, height: 700 }, [laptop])).toBeUndefined();
  });
});

describe('window state file', () => {
  it('reads back what was saved and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bd-window-'));
    try {
      const file = join(dir, 'sub', 'window-state.json');
      await saveWindowState(file, { bounds: { x: 10, y: 20, width: 1300, height: 700 }, maximized: true });
      expect(await loadWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1300, height: 700 }, maximized: true });
      expect(await readdir(join(dir, 'sub'))).toEqual(['window-state.json']);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ maximized: true });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('treats a missing or damaged file as a first run', async () => {
    expect(await loadWindowState('/nonexistent/window-state.json')).toBeUndefined();
    expect(parseWindowState('{"bounds":')).toBeUndefined();
    expect(parseWindowState('{"maximized":true}')).toBeUndefined();
  });
});
