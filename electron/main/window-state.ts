/** The window's size and position, remembered between runs and kept on a visible screen. */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1366, height: 768 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;

/** Saved bounds if at least 100×100 px of them lie on some display's work area; otherwise none. */
export function visibleBounds(saved: Rect | undefined, workAreas: readonly Rect[]): Rect | undefined {
  if (!saved) return undefined;
  const values = [saved.x, saved.y, saved.width, saved.height];
  if (values.some((v) => !Number.isFinite(v))) return undefined;
  const onScreen = workAreas.some((area) => {
    const overlapX = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const overlapY = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    return overlapX >= 100 && overlapY >= 100;
  });
  if (!onScreen) return undefined;
  return { ...saved, width: Math.max(saved.width, MIN_SIZE.width), height: Math.max(saved.height, MIN_SIZE.height) };
}

export function parseWindowState(text: string): WindowState | undefined {
  try {
    const data = JSON.parse(text) as Partial<WindowState>;
    const b = data.bounds;
    if (!b || typeof b !== 'object') return undefined;
    const bounds = { x: Number(b.x), y: Number(b.y), width: Number(b.width), height: Number(b.height) };
    return { bounds, maximized: data.maximized === true };
  } catch {
    return undefined;
  }
}

export async function loadWindowState(file: string): Promise<WindowState | undefined> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return undefined; // first run: no file yet
  }
}

/** Written whole or not at all: a crash never leaves half a file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(state));
}
