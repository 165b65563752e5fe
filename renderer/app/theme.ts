/**
 * Two sizes of one theme. Normal text is 16 px, already larger than usual; large-type mode sets
 * 20 px and scales spacing and control heights with it, for elderly eyes.
 */
import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

export const BASE_FONT_SIZE = { normal: 16, large: 20 } as const;

export function themeFor(largeType: boolean): ThemeConfig {
  const fontSize = largeType ? BASE_FONT_SIZE.large : BASE_FONT_SIZE.normal;
  const scale = fontSize / BASE_FONT_SIZE.normal;
  return {
    token: {
      colorPrimary: '#b5261e',
      colorLink: '#9a1f18',
      fontFamily: FONT_FAMILY,
      fontSize,
      sizeUnit: Math.round(4 * scale),
      sizeStep: Math.round(4 * scale),
      controlHeight: Math.round(36 * scale),
      borderRadius: 6,
      lineHeight: 1.6,
    },
    components: {
      Menu: { itemHeight: Math.round(44 * scale), iconSize: Math.round(18 * scale) },
      Layout: { siderBg: '#ffffff', headerBg: '#ffffff' },
    },
  };
}
