import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One section of the case page: a card headed by an h2 (the page's h1 is the park's name). */
export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}
