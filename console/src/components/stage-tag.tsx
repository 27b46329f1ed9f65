import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../api/client';
import { STATUS_COLOURS } from '../theme';

type Stage = Schema<'CaseView'>['stage'];

/** Stages awaiting someone's action, in colour; the ended ones grey. */
const COLOURS: Partial<Record<Stage, string>> = {
  submitted: STATUS_COLOURS.waiting,
  returned: STATUS_COLOURS.attention,
  accepted: STATUS_COLOURS.waiting,
  under_review: STATUS_COLOURS.waiting,
  designated: STATUS_COLOURS.done,
  rectifying: STATUS_COLOURS.attention,
  revoked: STATUS_COLOURS.overdue,
};

/** A case's stage by its name in the officer's language (`common.stages`). */
export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[stage]}>{t(`common.stages.${stage}`)}</Tag>;
}
