import { common } from './common';
import { consoleTexts } from './console';
import { documents } from './documents';
import { errors } from './errors';
import { notices } from './notices';
import { rules } from './rules';
import { validation } from './validation';

/** The reference catalogue: every person-facing text, in the bureau's Chinese. Other languages mirror its keys. */
export const zhCN = { common, errors, rules, notices, validation, documents, console: consoleTexts };
