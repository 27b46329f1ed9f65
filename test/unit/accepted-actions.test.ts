import { HttpDriver } from '../../tooling/http/http-driver';
import type { CallOptions, HttpStack, JsonAnswer } from '../../tooling/http/http-calls';

/**
 * The drivers' officer steps on a busy machine: an action answered 202 (sent; no outcome within the API's bounded
 * wait) is a right answer, followed to its outcome — applied, the step goes on with the case; refused, it fails.
 */
function stackAnswering(answers: Array<Pick<JsonAnswer, 'status' | 'body'>>): HttpStack & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    token: (role) => `token-${role}`,
    async call(method: string, path: string, _options?: CallOptions) {
      calls.push(`${method} ${path}`);
      const next = answers.shift();
      if (!next) throw new Error(`no answer left for ${method} ${path}`);
      return { ...next, headers: new Headers() };
    },
  };
}

const accepted = { status: 202, body: { caseId: 'c1', updateId: 'u1', status: 'accepted', message: '…' } };

describe('officer steps answered 202 are followed to their outcome', () => {
  it('a 202 then running then applied gives the case as the action left it', async () => {
    const stack = stackAnswering([
      accepted,
      { status: 200, body: { caseId: 'c1', updateId: 'u1', status: 'running' } },
      {
        status: 200,
        body: { caseId: 'c1', updateId: 'u1', status: 'applied', case: { caseId: 'c1', stage: 'accepted' } },
      },
    ]);
    const body = await new HttpDriver(stack).ok('POST', '/v1/cases/c1/acceptance', { token: 't', body: {} });
    expect(body).toEqual({ caseId: 'c1', stage: 'accepted' });
    expect(stack.calls).toEqual([
      'POST /v1/cases/c1/acceptance',
      'GET /v1/cases/c1/actions/u1',
      'GET /v1/cases/c1/actions/u1',
    ]);
  });

  it('a 202 whose action the workflow refused fails the step, naming the outcome', async () => {
    const stack = stackAnswering([
      accepted,
      { status: 200, body: { caseId: 'c1', updateId: 'u1', status: 'refused', error: { error: 'invalid_state' } } },
    ]);
    await expect(new HttpDriver(stack).ok('POST', '/v1/cases/c1/acceptance', { token: 't' })).rejects.toThrow(
      /action u1 → .*"refused".*invalid_state/,
    );
  });

  it('a step that expects the 202 gets it as it is', async () => {
    const stack = stackAnswering([accepted]);
    expect(await new HttpDriver(stack).ok('POST', '/v1/cases/c1/acceptance', { token: 't' }, 202)).toEqual(
      accepted.body,
    );
  });
});
