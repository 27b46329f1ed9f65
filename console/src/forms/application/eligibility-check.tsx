import { Alert, Form, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText } from '../message-text';
import { liveNotes, NOTED_ITEMS, type Note } from './notes';
import type { ApplicationValues } from './values';

/** How long the officer may pause typing before the notes at the other fields are brought up to date. */
const SETTLE_MS = 300;

/**
 * R-APP-1..8 on the application as it stands, above the send button: what the filing would be returned for, and the
 * flags (R-APP-4/5) that only need a waiver — never a reason not to send. It also keeps the notes at the fields up to
 * date: after each change, the noted items the officer has filled in (or, with `checkAtOnce`, all of them: a returned
 * application shows its shortfalls at once) are checked again.
 */
export function EligibilityCheck({
  form,
  district,
  checkAtOnce = false,
}: {
  form: FormInstance<ApplicationValues>;
  district: string;
  checkAtOnce?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const values = Form.useWatch((all: ApplicationValues) => all, { form, preserve: true });
  const checkedAll = useRef(false);
  useEffect(() => {
    const all = checkAtOnce && !checkedAll.current;
    const timer = setTimeout(
      () => {
        checkedAll.current ||= all;
        void form.validateFields(NOTED_ITEMS, { dirty: !all }).catch(() => undefined);
      },
      all ? 0 : SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [form, values, checkAtOnce, i18n.language]);

  const notes = values ? liveNotes(values, district, (ref) => messageText(t, ref)) : [];
  const deficiencies = notes.filter((note) => !note.flag);
  const flags = notes.filter((note) => note.flag);
  if (notes.length === 0)
    return (
      <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('console.application.check.passed')} />
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('console.application.check.title')}
      description={
        <>
          <NoteList heading={t('console.application.check.deficiencies')} notes={deficiencies} />
          <NoteList heading={t('console.application.check.flags')} notes={flags} />
        </>
      }
    />
  );
}

function NoteList({ heading, notes }: { heading: string; notes: Note[] }) {
  const { t } = useTranslation();
  if (notes.length === 0) return null;
  return (
    <>
      <div>{heading}</div>
      <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
        {notes.map((note) => (
          <li key={`${note.rule}-${note.field}-${note.text}`}>
            {t('console.application.note', { text: note.text, rule: note.rule })}
          </li>
        ))}
      </ul>
    </>
  );
}
