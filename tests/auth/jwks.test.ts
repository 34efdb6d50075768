import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startTestHub, type TestHub } from '../support/hub';

/** An identity provider on loopback: publishes its public key as a JWKS, signs with the private one. */
async function startIdentityProvider() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'kx-test-1', alg: 'RS256', use: 'sig' };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  const sign = (sub: string) =>
    new SignJWT({ kind: 'staff' })
      .setProtectedHeader({ alg: 'RS256', kid: 'kx-test-1' })
      .setSubject(sub)
      .setExpirationTime('5m')
      .sign(privateKey);
  return { url, sign, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('Tokens verified with the keys at JWKS_URL', () => {
  let t: TestHub;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  beforeAll(async () => {
    idp = await startIdentityProvider();
    t = await startTestHub({ config: { jwksUrl: idp.url } });
  });
  afterAll(async () => {
    await t.stop();
    await idp.close();
  });

  const ask = (authorization: string) =>
    fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ departments { code } }' }),
    });

  test('When a token is signed by the identity provider, then it is accepted; a shared-secret token is not', async () => {
    expect((await ask(`Bearer ${await idp.sign('admin')}`)).status).toBe(200);
    const sharedSecret = await new SignJWT({ kind: 'staff' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .sign(new TextEncoder().encode('kexiang-development-secret-do-not-use-in-production'));
    expect((await ask(`Bearer ${sharedSecret}`)).status).toBe(401);
  });
});
