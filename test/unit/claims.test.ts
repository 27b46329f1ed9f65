import { actorFromClaims, CONTRACT_CLAIMS, type ClaimMapping } from '../../api/auth/claims';
import { parseRoleMap } from '../../api/config/auth-settings';

const ISSUER = 'https://sso.cq.example/realms/hr';
const refusal = (act: () => unknown): { rule?: string; message: string } => {
  try {
    act();
  } catch (error) {
    return { rule: (error as { rule?: string }).rule, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
};

describe('token claims → actor (api-contract "Identity")', () => {
  it('accepts each role; a district token carries a known district; the issuer goes with the subject', () => {
    expect(actorFromClaims({ sub: 'o1', role: 'district', district: '500112' }, CONTRACT_CLAIMS, ISSUER)).toEqual({
      id: 'o1',
      role: 'district',
      district: '500112',
      issuer: ISSUER,
    });
    for (const role of ['municipal', 'expert', 'finance'] as const)
      expect(actorFromClaims({ sub: 'x', role }, CONTRACT_CLAIMS, ISSUER)).toEqual({ id: 'x', role, issuer: ISSUER });
  });

  it('refuses a missing subject, a subject over 200 characters, an unknown role and an unknown district', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'municipal' }, 'token.subject'],
      [{ sub: 'x'.repeat(201), role: 'municipal' }, 'token.subject'],
      [{ sub: 'x', role: 'mayor' }, 'token.role'],
      [{ sub: 'x', role: 'district', district: '110101' }, 'token.district'],
      [{ sub: 'x', role: 'district' }, 'token.district'],
    ];
    for (const [claims, rule] of cases)
      expect(refusal(() => actorFromClaims(claims, CONTRACT_CLAIMS, ISSUER)).rule).toBe(rule);
    expect(actorFromClaims({ sub: 'x'.repeat(200), role: 'finance' }, CONTRACT_CLAIMS, ISSUER).id).toHaveLength(200);
  });

  describe('a provider’s own claim names (Keycloak: realm_access.roles, a district attribute)', () => {
    const keycloak: ClaimMapping = {
      subjectClaim: 'sub',
      roleClaim: 'realm_access.roles',
      districtClaim: 'district',
      roleMap: parseRoleMap('hr-district-officer=district, hr-bureau=municipal').map,
    };

    it('picks the one contract role among the provider’s roles, mapped by AUTH_ROLE_MAP', () => {
      const claims = {
        sub: 'u-1',
        realm_access: { roles: ['offline_access', 'uma_authorization', 'hr-district-officer'] },
        district: ['500103'],
      };
      expect(actorFromClaims(claims, keycloak, ISSUER)).toEqual({
        id: 'u-1',
        role: 'district',
        district: '500103',
        issuer: ISSUER,
      });
      expect(actorFromClaims({ sub: 'u-2', realm_access: { roles: ['finance'] } }, keycloak, ISSUER).role).toBe(
        'finance',
      );
    });

    it('refuses no contract role, two of them, and two districts', () => {
      const roles = (list: string[], district?: unknown) => ({ sub: 'u', realm_access: { roles: list }, district });
      expect(refusal(() => actorFromClaims(roles(['offline_access']), keycloak, ISSUER)).rule).toBe('token.role');
      expect(refusal(() => actorFromClaims(roles(['hr-bureau', 'finance']), keycloak, ISSUER)).message).toMatch(
        /several roles \(municipal, finance/,
      );
      const twoDistricts = roles(['hr-district-officer'], ['500103', '500112']);
      expect(refusal(() => actorFromClaims(twoDistricts, keycloak, ISSUER)).rule).toBe('token.district');
    });
  });

  it('AUTH_SUBJECT_CLAIM names the claim that is the officer id (Keycloak: preferred_username)', () => {
    const byUsername = { ...CONTRACT_CLAIMS, subjectClaim: 'preferred_username' };
    const claims = { sub: '70f559df-6623-4b9c', preferred_username: 'expert-li', role: 'expert' };
    expect(actorFromClaims(claims, byUsername, ISSUER).id).toBe('expert-li');
    expect(refusal(() => actorFromClaims({ sub: 'x', role: 'expert' }, byUsername, ISSUER)).message).toMatch(
      /claim preferred_username/,
    );
  });

  it('AUTH_ROLE_MAP: each entry is providerRole=contractRole', () => {
    expect(parseRoleMap(undefined)).toEqual({ map: {}, problems: [] });
    expect(parseRoleMap('a=mayor,b,=finance').problems).toHaveLength(3);
  });
});
