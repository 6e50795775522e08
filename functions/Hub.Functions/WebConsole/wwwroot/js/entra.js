// Entra ID sign-in: authorization code with PKCE, as a single-page application.
import { decodeClaims, query, saveSession } from './api.js';
import { state } from './state.js';

export function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

export async function signInWithEntra() {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('hub.console.pkce', JSON.stringify({ verifier, state }));
  const params = new URLSearchParams({
    client_id: state.settings.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    response_mode: 'query',
    scope: `openid profile ${state.settings.scope}`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  location.assign(`${state.settings.authority}/oauth2/v2.0/authorize?${params}`);
}

export async function completeEntraSignIn() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code || state.settings.signIn !== 'entra') return;
  const pkce = JSON.parse(sessionStorage.getItem('hub.console.pkce') ?? 'null');
  sessionStorage.removeItem('hub.console.pkce');
  history.replaceState(null, '', redirectUri());
  if (!pkce || pkce.state !== params.get('state')) return;
  const response = await fetch(`${state.settings.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: state.settings.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      code_verifier: pkce.verifier,
      scope: `openid profile ${state.settings.scope}`,
    }),
  });
  if (response.ok) {
    const answer = await response.json();
    const claims = decodeClaims(answer.access_token);
    saveSession(answer.access_token, { id: claims.sub, label: claims.name ?? claims.sub, labelEn: claims.name ?? claims.sub });
  }
}
