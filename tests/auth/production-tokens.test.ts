import { SignJWT } from 'jose';
import { loadConfig } from '../../src/config/config';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const SECRET = 'a-production-secret-for-token-tests';

const sign = (options: { exp?: boolean; iss?: string; aud?: string } = {}) => {
  const jwt = new SignJWT({ kind: 'staff' }).setProtectedHeader({ alg: 'HS256' }).setSubject('admin').setIssuedAt();
  if (options.exp !== false) jwt.setExpirationTime('1h');
  if (options.iss) jwt.setIssuer(options.iss);
  if (options.aud) jwt.setAudience(options.aud);
  return jwt.sign(new TextEncoder().encode(SECRET));
};

describe('Production as Node users expect it', () => {
  test('When NODE_ENV=production, then production mode is on and the development secret is refused', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET });
    expect(config.production).toBe(true);
    expect(config.introspection).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, PRODUCTION: 'false' }).production).toBe(false);
    expect(loadConfig({}).production).toBe(false);
  });

  describe('tokens in production', () => {
    let t: TestHub;
    beforeAll(async () => {
      t = await startTestHub({
        config: { production: true, jwtSecret: SECRET, jwtIssuer: 'https://idp.kexiang.example', jwtAudience: 'kexiang-hub' },
      });
    });
    afterAll(() => t.stop());

    const query = { query: '{ departments { code } }' };
    const refused = (answer: Awaited<ReturnType<typeof over>>) => answer.closed === 4403 || codesOf(answer).includes('UNAUTHENTICATED');

    test.each(TRANSPORTS)('When a token has no expiry over %s, then it is refused', async (transport) => {
      expect(
        refused(
          await over(transport, t, query, { token: await sign({ exp: false, iss: 'https://idp.kexiang.example', aud: 'kexiang-hub' }) }),
        ),
      ).toBe(true);
    });

    test.each(TRANSPORTS)('When a token names another issuer or audience over %s, then it is refused', async (transport) => {
      expect(
        refused(await over(transport, t, query, { token: await sign({ iss: 'https://elsewhere.example', aud: 'kexiang-hub' }) })),
      ).toBe(true);
      expect(
        refused(await over(transport, t, query, { token: await sign({ iss: 'https://idp.kexiang.example', aud: 'another-app' }) })),
      ).toBe(true);
      expect(refused(await over(transport, t, query, { token: await sign() }))).toBe(true);
    });

    test.each(TRANSPORTS)('When a token has an expiry, the issuer and the audience over %s, then it is served', async (transport) => {
      const answer = await over(transport, t, query, { token: await sign({ iss: 'https://idp.kexiang.example', aud: 'kexiang-hub' }) });
      expect(codesOf(answer)).toEqual([]);
    });
  });
});
