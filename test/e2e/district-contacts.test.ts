import { startStack, type Stack } from '../../tooling/stacks/in-process-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.teardown();
});

describe('GET/PUT /v1/districts/{code}/contacts (the directory notices are emailed to)', () => {
  it("the municipal bureau replaces and reads a district's addresses", async () => {
    const token = stack.token('municipal');
    const body = {
      contacts: [
        { email: 'rsj@dzq.cq.gov.cn', name: '大足区人力社保局', locale: 'zh-CN' },
        { email: 'intl@dzq.cq.gov.cn', locale: 'en' },
        { email: 'office@dzq.cq.gov.cn' },
      ],
    };
    const put = await stack.call('PUT', '/v1/districts/500111/contacts', { token, body });
    expect(put.status).toBe(200);
    const expected = {
      district: '500111',
      contacts: [
        { email: 'rsj@dzq.cq.gov.cn', name: '大足区人力社保局', locale: 'zh-CN' },
        { email: 'intl@dzq.cq.gov.cn', locale: 'en' },
        { email: 'office@dzq.cq.gov.cn', locale: 'zh-CN' },
      ],
    };
    expect(put.body).toEqual(expected);
    expect(await stack.call('GET', '/v1/districts/500111/contacts', { token })).toMatchObject({
      status: 200,
      body: expected,
    });
    expect((await stack.call('PUT', '/v1/districts/500111/contacts', { token, body: { contacts: [] } })).body).toEqual({
      district: '500111',
      contacts: [],
    });
    expect((await stack.call('GET', '/v1/districts', { token })).body.items).toHaveLength(40); // the list still works
  });

  it('other roles are 403', async () => {
    for (const token of [stack.token('district', '500111'), stack.token('expert'), stack.token('finance')]) {
      expect((await stack.call('GET', '/v1/districts/500111/contacts', { token })).status).toBe(403);
      expect((await stack.call('PUT', '/v1/districts/500111/contacts', { token, body: { contacts: [] } })).status).toBe(
        403,
      );
    }
  });

  it('an unknown district is 404', async () => {
    const token = stack.token('municipal');
    expect((await stack.call('GET', '/v1/districts/500199/contacts', { token })).status).toBe(404);
    expect(
      (await stack.call('PUT', '/v1/districts/500199/contacts', { token, body: { contacts: [] } })).body.error,
    ).toBe('not_found');
  });

  it('invalid bodies are 422 with a detail naming each field', async () => {
    const token = stack.token('municipal');
    const put = (body: unknown) => stack.call('PUT', '/v1/districts/500111/contacts', { token, body });
    const fields = async (body: unknown) => {
      const response = await put(body);
      expect(response.status).toBe(422);
      return response.body.details.map((d: { field: string }) => d.field);
    };
    expect(await fields({ contacts: [{ email: 'a@b.cn' }, { email: 'not-an-email' }] })).toEqual(['contacts.1.email']);
    expect(await fields({ contacts: [{ email: 'a@b.cn', locale: 'fr' }] })).toEqual(['contacts.0.locale']);
    expect(await fields({ contacts: [{ email: 'a@b.cn', phone: '123' }] })).toEqual(['contacts.0.phone']);
    expect(await fields({ contacts: [{ email: 'a@b.cn' }, { email: 'A@b.cn' }] })).toEqual(['contacts']);
    expect(await fields({ contacts: Array.from({ length: 21 }, (_, i) => ({ email: `u${i}@b.cn` })) })).toEqual([
      'contacts',
    ]);
    expect(await fields({ contacts: [], extra: true })).toEqual(['extra']);
  });
});
