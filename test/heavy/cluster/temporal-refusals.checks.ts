import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDevelopmentToken } from '../../../api/auth/development-token';
import { DEVELOPMENT_JWT_SECRET } from '../../../api/config/auth-settings';
import { policyClockAdvancedSignal } from '../../../workflows/definitions/messages';
import { OFFICER_ACTIONS } from '../../../workflows/definitions/officer-actions';
import { validApplication } from '../../../tooling/fixtures/applications';
import { httpStack } from '../../../tooling/http/http-calls';
import { uploadRequiredPapers } from '../../../tooling/http/papers';
import type { ClusterScript } from './cluster-script';
import { clientAs, opsReaderToken, outcomeOf, type Caller } from './temporal-callers';

/**
 * Issue 22 item 1, the drill: an Update, a Signal and a Terminate sent straight to `npm run cluster`'s Temporal
 * frontend are refused without a certificate, with a certificate but no token, and with an ops reader's token (who
 * may read); the API's own actions still pass; the Temporal UI sends whoever opens it to Keycloak and offers no write.
 */
/** The cluster's API takes `npm run dev`'s development tokens beside the realm's (scripts/cluster.sh's banner). */
const tokenOf = (role: 'district' | 'municipal'): string =>
  signDevelopmentToken(
    role === 'district' ? { sub: 'yubei-officer', role, district: '500112' } : { sub: 'bureau-officer', role },
    DEVELOPMENT_JWT_SECRET,
  );

export function temporalRefusalChecks(cluster: () => ClusterScript): void {
  let caseId: string;
  const realm = (): string => `http://localhost:${cluster().keycloakPort}/realms/parkflow`;
  const password = (): string =>
    JSON.parse(readFileSync(join(cluster().dataDir, 'keycloak', 'state.json'), 'utf8')).officerPassword;
  const api = (path: string, role: 'district' | 'municipal', body: unknown): Promise<Response> =>
    fetch(`${cluster().frontDoor}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokenOf(role)}`,
        'content-type': 'application/json',
        'idempotency-key': `refusal-drill-${path}`,
      },
      body: JSON.stringify(body),
    });

  it('the API files a case through its own service account on the secured frontend', async () => {
    const filed = await api('/v1/applications', 'district', validApplication());
    expect(filed.status).toBe(201);
    caseId = ((await filed.json()) as { caseId: string }).caseId;
    // R-DOC-1: the district's papers, so the acceptance below is the API's own action passing.
    await uploadRequiredPapers(httpStack(cluster().frontDoor, DEVELOPMENT_JWT_SECRET), caseId, tokenOf('district'));
  });

  it('an Update, a Signal and a Terminate straight to the frontend are refused, whoever sends them', async () => {
    const readerToken = await opsReaderToken(cluster().dataDir, realm(), cluster().temporalUi, password());
    const callers: Array<[string, Caller]> = [
      ['no certificate', {}],
      ['a certificate, no token', { certificate: 'parkflow-api' }],
      ["an ops reader's token", { certificate: 'temporal-ui', token: readerToken }],
    ];
    const outcomes: Record<string, Record<string, string>> = {};
    for (const [who, caller] of callers) {
      const client = clientAs(cluster().dataDir, caller);
      const handle = client.getHandle(`park-case-${caseId}`);
      const acceptance = OFFICER_ACTIONS.acceptance.update;
      outcomes[who] = {
        update: await outcomeOf(() => handle.executeUpdate(acceptance, { args: [{ actor: 'intruder' } as never] })),
        signal: await outcomeOf(() => handle.signal(policyClockAdvancedSignal, { days: 400 })),
        terminate: await outcomeOf(() => handle.terminate('intruder')),
        read: await outcomeOf(() => handle.describe()),
      };
      await client.connection.close().catch(() => undefined);
    }
    const refusedAll = (reason: string) => ({ update: reason, signal: reason, terminate: reason, read: reason });
    expect(outcomes).toEqual({
      'no certificate': refusedAll('refused: unavailable'), // the handshake fails: nothing reaches the server
      'a certificate, no token': refusedAll('refused: permission denied'),
      "an ops reader's token": { ...refusedAll('refused: permission denied'), read: 'done' },
    });
  });

  it('after the refusals the case is untouched: still submitted, and the API’s own action passes', async () => {
    const view = await fetch(`${cluster().frontDoor}/v1/cases/${caseId}`, {
      headers: { authorization: `Bearer ${tokenOf('municipal')}` },
    });
    expect(((await view.json()) as { stage: string }).stage).toBe('submitted');
    const accepted = await api(`/v1/cases/${caseId}/acceptance`, 'municipal', { accepted: true });
    expect({ status: accepted.status, stage: ((await accepted.json()) as { stage: string }).stage }).toEqual({
      status: 200,
      stage: 'accepted',
    });
  });

  it('the Temporal UI sends whoever opens it to Keycloak, answers nothing unsigned, its writes off', async () => {
    const ui = cluster().temporalUi;
    const signIn = await fetch(`${ui}/auth/sso`, { redirect: 'manual' });
    expect({ status: signIn.status, to: signIn.headers.get('location') }).toEqual({
      status: 302,
      to: expect.stringMatching(new RegExp(`^${realm()}/protocol/openid-connect/auth\\?client_id=temporal-ui&`)),
    });
    expect((await fetch(`${ui}/api/v1/namespaces/default/workflows`)).status).toBe(401);
    const settings = (await (await fetch(`${ui}/api/v1/settings`)).json()) as Record<string, unknown>;
    expect(settings).toMatchObject({ Auth: { Enabled: true }, DisableWriteActions: true });
  });
}
