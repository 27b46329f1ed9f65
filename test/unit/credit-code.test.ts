import { creditCodeCheckCharacter, isValidCreditCode } from '../../api/applications/credit-code';

describe('unified social credit code (GB 32100-2015, R-APP-3 roster)', () => {
  it('accepts codes with a correct check character', () => {
    for (const code of ['91500112MA5U00003P', '91350100M000100Y43', '91110000600037341L'])
      expect(isValidCreditCode(code)).toBe(true);
  });

  it('rejects a wrong check character, a wrong length, letters outside the alphabet and non-strings', () => {
    expect(isValidCreditCode('91500112MA5U00003Q')).toBe(false);
    expect(isValidCreditCode('91500112MA5U0003P')).toBe(false);
    expect(isValidCreditCode('91500112MA5U0000IP')).toBe(false);
    expect(isValidCreditCode(915001120)).toBe(false);
  });

  it('computes the check character, or null for a symbol outside the alphabet', () => {
    expect(creditCodeCheckCharacter('91500112MA5U00003')).toBe('P');
    expect(creditCodeCheckCharacter('91500112MA5U0000O')).toBeNull();
  });
});
