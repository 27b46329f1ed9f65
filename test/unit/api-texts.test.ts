import type { HttpException } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { PanelDto, ReviewDto } from '../../api/actions/assessment.dto';
import { EvaluationDto } from '../../api/actions/yearly-cycle.dto';
import { ApplicationDto } from '../../api/applications/application.dto';
import { createValidationPipe } from '../../api/common/validation.pipe';
import { renderTexts } from '../../api/i18n/answer-language';
import { caseEndedError, toApiError } from '../../api/temporal/temporal-errors';
import { CaseFailureType } from '../../workflows/definitions/failures';
import type { Locale } from '../../workflows/definitions/message-ref';
import { validApplication } from '../../tooling/fixtures/applications';

/**
 * api-contract "Errors" and "Language" (issue 20): the texts the API writes itself — 422 validation details, 409
 * refusals — are catalogue texts naming the field and the rule, in the reader's language; machine fields never change.
 */
async function refusal(metatype: new () => unknown, body: unknown): Promise<HttpException> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
  } catch (error) {
    return error as HttpException;
  }
  throw new Error('expected a 422');
}

/** An error's body as a reader of each language gets it. */
const inBoth = (error: unknown): Record<Locale, any> =>
  Object.fromEntries(
    (['zh-CN', 'en'] as Locale[]).map((locale) => [
      locale,
      renderTexts((error as HttpException).getResponse(), locale),
    ]),
  ) as Record<Locale, any>;

describe('422 validation texts name the field, the rule and the bound, in the reader’s language', () => {
  it('a review score out of range (§5.1) and an unknown field', async () => {
    const { 'zh-CN': zh, en } = inBoth(await refusal(ReviewDto, { necessity: 101, feasibility: 1.5, extra: 1 }));
    expect(zh).toEqual({
      error: 'validation_failed',
      message: '请求内容有误：extra、necessity、feasibility、recommend',
      details: [
        { field: 'extra', message: 'extra：不是可接受的字段' },
        { field: 'necessity', rule: '§5.1', message: 'necessity：不能大于 100' },
        { field: 'feasibility', rule: '§5.1', message: 'feasibility：须为整数' },
        { field: 'recommend', message: 'recommend：须为 true 或 false' },
      ],
    });
    expect(en).toEqual({
      error: 'validation_failed',
      message: 'the request is invalid: extra, necessity, feasibility, recommend',
      details: [
        { field: 'extra', message: 'extra: unknown field' },
        { field: 'necessity', rule: '§5.1', message: 'necessity must not be greater than 100' },
        { field: 'feasibility', rule: '§5.1', message: 'feasibility must be an integer number' },
        { field: 'recommend', message: 'recommend must be true or false' },
      ],
    });
  });

  it('R-APP-3 a bad credit code in a nested roster entry, and a district that is no district code', async () => {
    const body = { ...validApplication(), district: '110101' };
    body.agencies[0].creditCode = '91500112MA5U00003Q';
    const { 'zh-CN': zh, en } = inBoth(await refusal(ApplicationDto, body));
    expect(zh.details).toEqual([
      { field: 'district', message: 'district：须为已知的区县代码（见 GET /v1/districts）' },
      {
        field: 'agencies.0.creditCode',
        rule: 'R-APP-3',
        message: 'agencies.0.creditCode：须为18位统一社会信用代码，且第18位校验码符合 GB 32100-2015',
      },
    ]);
    expect(en.details[1].message).toBe(
      'agencies.0.creditCode must be an 18-character unified social credit code with a valid GB 32100-2015 check ' +
        'character',
    );
  });

  it('R-CAL-1 a rectification day, R-EVL-2 grounds checked on each item, and an expert id on each item', async () => {
    const evaluation = inBoth(
      await refusal(EvaluationDto, { outcome: 'revoke', findings: 'x', rectifyBy: '2027-02-30', grounds: ['rumour'] }),
    );
    expect(evaluation['zh-CN'].details).toEqual([
      {
        field: 'rectifyBy',
        rule: 'R-CAL-1',
        message:
          'rectifyBy：须为重庆日期 YYYY-MM-DD（真实存在的日历日期），整改期限至该日24:00（重庆时间）止（R-CAL-1）',
      },
      {
        field: 'grounds',
        rule: 'R-EVL-2',
        message: 'grounds 的每一项：须为以下值之一：poorly_run、nominal_only、adverse_effect',
      },
    ]);
    expect(evaluation.en.details[1].message).toBe(
      'each value in grounds must be one of the following values: poorly_run, nominal_only, adverse_effect',
    );
    const panel = inBoth(await refusal(PanelDto, { expertIds: ['expert li'] }));
    expect(panel.en.details).toEqual([
      { field: 'expertIds', message: 'each expertIds entry is an officer id (letters, digits, . _ @ -, at most 100)' },
    ]);
  });

  it('a NUL character is refused naming the field', async () => {
    const { 'zh-CN': zh } = inBoth(await refusal(ReviewDto, { comments: 'a\u0000b' }));
    expect(zh).toEqual({
      error: 'validation_failed',
      message: '请求内容有误：comments',
      details: [{ field: 'comments', message: 'comments：不能包含空字符（U+0000）' }],
    });
  });
});

describe('409 invalid_stage names the stage by code and name and the action by its name', () => {
  const failure = (details: unknown) =>
    toApiError(
      ApplicationFailure.create({
        type: CaseFailureType.INVALID_STAGE,
        message: 'designation@submitted',
        details: [details],
      }),
    );

  it('from the workflow’s failure, with the stages that allow the action', () => {
    const answer = inBoth(failure({ stage: 'submitted', action: 'designation', allowed: ['under_review'] }));
    expect(answer['zh-CN']).toEqual({
      error: 'invalid_stage',
      message: '当前阶段：submitted（已申报），不能办理“认定决定”；可办理的阶段：under_review',
      details: [],
    });
    expect(answer.en.message).toBe(
      'the designation decision is not allowed in the current stage: submitted (submitted); allowed in: under_review',
    );
  });

  it('on a case that has ended (the read model), and when its stage is not known', () => {
    expect(inBoth(caseEndedError('submitApplication', 'closed'))['zh-CN'].message).toBe(
      '案件已结束，当前阶段：closed（已办结），不能办理“提交申报材料”',
    );
    expect(inBoth(caseEndedError('evaluation', undefined)).en.message).toBe(
      'the case has ended: an evaluation is not allowed (current stage: ended)',
    );
  });

  it('422 from an InvalidInput failure: its code’s text, or the English of a worker built before codes', () => {
    const invalid = (details: unknown[]) =>
      toApiError(ApplicationFailure.create({ type: CaseFailureType.INVALID_INPUT, message: 'x', details }));
    const coded = inBoth(
      invalid([
        { field: 'expertIds', code: 'rules.refusals.expertsNotDistinct' },
        { field: 'reason', rule: 'R-X', message: 'old text' },
      ]),
    );
    expect(coded['zh-CN']).toEqual({
      error: 'validation_failed',
      message: '请求内容有误：expertIds、reason',
      details: [
        { field: 'expertIds', message: '评审专家不得重复' },
        { field: 'reason', rule: 'R-X', message: 'old text' },
      ],
    });
  });
});
