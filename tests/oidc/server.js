// A real OpenID provider (panva/oidc-provider, OpenID Certified) for Wohnweg's login
// tests. Listens on loopback only, on an ephemeral port, and prints its issuer (and its
// keys, see below) as one JSON line on stdout. Accounts: any login name `x` is the
// subject `x` with the e-mail `x@example.org` (verified) and the roles claim
// `wohnweg_roles: ["city_caseworker"]`.
import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

// The provider's signing key, made fresh at every start. Its private half is printed
// for the tests, which forge tokens with it (wrong audience, expired, …) while
// discovery and the published keys come from this real provider. A second key, never
// published, lets them sign as a stranger.
const kid = 'wohnweg-test-key-1';
const signing = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...signing.privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
const pem = (k) => k.export({ format: 'pem', type: 'pkcs8' });

const host = '127.0.0.1';
const server = http.createServer();

server.listen(Number(process.env.PORT || 0), host, () => {
  const { port } = server.address();
  const issuer = `http://${host}:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'wohnweg',
        client_secret: 'wohnweg-test-client-secret',
        redirect_uris: ['http://127.0.0.1/auth/callback'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'wohnweg'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      wohnweg: ['wohnweg_roles'],
    },
    conformIdTokenClaims: false,
    jwks: { keys: [jwk] },
    cookies: { keys: ['wohnweg-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    // `name+tag` is a second account with `name`'s (verified) e-mail address;
    // `admin-…` accounts assert administrator roles in the roles claim.
    async findAccount(ctx, id) {
      const mailbox = id.split('+')[0];
      const roles = id.startsWith('admin-')
        ? ['city_admin', 'carrier_admin', 'city_caseworker']
        : ['city_caseworker'];
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: `${mailbox}@example.org`,
            email_verified: true,
            name: `Test ${mailbox}`,
            wohnweg_roles: roles,
          };
        },
      };
    },
    // First-party client: grant the requested scopes without a consent screen.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile wohnweg');
      await grant.save();
      return grant;
    },
  });
  // The app under test listens on an ephemeral port: allow any loopback callback.
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri) {
    try {
      const u = new URL(uri);
      return u.protocol === 'http:' && u.hostname === host && u.pathname === '/auth/callback';
    } catch {
      return false;
    }
  };
  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({
    issuer,
    kid,
    private_pem: pem(signing.privateKey),
    public_pem: signing.publicKey.export({ format: 'pem', type: 'spki' }),
    stranger_pem: pem(stranger.privateKey),
  })}\n`);
});

// Stop with the test process that started us.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
