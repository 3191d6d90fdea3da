// The browser's only credentials: the session cookie (HttpOnly, set by the gateway)
// and the CSRF token that /auth/session hands out for it. Nothing is kept in
// localStorage.

export type Session = { user: string; tenant: string | null; csrfToken: string };

export async function loadSession(): Promise<Session | null> {
  const r = await fetch("/auth/session", { credentials: "same-origin" });
  if (r.status === 401) return null;
  if (!r.ok) throw new Error(`session: ${r.status}`);
  return (await r.json()) as Session;
}

export async function signOut(session: Session) {
  await fetch("/auth/logout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "x-csrf-token": session.csrfToken },
  });
  window.location.assign("/signin");
}
