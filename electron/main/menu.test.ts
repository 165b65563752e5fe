/** The application menu speaks Chinese and its own items reach the UI as typed events. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('menuTemplate', () => {
  const actions = { navigate: vi.fn(), toggleLargeType: vi.fn(), about: vi.fn() };

  it('labels every item in Chinese', () => {
    const labelled = items(menuTemplate(actions, false, false)).filter((i) => i.type !== 'separator');
    expect(labelled.length).toBeGreaterThan(10);
    for (const item of labelled) expect(item.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('sends 设置, 首页 and 大字模式 to the UI', () => {
    const all = items(menuTemplate(actions, false, false));
    const click = (label: string) => (all.find((i) => i.label === label)!.click as () => void)();
    click('设置');
    click('首页');
    click('大字模式');
    expect(actions.navigate.mock.calls).toEqual([['/settings'], ['/']]);
    expect(actions.toggleLargeType).toHaveBeenCalledTimes(1);
  });

  it('offers developer tools only in development', () => {
    const hasDevTools = (dev: boolean) => items(menuTemplate(actions, false, dev)).some((i) => i.role === 'toggleDevTools');
    expect(hasDevTools(false)).toBe(false);
    expect(hasDevTools(true)).toBe(true);
  });
});
