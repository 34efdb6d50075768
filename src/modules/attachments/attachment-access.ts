import type { Actor } from '../../shared/service-context';
import { CENTER_STAFF } from '../auth/access';
import { Role } from '../org/role.enum';

/** Who is looking, as the attachment rules need it: the token's kind and customer, the member of staff and their roles. */
export interface Viewer {
  readonly kind: Actor['kind'];
  readonly customerId: string | null;
  readonly staffId: string | null;
  readonly roles: readonly string[];
}

export const viewerOf = (actor: Actor, staff: { id: string; roles: readonly string[] } | null | undefined): Viewer => ({
  kind: actor.kind,
  customerId: actor.customerId,
  staffId: actor.kind === 'staff' ? (staff?.id ?? null) : null,
  roles: actor.kind === 'staff' ? (staff?.roles ?? []) : [],
});

/** Where an attachment is, as far as who may see it goes. */
export interface AttachmentPlace {
  uploadedById: string;
  ticketId: string | null;
  /** the customer of its ticket (null while unattached) */
  ticketCustomerId: string | null;
}

/**
 * Whether the viewer may see a ticket of this customer: the system; staff with a center role
 * (contractors work only through their tasks, access.ts); a customer token its own customer's.
 */
export function maySeeTicketOf(viewer: Viewer, customerId: string): boolean {
  if (viewer.kind === 'system') return true;
  if (viewer.kind === 'customer') return viewer.customerId === customerId;
  return viewer.roles.some((role) => CENTER_STAFF.includes(role));
}

/**
 * An attachment is seen by whoever may see its ticket; an unattached one only by its uploader and
 * administrators. Its uploader keeps seeing it once attached (a contractor's as-built drawing,
 * handed in through a task): they had the bytes anyway.
 */
export function maySeeAttachment(viewer: Viewer, place: AttachmentPlace): boolean {
  if (viewer.kind === 'system') return true;
  if (viewer.kind === 'staff' && (viewer.staffId === place.uploadedById || viewer.roles.includes(Role.ADMIN))) return true;
  return place.ticketCustomerId !== null && maySeeTicketOf(viewer, place.ticketCustomerId);
}
