import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT, sourceFiles } from '../support/source/source-files';
import * as allowedActions from '../../workflows/definitions/allowed-actions';
import * as application from '../../workflows/definitions/application';
import * as caseDefinitions from '../../workflows/definitions/case';
import * as civilDate from '../../workflows/definitions/civil-date';
import * as documents from '../../workflows/definitions/documents';
import * as failures from '../../workflows/definitions/failures';
import * as messageRef from '../../workflows/definitions/message-ref';
import * as messages from '../../workflows/definitions/messages';
import * as noticeDelivery from '../../workflows/definitions/notice-delivery';
import * as officerActions from '../../workflows/definitions/officer-actions';
import * as policy from '../../workflows/definitions/policy';
import * as policyTime from '../../workflows/definitions/policy-time';
import * as records from '../../workflows/definitions/records';
import * as searchAttributes from '../../workflows/definitions/search-attributes';
import * as workCalendar from '../../workflows/definitions/work-calendar';

/**
 * issue 11 item 2: every enum lives once, as an `as const` list in `workflows/definitions/`; types, DTO validators
 * and OpenAPI enums are derived from it. This test reads the lists the definitions export and fails on a literal
 * copy of one anywhere else, and on a validator or OpenAPI enum written as literals.
 */
const ROOT = REPOSITORY_ROOT;
const DEFINITIONS = join(ROOT, 'workflows', 'definitions');
const SOURCES = ['api', 'activities', 'persistence', 'worker', 'workflows', 'scripts', 'bench', 'drills'];
/** Where literal lists belong or are history: the definitions themselves and applied migrations (their SQL). */
const EXCLUDED = [DEFINITIONS, join(ROOT, 'persistence', 'migrations')];

/** The definitions modules, by file: the test fails when a new one is not listed here. */
const MODULES: Record<string, Record<string, unknown>> = {
  'allowed-actions.ts': allowedActions,
  'application.ts': application,
  'case.ts': caseDefinitions,
  'civil-date.ts': civilDate,
  'documents.ts': documents,
  'failures.ts': failures,
  'message-ref.ts': messageRef,
  'messages.ts': messages,
  'notice-delivery.ts': noticeDelivery,
  'officer-actions.ts': officerActions,
  'policy.ts': policy,
  'policy-time.ts': policyTime,
  'records.ts': records,
  'search-attributes.ts': searchAttributes,
  'work-calendar.ts': workCalendar,
};

/** Every exported list of strings of the definitions, by `file:NAME`. */
function definitionLists(): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const [file, module] of Object.entries(MODULES)) {
    for (const [name, value] of Object.entries(module)) {
      if (Array.isArray(value) && value.length >= 2 && value.every((v) => typeof v === 'string')) {
        lists.set(`${file}:${name}`, value);
      }
    }
  }
  return lists;
}

const LITERAL = String.raw`'[^'\n]+'`;
/** `['a', 'b', …]` and `'a' | 'b' | …`: the literal sequences a copied enum would be written as. */
const SEQUENCES = [
  new RegExp(String.raw`\[\s*${LITERAL}(?:\s*,\s*${LITERAL})+\s*,?\s*\]`, 'g'),
  new RegExp(String.raw`${LITERAL}(?:\s*\|\s*${LITERAL})+`, 'g'),
];
const membersOf = (sequence: string): string[] => [...sequence.matchAll(/'([^'\n]+)'/g)].map((m) => m[1]);
const sameSet = (a: string[], b: string[]): boolean =>
  new Set(a).size === new Set(b).size && a.every((v) => b.includes(v));

describe('every enum once (issue 11 item 2)', () => {
  const lists = definitionLists();
  const files = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir), new Set(['.ts']), EXCLUDED));

  it('the definitions export the lists this test guards', () => {
    expect(Object.keys(MODULES).sort()).toEqual(
      readdirSync(DEFINITIONS)
        .filter((name) => name.endsWith('.ts'))
        .sort(),
    );
    expect([...lists.keys()]).toEqual(
      expect.arrayContaining(['case.ts:CASE_STAGES', 'case.ts:PAYMENT_STATUSES', 'message-ref.ts:LOCALES']),
    );
    expect(files.length).toBeGreaterThan(50);
  });

  it('no file outside workflows/definitions repeats one of their lists as literals', () => {
    const copies: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of SEQUENCES) {
        for (const match of text.matchAll(pattern)) {
          const members = membersOf(match[0]);
          for (const [name, values] of lists) {
            if (sameSet(members, values)) copies.push(`${relative(ROOT, file)}: ${match[0]} copies ${name}`);
          }
        }
      }
    }
    expect(copies).toEqual([]);
  });

  it('validators and OpenAPI enums are derived from a list, never written as literals', () => {
    const literal = /(?:IsIn\(|enum:\s*)\[\s*'/g;
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(literal)].map((m) => `${relative(ROOT, file)}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
