/** Single sign-on on the client: what the log-in page says when the server sends someone back with `?sso_error=`. */

const MESSAGES: Record<string, string> = {
  no_matching_group:
    'You signed in with your organisation, but your account is not in a group that has access to RealBrand. Ask your administrator to add you to the right group.',
  email_not_verified:
    'Your identity provider did not confirm your email address, so we cannot tell which account is yours. Ask your administrator.',
  no_email: 'Your identity provider did not send an email address. Ask your administrator to release the email claim to RealBrand.',
  other_brokerage: 'This email belongs to an account of another brokerage. Sign in there, or ask your administrator.',
  deactivated: 'Your RealBrand account is deactivated. Ask your administrator.',
  expired: 'That sign-in took too long or was started in another browser. Please try again.',
  provider_error: 'Your identity provider did not complete the sign-in. Please try again.',
  failed: 'The sign-in could not be completed with your identity provider. Please try again, or ask your administrator.',
  not_configured: 'Single sign-on is not set up for this brokerage.',
  unavailable: 'Your identity provider cannot be reached right now. Please try again in a moment.',
};

/** The message for an `sso_error` code (unknown codes get a general one). */
export function ssoErrorMessage(code: string): string {
  return MESSAGES[code] ?? MESSAGES.failed!;
}

/** The server URL that starts SSO, with where to return afterwards. */
export function ssoStartUrl(startUrl: string, next: string): string {
  return next && next !== '/designs' ? `${startUrl}${startUrl.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}` : startUrl;
}
