import { token } from '../../lib/auth';
import { h } from '../../lib/dom';
import type { Quarter } from '../../shared/quarters';

/**
 * The printable page wants the bearer token, which a link cannot carry (it stays out of URLs):
 * it is fetched with the token and opened from a blob URL. The window is opened on the click
 * itself, so that no popup blocker stops it, and pointed at the page once it has come.
 */
export async function openPrintable(q: Quarter): Promise<string> {
  const opened = window.open('', '_blank');
  try {
    const res = await fetch(`/reports/quarterly/${q.year}/${q.quarter}`, {
      headers: { authorization: `Bearer ${token() ?? ''}`, accept: 'text/html' },
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
      throw new Error(body?.errors?.[0]?.message ?? `the hub answered ${res.status}`);
    }
    const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html' }));
    setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
    if (opened) opened.location.href = url;
    return url;
  } catch (err) {
    opened?.close();
    throw err;
  }
}

/** A link to the page fetched last, for when the browser kept the window from opening. */
export const printableLink = (url: string): HTMLAnchorElement =>
  h('a', { href: url, target: '_blank', id: 'printable-link' }, 'the printable page');
