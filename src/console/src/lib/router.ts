/** A page drawn into the view; what it returns is called when the user leaves it. */
export type Cleanup = () => void;
export type Page = (view: HTMLElement, params: readonly string[]) => Cleanup | undefined | Promise<Cleanup | undefined>;

export type Routes = Record<string, () => Promise<Page>>;

/** "#/modeler/fault-handling" → ["modeler", "fault-handling"] (each part URI-decoded). */
export function parseHash(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

export const hashOf = (...parts: string[]): string => `#/${parts.map(encodeURIComponent).join('/')}`;

/** Hash routing: the page named by the first part, or `fallback`. */
export function startRouter(view: HTMLElement, routes: Routes, fallback: string, onRoute: (name: string) => void): () => void {
  let cleanup: Cleanup | undefined;
  let generation = 0;
  const show = async () => {
    const [name = fallback, ...params] = parseHash(location.hash);
    const route = routes[name] ? name : fallback;
    const mine = ++generation;
    cleanup?.();
    cleanup = undefined;
    view.replaceChildren();
    view.dataset.page = route;
    delete view.dataset.subscribed;
    onRoute(route);
    const page = await routes[route]();
    if (mine !== generation) return;
    const done = await page(view, route === name ? params : []);
    if (mine === generation) cleanup = done ?? undefined;
    else done?.();
  };
  const listener = () => void show();
  window.addEventListener('hashchange', listener);
  void show();
  return () => window.removeEventListener('hashchange', listener);
}
