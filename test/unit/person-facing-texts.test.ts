import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { REPOSITORY_ROOT, sourceFiles } from '../support/source/source-files';

/**
 * issue 20 / api-contract "Language": every text a person reads from the API, an inbox or an email comes from the
 * language catalogues (`i18n/`), never a literal in code. This test reads the code that writes such texts and fails on
 * (a) a literal given as a person-facing field (`message`, `subject`, `title`, `text`, `action`) and (b) any literal
 * with Chinese in it outside the catalogues. Not held to it: logs, CLI output and OpenAPI prose (decorator arguments).
 */
const SCANNED = ['api', 'activities', 'workflows'];
const PERSON_FACING_FIELDS = new Set(['message', 'subject', 'title', 'text', 'action']);
/** Functions whose arguments are texts for a person (a refusal's field and message). */
const TEXT_TAKING_CALLS = new Set(['invalidInput', 'invalidStage', 'refuse']);
/** OpenAPI prose written as schema objects rather than decorator arguments. */
const OPENAPI_PROSE = new Set(['description', 'example', 'summary']);
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** Literals that are data, not texts, each with why. */
const ALLOWED: Record<string, string> = {
  // R-CAL-3: a deadline's `reason` is the arrangement's own name of the rest day (contract example "国庆节"), data
  'workflows/definitions/work-calendar.ts': 'REST_DAY_REASONS',
  // the holiday arrangement import: validation of a file an operator gives `npm run calendar -- import` (CLI output)
  'persistence/reference/holiday-arrangements.ts': 'CLI',
  // R-DOC-1: the headings an uploaded XLSX roster's header row is recognised by (data read from a file)
  'api/documents/roster-headings.ts': 'ROSTER_HEADINGS',
};

interface Finding {
  where: string;
  literal: string;
}

const isLogCall = (node: ts.Node): boolean =>
  ts.isCallExpression(node) &&
  ts.isPropertyAccessExpression(node.expression) &&
  /logger$|^console$/i.test(node.expression.expression.getText());

function literalsIn(file: string): Finding[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: Finding[] = [];
  const report = (node: ts.Node): void => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push({ where: `${relative(REPOSITORY_ROOT, file)}:${line + 1}`, literal: node.getText().slice(0, 80) });
  };
  const isLiteral = (node: ts.Node): boolean =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
  /** Words (a space) or Chinese: a sentence, not a code or a setting (`'deny'`). */
  const isSentence = (node: ts.Node): boolean => isLiteral(node) && /\s|[\u3400-\u9fff]/.test(node.getText());
  const visit = (node: ts.Node): void => {
    if (ts.isDecorator(node) || isLogCall(node) || ts.isImportDeclaration(node)) return;
    if (ts.isPropertyAssignment(node) && OPENAPI_PROSE.has(node.name.getText())) return;
    if (
      ts.isPropertyAssignment(node) &&
      PERSON_FACING_FIELDS.has(node.name.getText().replace(/['"]/g, '')) &&
      isSentence(node.initializer)
    ) {
      report(node);
      return;
    }
    if (ts.isCallExpression(node) && TEXT_TAKING_CALLS.has(node.expression.getText())) {
      node.arguments.filter(isSentence).forEach(report);
    }
    if (isLiteral(node) && CJK.test(node.getText())) report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('person-facing texts come from the catalogues (issue 20)', () => {
  const files = SCANNED.flatMap((dir) => sourceFiles(join(REPOSITORY_ROOT, dir), new Set(['.ts'])))
    .filter((file) => !file.endsWith('.cli.ts'))
    .filter((file) => !ALLOWED[relative(REPOSITORY_ROOT, file)]);

  it('scans the code that writes answers, notices and emails', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('finds no person-facing literal outside i18n/', () => {
    expect(files.flatMap(literalsIn)).toEqual([]);
  });

  it('would catch one', () => {
    const probe = join(REPOSITORY_ROOT, 'test', 'unit', 'fixtures', 'person-facing-literal.fixture.ts');
    expect(literalsIn(probe).map((finding) => finding.literal)).toEqual([
      "message: 'the subsidy is out of range'",
      "'补助资金超出范围'",
      "'must be an ISO date'",
    ]);
  });
});
