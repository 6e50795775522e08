// The redirect URI's page: MSAL's redirect bridge stores the sign-in answer and goes back to the console, whose
// handleRedirectPromise redeems it. A classic script, because the bridge is loaded as the global msalRedirectBridge.
msalRedirectBridge.broadcastResponseToMainFrame().catch(() => location.replace('./'));
