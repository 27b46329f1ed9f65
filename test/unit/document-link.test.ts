import { LINK_LIFETIME_SECONDS, signLink, verifyLink, type LinkQuery } from '../../api/documents/document-link';
import { contentDisposition } from '../../api/documents/document-views';
import type { Actor } from '../../workflows/definitions/case';

const secret = Buffer.from('unit-test-document-link-secret');
const documentId = '3f0c8a52-9d1e-4c55-8a0b-2b7f7f6f1c10';
const district: Actor = { id: 'district-500112', role: 'district', district: '500112', issuer: 'https://sso.cq/hr' };
const issuedAt = Date.UTC(2026, 11, 7, 8, 0, 0);

/** The query of a link issued to `actor` at {@link issuedAt}. */
const queryOf = (actor: Actor = district, id = documentId): LinkQuery =>
  Object.fromEntries(new URL(signLink(secret, id, actor, issuedAt).path, 'http://api').searchParams);

describe('download links: an HMAC over the document, the expiry and the caller (issue 25)', () => {
  it('names the caller it was issued to, until it expires — at most 5 minutes', () => {
    expect(LINK_LIFETIME_SECONDS).toBeLessThanOrEqual(300);
    const link = signLink(secret, documentId, district, issuedAt);
    expect(link.path).toMatch(new RegExp(`^/v1/documents/${documentId}/content\\?expires=\\d+&`));
    expect(Date.parse(link.expiresAt) - issuedAt).toBe(LINK_LIFETIME_SECONDS * 1000);
    expect(verifyLink(secret, documentId, queryOf(), issuedAt + 299_000)).toEqual(district);
    const municipal: Actor = { id: 'municipal-officer', role: 'municipal' };
    expect(verifyLink(secret, documentId, queryOf(municipal), issuedAt)).toEqual(municipal);
  });

  it('is refused as expired from its expiry on', () => {
    expect(verifyLink(secret, documentId, queryOf(), issuedAt + LINK_LIFETIME_SECONDS * 1000)).toBe('expired');
  });

  it.each<[string, (query: LinkQuery) => LinkQuery]>([
    ['a later expiry', (q) => ({ ...q, expires: String(Number(q.expires) + 3600) })],
    ['another caller', (q) => ({ ...q, subject: 'district-500103', district: '500103' })],
    ['another role', (q) => ({ ...q, role: 'municipal', district: undefined })],
    ['no district', (q) => ({ ...q, district: undefined })],
    ['another issuer (issue 14: the audit names who vouched)', (q) => ({ ...q, issuer: 'https://elsewhere' })],
    ['no issuer', (q) => ({ ...q, issuer: undefined })],
    ['a signature changed in one character', (q) => ({ ...q, signature: `x${String(q.signature).slice(1)}` })],
    ['no signature', (q) => ({ ...q, signature: undefined })],
    ['a repeated parameter', (q) => ({ ...q, subject: [q.subject, 'x'] })],
    ['an unknown role', (q) => ({ ...q, role: 'admin' })],
  ])('is refused as forged with %s', (_name, change) => {
    expect(verifyLink(secret, documentId, change(queryOf()), issuedAt)).toBe('forged');
  });

  it('is refused as forged for another document, or under another key', () => {
    expect(verifyLink(secret, '00000000-0000-4000-8000-000000000000', queryOf(), issuedAt)).toBe('forged');
    expect(verifyLink(Buffer.from('another-key-another-key'), documentId, queryOf(), issuedAt)).toBe('forged');
  });
});

describe('Content-Disposition of a download (RFC 6266, RFC 5987)', () => {
  it('opens PDF and images inline, downloads the rest; the UTF-8 name encoded, an ASCII stand-in', () => {
    expect(contentDisposition('application/pdf', '渝北府函.pdf')).toBe(
      `inline; filename="____.pdf"; filename*=UTF-8''%E6%B8%9D%E5%8C%97%E5%BA%9C%E5%87%BD.pdf`,
    );
    expect(contentDisposition('image/png', 'scan (1).png')).toBe(
      `inline; filename="scan (1).png"; filename*=UTF-8''scan%20%281%29.png`,
    );
    expect(contentDisposition('application/ofd', 'a"b\\c.ofd')).toMatch(/^attachment; filename="a_b_c\.ofd"; /);
  });
});
