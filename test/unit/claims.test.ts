import { actorFromClaims } from '../../api/auth/claims';

describe('JWT claims → actor (api-contract "Identity")', () => {
  it('accepts each role; a district token carries a known district', () => {
    expect(actorFromClaims({ sub: 'o1', role: 'district', district: '500112' })).toEqual({
      id: 'o1',
      role: 'district',
      district: '500112',
    });
    expect(actorFromClaims({ sub: 'm1', role: 'municipal' })).toEqual({ id: 'm1', role: 'municipal' });
    expect(actorFromClaims({ sub: 'e1', role: 'expert' })).toEqual({ id: 'e1', role: 'expert' });
    expect(actorFromClaims({ sub: 'f1', role: 'finance' })).toEqual({ id: 'f1', role: 'finance' });
  });

  it('refuses a missing subject, an unknown role and an unknown district', () => {
    expect(actorFromClaims({ role: 'municipal' })).toMatch(/subject/);
    expect(actorFromClaims({ sub: 'x', role: 'mayor' })).toMatch(/role/);
    expect(actorFromClaims({ sub: 'x', role: 'district', district: '110101' })).toMatch(/known district/);
    expect(actorFromClaims({ sub: 'x', role: 'district' })).toMatch(/known district/);
  });
});
