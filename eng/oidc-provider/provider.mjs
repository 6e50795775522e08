// An OpenID provider on loopback for the browser tests (oidc-provider, OpenID Certified): the console signs in here
// with MSAL exactly as it does with Entra ID, and the Hub validates the access tokens through this provider's
// discovery document and keys. The access token carries what Entra ID's claims-mapping policy gives a person: roles,
// division, grid, department.
//
// node provider.mjs <settings.json>, where the test writes
//   { "key": <PEM path>, "cert": <PEM path>, "clientId", "redirectUri", "audience", "scope", "accounts": { id: { name, roles, division, grid?, department? } } }
// It prints "issuer <url>" once it listens (on a free loopback port), and runs until killed.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import Provider from 'oidc-provider';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const accounts = settings.accounts;
const resource = `urn:hub:${settings.audience}`;
let handle = (request, response) => { response.statusCode = 503; response.end(); };
const server = createServer({ key: readFileSync(settings.key), cert: readFileSync(settings.cert) }, (request, response) => handle(request, response));

server.listen(0, '127.0.0.1', () => {
  const issuer = `https://127.0.0.1:${server.address().port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: settings.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [settings.redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    }],
    jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig', kid: 'hub-test' }] },
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: (ctx, id) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id, name: accounts[id].name }) } : undefined),
    // The console (a single-page application on the Hub's origin) may call the token endpoint.
    clientBasedCORS: (ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
    features: {
      // The provider's own login and consent pages: any password, the login names an account above.
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: settings.scope,
          audience: settings.audience,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (ctx, token) => {
      const account = accounts[token.accountId];
      if (!account) return undefined;
      const { name, roles, division, grid, department } = account;
      return Object.fromEntries(Object.entries({ name, roles, division, grid, department }).filter(([, value]) => value !== undefined));
    },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  handle = provider.callback();
  console.log(`issuer ${issuer}`);
});
