import type { ThemeConfig } from 'antd';

/**
 * Ant Design's theme with texts readable at WCAG AA (4.5:1 on white and on the page's grey; axe's color-contrast): its
 * secondary texts (descriptions, 45 % black), empty states (25 % black) and links and primary buttons (blue-6) fall
 * short by default; blue-7 is the primary colour.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3', // blue-8: blue-6, the default hover, reaches 4.16:1 only
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
  },
};

/**
 * Solid tag colours that carry white text at 4.5:1 or more, from Ant Design's palettes (its light preset tags in
 * orange, green and "processing" blue do not reach it): something waits, needs attention, is overdue or revoked, is
 * done.
 */
export const STATUS_COLOURS = {
  waiting: '#0958d9', // blue-7
  attention: '#ad4e00', // orange-8
  overdue: '#cf1322', // red-7
  done: '#237804', // green-8
} as const;
