// Entra ID sign-in through Microsoft's own library (the global `msal`, vendor/msal-browser): authorization code with
// PKCE as a single-page application. The sign-in returns to redirect.html (the registration's redirect URI), whose
// redirect bridge hands the answer back here. Any OpenID provider signs in the same way (the browser tests use one).
import { decodeClaims, saveSession } from './api.js';
import { state } from './state.js';

// Entra ID's own login hosts (public Azure, Azure China, US Government): Microsoft's protocol; anyone else, plain OpenID.
const MICROSOFT_LOGIN = /(^|\.)(login\.microsoftonline\.com|login\.chinacloudapi\.cn|login\.microsoftonline\.us|login\.partner\.microsoftonline\.cn)$/i;

let application = null;

export function redirectUri() {
  return `${location.origin}${location.pathname.replace(/[^/]*$/, '')}redirect.html`;
}

async function signInApplication() {
  if (!application) {
    const authority = new URL(state.settings.authority);
    application = new msal.PublicClientApplication({
      auth: {
        clientId: state.settings.clientId,
        authority: state.settings.authority,
        // Known, so MSAL asks no other cloud's discovery service (the content security policy allows only this origin).
        knownAuthorities: [authority.host],
        redirectUri: redirectUri(),
      },
      cache: { cacheLocation: 'sessionStorage' },
      system: { protocolMode: MICROSOFT_LOGIN.test(authority.hostname) ? msal.ProtocolMode.AAD : msal.ProtocolMode.OIDC },
    });
    await application.initialize();
  }
  return application;
}

export async function signInWithEntra() {
  const client = await signInApplication();
  await client.loginRedirect({ scopes: [state.settings.scope] });
}

// On every start: redeems a sign-in answer the redirect bridge left, if any, into the console's session.
export async function completeEntraSignIn() {
  if (state.settings.signIn !== 'entra') return;
  try {
    const client = await signInApplication();
    const result = await client.handleRedirectPromise();
    if (result?.accessToken) {
      const claims = decodeClaims(result.accessToken);
      const name = result.account?.name ?? claims.name ?? claims.sub;
      saveSession(result.accessToken, { id: claims.sub, label: name, labelEn: name });
    }
  } catch (error) {
    // The sign-in page says why (MSAL's error code, no personal data) and offers the button again.
    state.signInError = error?.errorCode ?? error?.name ?? 'error';
  }
}

// On sign-out: MSAL's own cache (account, tokens) goes with the console's session, so the next person at this browser
// does not inherit them.
export async function forgetEntraSignIn() {
  if (application) await application.clearCache();
}
