import './styles/console.css';
import { gql, HubError, messageOf, whenUnauthenticated } from './lib/api';
import { signIn, signOut, token, tokenSubject } from './lib/auth';
import { h, must, notice, replace } from './lib/dom';
import { closeLive } from './lib/live';
import { type Routes, startRouter } from './lib/router';

const routes: Routes = {
  tickets: async () => (await import('./pages/tickets/board')).boardPage,
  tasks: async () => (await import('./pages/tasks/queue')).queuePage,
  modeler: async () => (await import('./pages/modeler/modeler')).modelerPage,
  live: async () => (await import('./pages/live/live')).livePage,
  measures: async () => (await import('./pages/measures/measures')).measuresPage,
};

const view = must<HTMLElement>(document, '#view');
const nav = must<HTMLElement>(document, '#nav');
const who = must<HTMLElement>(document, '#who');
const signOutButton = must<HTMLButtonElement>(document, '#sign-out');

/** Any staff token may read its own work queue: that is the check that a token is good here. */
async function checkToken(): Promise<void> {
  await gql<{ tasks: { id: string }[] }>('query SignInCheck { tasks(filter: { mine: true }) { id } }');
}

function showSignIn(reason?: string): void {
  nav.hidden = true;
  signOutButton.hidden = true;
  who.textContent = '';
  const input = h('textarea', { id: 'token', name: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false' });
  const status = h('p', { class: 'notice', role: 'status' });
  if (reason) notice(status, reason, 'error');
  const form = h(
    'form',
    { class: 'sign-in', id: 'sign-in' },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'Paste your bearer token (', h('code', {}, 'npm run token -- --user <code>'), ' prints one for development).'),
    h('label', { for: 'token' }, 'Token'),
    input,
    h('button', { type: 'submit' }, 'Sign in'),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    signIn(input.value);
    checkToken()
      .then(() => start())
      .catch((err: unknown) => {
        signOut();
        const forbidden = err instanceof HubError && err.code === 'FORBIDDEN';
        notice(status, forbidden ? 'This console is for the center’s staff: the token is not a staff token.' : messageOf(err), 'error');
      });
  });
  replace(view, form);
  view.dataset.page = 'sign-in';
}

let stopRouter: (() => void) | null = null;

function start(): void {
  nav.hidden = false;
  signOutButton.hidden = false;
  who.textContent = `signed in as ${tokenSubject() ?? 'unknown'}`;
  stopRouter?.();
  stopRouter = startRouter(view, routes, 'tickets', (name) => {
    for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-route]'))
      link.classList.toggle('active', link.dataset.route === name);
  });
}

signOutButton.addEventListener('click', () => {
  signOut();
  stopRouter?.();
  stopRouter = null;
  void closeLive();
  showSignIn();
});

whenUnauthenticated(() => {
  stopRouter?.();
  stopRouter = null;
  void closeLive();
  showSignIn('The hub no longer takes this token: sign in again.');
});

if (token()) start();
else showSignIn();
