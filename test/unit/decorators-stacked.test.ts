import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT, sourceFiles } from '../support/source/source-files';

/**
 * issue 11 item 5: decorators stand one per line, above what they decorate. This test scans `api/` and `config/`
 * and fails, naming file:line, on a decorator followed on its line (after its call's balanced closing parenthesis)
 * by another decorator or by a property declaration. Parentheses and '@' inside strings, template literals, regular
 * expressions and comments of a decorator's arguments do not count; a call spanning lines is followed to its end.
 */
const ROOT = REPOSITORY_ROOT;
const SOURCES = ['api', 'config'];
const TYPESCRIPT = new Set(['.ts']);

/** A line that opens with a decorator call: `@Name(` or `@a.b(`, the '(' at the end of the match. */
const DECORATOR_START = /^\s*@[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(/;
/** What must not follow a decorator on its line: another decorator call... */
const NEXT_DECORATOR = /^\s+@[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(/;
/** ...or a property (`name!:`, `name?:`; `name:` only as a statement ending in ';', so parameters do not count). */
const MODIFIERS = '(?:(?:readonly|declare|public|protected|private|static|override|accessor)\\s+)*';
const PROPERTY = new RegExp(`^\\s+${MODIFIERS}#?[A-Za-z_$][\\w$]*\\s*([!?])?\\s*:`);
/** After these (ignoring blanks), a '/' opens a regular expression rather than dividing. */
const BEFORE_REGEX = new Set([
  '',
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
]);

/**
 * From `pos` just after a decorator's '(' in `text`, the index just after the balanced ')' closing it, skipping
 * strings, template literals, regular expressions and comments; -1 when the text ends first.
 */
function closingParen(text: string, pos: number): number {
  let depth = 1;
  let previous = '('; // the last significant character, to tell a regular expression from a division
  for (let i = pos; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\\') i++;
        else if (c !== '`' && text[i] === '\n') break; // an unterminated string ends with its line
      }
      previous = c;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    if (c === '/' && BEFORE_REGEX.has(previous)) {
      let inClass = false;
      for (i++; i < text.length && text[i] !== '\n'; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        else if (text[i] === '/' && !inClass) break;
      }
      previous = '/';
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth === 0) return i + 1;
    previous = /[\w$]/.test(c) ? 'x' : c;
  }
  return -1;
}

/** The 1-based lines of `text` on which a decorator is followed by another decorator or a property. */
export function chainedDecoratorLines(text: string): number[] {
  const found: number[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (index: number): number => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= index) line++;
    return line;
  };
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
    const match = DECORATOR_START.exec(text.slice(start, end));
    if (!match) continue;
    const close = closingParen(text, start + match[0].length);
    if (close < 0) continue;
    const closeLine = lineAt(close - 1);
    const lineEnd = closeLine + 1 < lineStarts.length ? lineStarts[closeLine + 1] - 1 : text.length;
    const rest = text.slice(close, lineEnd);
    const property = PROPERTY.exec(rest);
    if (NEXT_DECORATOR.test(rest) || (property && (property[1] || rest.trimEnd().endsWith(';')))) {
      found.push(closeLine + 1);
    }
    line = Math.max(line, closeLine); // a call spanning lines: go on after its last line
  }
  return found;
}

describe('the detector of chained decorators', () => {
  it('passes stacked decorators, a property below them and a parameter decorator', () => {
    const stacked = [
      'export class X {',
      "  @ApiProperty({ example: '张三' })",
      '  @IsString()',
      '  @MaxLength(TEXT)',
      '  name!: string;',
      '  @ApiProperty({',
      "    description: 'spans lines',",
      '  })',
      '  @IsOptional()',
      '  note?: string;',
      '  create(',
      '    @Body() body: Dto,',
      "    @Param('id') id: string,",
      '  ) {}',
      '}',
    ].join('\n');
    expect(chainedDecoratorLines(stacked)).toEqual([]);
  });

  it('finds a decorator followed by another one or by the property', () => {
    expect(
      chainedDecoratorLines("  @ApiProperty({ example: '张三' }) @IsString() @IsNotEmpty() name!: string;"),
    ).toEqual([1]);
    expect(chainedDecoratorLines("  @ApiProperty({ example: '主任' }) @IsString()")).toEqual([1]);
    expect(chainedDecoratorLines('  @ApiProperty() role?: string;')).toEqual([1]);
    expect(chainedDecoratorLines('  @ApiProperty() readonly count: number;')).toEqual([1]);
    expect(chainedDecoratorLines("  @ApiProperty({\n    example: 'x',\n  }) @IsString()\n  name!: string;")).toEqual([
      3,
    ]);
  });

  it("ignores '@' and parentheses inside strings, regular expressions and comments", () => {
    expect(chainedDecoratorLines("  @ApiProperty({ example: 'rsj@ybq.cq.gov.cn' })\n  email!: string;")).toEqual([]);
    expect(chainedDecoratorLines("  @ApiProperty({ example: 'a) @IsString( b' })")).toEqual([]);
    expect(chainedDecoratorLines("  @ApiProperty({ example: 'a) name!: b' })")).toEqual([]);
    expect(chainedDecoratorLines('  @Matches(/^\\($/, { message: `x) @Y(` }) // ) @Z(')).toEqual([]);
    expect(chainedDecoratorLines("  @ApiProperty({ example: 'a@b.c' }) @IsEmail()")).toEqual([1]);
  });
});

describe('decorators in api/ and config/', () => {
  it('stand one per line, above the property', () => {
    const findings = SOURCES.flatMap((source) => sourceFiles(join(ROOT, source), TYPESCRIPT)).flatMap((path) =>
      chainedDecoratorLines(readFileSync(path, 'utf8')).map((line) => `${relative(ROOT, path)}:${line}`),
    );
    expect(findings).toEqual([]);
  });
});
