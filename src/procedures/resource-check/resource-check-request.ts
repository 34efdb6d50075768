import { badInput } from '../../shared/domain-error';
import { hasNulCharacter, TEXT_LIMITS } from '../../shared/input-checks';
import { CheckedResourceKind, ResourceCheckScope } from './resource-check.enums';

/** Most sites and resources one check may name: a check is one request from sales, not an inventory. */
export const REQUEST_LIMITS = { sites: 50, resources: 100 } as const;

export interface RequestedResource {
  kind: CheckedResourceKind;
  name: string;
  site: string | null;
}

/** What a resource check is asked to check, as its intake keeps it. */
export interface ResourceCheckRequest {
  scope: ResourceCheckScope;
  coverageAsked: boolean;
  sites: string[];
  resources: RequestedResource[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(field, `${field} must be a text that is not blank`);
  if (hasNulCharacter(value)) throw badInput(field, `${field} must not contain the NUL character (\\u0000)`);
  if (value.length > max) throw badInput(field, `${field} must be at most ${max} characters`, { maxLength: max });
  return value.trim();
}

function oneOf<T extends string>(value: unknown, field: string, allowed: Record<string, T>): T {
  const values = Object.values(allowed);
  if (typeof value !== 'string' || !values.includes(value as T)) throw badInput(field, `${field} must be one of ${values.join(', ')}`);
  return value as T;
}

function list(value: unknown, field: string, max: number, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw badInput(field, `Name at least one ${what} to check in ${field}`);
  if (value.length > max) throw badInput(field, `A check names at most ${max} ${what}s; split a larger request`, { maxItems: max });
  return value;
}

/**
 * Reads a check's request from the facts its ticket was opened with (its own mutation, or a
 * caller's `resourceCheck` variable): every problem is BAD_USER_INPUT naming the field, as the
 * request input names it (`resources.0.name`). Texts are kept trimmed.
 */
export function readResourceCheckRequest(facts: Readonly<Record<string, unknown>> | undefined): ResourceCheckRequest {
  if (!isRecord(facts)) {
    throw badInput(
      'resourceCheck',
      'A resource check is opened with requestResourceCheck, which says what to check (resources, sites, scope)',
    );
  }
  const scope = oneOf(facts.scope, 'scope', ResourceCheckScope);
  if (typeof facts.coverageAsked !== 'boolean')
    throw badInput('coverageAsked', 'Say whether signal coverage is to be checked (coverageAsked)');
  const sites: string[] = [];
  list(facts.sites, 'sites', REQUEST_LIMITS.sites, 'site').forEach((site, i) => {
    const name = text(site, `sites.${i}`, TEXT_LIMITS.name);
    if (sites.includes(name)) throw badInput(`sites.${i}`, `sites.${i} repeats sites.${sites.indexOf(name)}`);
    sites.push(name);
  });
  const resources = list(facts.resources, 'resources', REQUEST_LIMITS.resources, 'resource').map((resource, i): RequestedResource => {
    const field = `resources.${i}`;
    if (!isRecord(resource)) throw badInput(field, `${field} must say the resource's kind and name`);
    const site = resource.site === undefined || resource.site === null ? null : text(resource.site, `${field}.site`, TEXT_LIMITS.name);
    if (site !== null && !sites.includes(site)) throw badInput(`${field}.site`, `${field}.site must be one of the sites of the request`);
    return {
      kind: oneOf(resource.kind, `${field}.kind`, CheckedResourceKind),
      name: text(resource.name, `${field}.name`, TEXT_LIMITS.name),
      site,
    };
  });
  return { scope, coverageAsked: facts.coverageAsked, sites, resources };
}
