import { LRUCache } from 'lru-cache';
import type { LiveEngine } from './run-step';

export interface EngineCacheOptions {
  /** engines kept at most (0: none, every step recovers its engine from the database) */
  maxEngines: number;
  /** estimated bytes of memory they may take at most */
  maxBytes: number;
}

/**
 * Heap a settled engine holds per element of its diagram, running or not: bpmn-elements gives
 * every element a message broker with its exchanges, queues and consumers. Measured with heap
 * snapshots: 2.4 MB for fault-handling's 32 elements (flow nodes), 4.0 MB for
 * handover-acceptance's 54, about 75 KB an element; rounded up.
 */
export const HEAP_BYTES_PER_ELEMENT = 80_000;

/** What a kept engine is estimated to hold, from the number of elements of its diagram. */
export const estimatedEngineBytes = (elements: number) => Math.max(1, elements) * HEAP_BYTES_PER_ELEMENT;

interface Entry {
  /** the instance row's lock_version the engine matches */
  version: number;
  definitionId: string;
  live: LiveEngine;
  bytes: number;
}

export interface EngineCacheStats {
  hits: number;
  misses: number;
  engines: number;
  estimatedBytes: number;
}

/**
 * Settled engines of waiting instances, kept so that an instance's next step resumes its engine
 * instead of recovering it from the saved state, most of a step's cost. The database stays the
 * truth: every step still writes everything, and an engine is used only for the version of the
 * row it was left at. Taking an engine removes it, so a step that fails, or whose transaction
 * rolls back, leaves nothing behind; the step keeps its new engine only once its transaction has
 * committed (`keep`, called after commit). Another hub's step raises the row's version, so this
 * hub's engine no longer matches and is dropped at its next take.
 */
export class EngineCache {
  private readonly engines: LRUCache<string, Entry> | null;
  private hits = 0;
  private misses = 0;

  constructor(options: EngineCacheOptions) {
    this.engines =
      options.maxEngines > 0 && options.maxBytes > 0
        ? new LRUCache<string, Entry>({
            max: options.maxEngines,
            maxSize: options.maxBytes,
            sizeCalculation: (entry) => entry.bytes,
          })
        : null;
  }

  get enabled(): boolean {
    return this.engines !== null;
  }

  /** The engine left at exactly this version of the row, removed from the cache; null (and dropped) otherwise. */
  take(instanceId: string, version: number, definitionId: string): LiveEngine | null {
    if (!this.engines) return null;
    const entry = this.engines.get(instanceId);
    if (entry) this.engines.delete(instanceId);
    if (entry && entry.version === version && entry.definitionId === definitionId) {
      this.hits++;
      return entry.live;
    }
    this.misses++;
    return null;
  }

  /**
   * Keeps the engine a committed step left at `version`. Commits of two steps of one instance can
   * report in either order: an engine older than the one kept is not kept. `bytes` is its
   * estimated size (`estimatedEngineBytes`); one larger than the whole cache is not kept.
   */
  keep(instanceId: string, version: number, definitionId: string, live: LiveEngine, bytes: number): void {
    if (!this.engines) return;
    const kept = this.engines.peek(instanceId);
    if (kept && kept.version >= version) return;
    this.engines.set(instanceId, { version, definitionId, live, bytes });
  }

  /** Forgets an instance that will not step again (cancelled). */
  forget(instanceId: string): void {
    this.engines?.delete(instanceId);
  }

  stats(): EngineCacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      engines: this.engines?.size ?? 0,
      estimatedBytes: this.engines?.calculatedSize ?? 0,
    };
  }
}
