/**
 * The signed-in user's bearer token, kept for this tab only (sessionStorage): never in a URL,
 * never in a cookie, gone when the tab closes.
 */
const KEY = 'kexiang.console.token';

export const token = (): string | null => sessionStorage.getItem(KEY);

export function signIn(value: string): void {
  sessionStorage.setItem(KEY, value.trim().replace(/^Bearer\s+/i, ''));
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

/** Who the token names, read from its payload for display only (the hub checks the signature). */
export function tokenSubject(value: string | null = token()): string | null {
  const payload = value?.split('.')[1];
  if (!payload) return null;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return json && typeof json === 'object' && 'sub' in json && typeof json.sub === 'string' ? json.sub : null;
  } catch {
    return null;
  }
}
