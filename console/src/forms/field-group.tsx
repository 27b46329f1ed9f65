import type { ReactNode } from 'react';

/** Fields that belong together (one document, one list) under their name: a fieldset, so a reader hears the name. */
export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px', minWidth: 0 }}>
      <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8, border: 0 }}>{title}</legend>
      {children}
    </fieldset>
  );
}
