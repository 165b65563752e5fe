/** UI strings of the app frame. Feature strings live in each feature's own strings.ts. */
export const APP_NAME = '支部工作台';

export const NAV = [
  { path: '/', label: '首页' },
  { path: '/reminders', label: '提醒' },
  { path: '/roster', label: '党员名册' },
  { path: '/recruitment', label: '发展党员' },
  { path: '/meetings', label: '会议记录' },
  { path: '/appraisal', label: '民主评议' },
  { path: '/dues', label: '党费' },
  { path: '/care', label: '关怀走访' },
  { path: '/transfers', label: '组织关系' },
  { path: '/reports', label: '统计报表' },
  { path: '/sync', label: '同步' },
  { path: '/settings', label: '设置' },
] as const;
export type NavPath = (typeof NAV)[number]['path'];

/** What each section not built yet will hold: an honest empty state, never fake data. */
