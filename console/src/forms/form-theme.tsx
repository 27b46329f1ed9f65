import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { STATUS_COLOURS } from '../theme';

/**
 * The forms' warnings and errors readable at WCAG AA (axe's color-contrast): Ant Design's default gold (#faad14) and
 * red (#ff4d4f) texts under a field fall short of 4.5:1 on white; the console's attention and overdue colours reach it.
 * The rest of the console's theme is inherited.
 */
export function FormTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorWarning: STATUS_COLOURS.attention, colorError: STATUS_COLOURS.overdue } }}>
      {children}
    </ConfigProvider>
  );
}
