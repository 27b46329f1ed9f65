import type { Schema } from '../../api/client';

/** A park holds its designation certificate while designated, and while rectifying (not yet revoked, §5.3). */
export const hasCertificate = (stage: Schema<'CaseView'>['stage']): boolean =>
  stage === 'designated' || stage === 'rectifying';
