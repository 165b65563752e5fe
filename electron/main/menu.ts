/** The application menu, in Chinese. Menu items that change the UI send a typed event. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  navigate(path: string): void;
  toggleLargeType(): void;
  about(): void;
}

export function menuTemplate(actions: MenuActions, isMac: boolean, isDev: boolean): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '设置', accelerator: 'CmdOrCtrl+,', click: () => actions.navigate('/settings') },
        { type: 'separator' },
        isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '首页', accelerator: 'CmdOrCtrl+H', click: () => actions.navigate('/') },
        { label: '大字模式', accelerator: 'CmdOrCtrl+Shift+L', click: () => actions.toggleLargeType() },
        { type: 'separator' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'togglefullscreen', label: '全屏' },
        ...(isDev ? ([{ type: 'separator' }, { role: 'reload', label: '重新载入' }, { role: 'toggleDevTools', label: '开发者工具' }] as const) : []),
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于支部工作台', click: () => actions.about() }],
    },
  ];
}
