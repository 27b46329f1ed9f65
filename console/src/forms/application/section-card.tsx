import { Card } from 'antd';
import type { ReactNode } from 'react';

/** One part of the application form under its name (园区基本情况, 入驻机构名录, …). */
export function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}
