import type { OfficerFacts } from '../../persistence/repositories/officers.repository';

/**
 * The officers of the development stack (`npm run dev`), imported into the officer directory at its start
 * (`npm run officers -- import --development`): the subjects its printed tokens and `npm run token` use by default,
 * so a panel can name the experts and their notices reach the SMTP server before anyone has signed in.
 */
export const DEVELOPMENT_OFFICERS: readonly OfficerFacts[] = [
  {
    subject: 'yubei-officer',
    role: 'district',
    district: '500112',
    email: 'yubei-officer@rsj.yubei.example.cn',
    displayName: '渝北区人力社保局经办人',
  },
  {
    subject: 'yuzhong-officer',
    role: 'district',
    district: '500103',
    email: 'yuzhong-officer@rsj.yuzhong.example.cn',
    displayName: '渝中区人力社保局经办人',
  },
  {
    subject: 'municipal-officer',
    role: 'municipal',
    email: 'municipal-officer@rlsbj.example.cn',
    displayName: '市人力社保局经办人',
  },
  { subject: 'expert-1', role: 'expert', email: 'expert-1@experts.example.cn', displayName: '张明' },
  { subject: 'expert-2', role: 'expert', email: 'expert-2@experts.example.cn', displayName: '李华' },
  { subject: 'expert-3', role: 'expert', email: 'expert-3@experts.example.cn', displayName: '王芳' },
  // A fourth expert: forming a panel of three is a choice, and one expert sits on no panel.
  { subject: 'expert-4', role: 'expert', email: 'expert-4@experts.example.cn', displayName: '赵强' },
  {
    subject: 'finance-officer',
    role: 'finance',
    email: 'finance-officer@rlsbj.example.cn',
    displayName: '市人力社保局财务处经办人',
  },
];
