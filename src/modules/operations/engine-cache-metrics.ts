import type { EngineCache } from '../processes/engine/engine-cache';
import type { HubMetrics } from './hub-metrics';

/**
 * The engine cache's counts, read when Prometheus scrapes: the cache counts for itself (the
 * bench reads it too), so the counters move by what it counted since the last scrape.
 */
export function engineCacheMetrics(metrics: HubMetrics, engines: EngineCache): () => void {
  let seen = { hits: 0, misses: 0 };
  return () => {
    const stats = engines.stats();
    metrics.engineCacheHits.inc(stats.hits - seen.hits);
    metrics.engineCacheMisses.inc(stats.misses - seen.misses);
    seen = { hits: stats.hits, misses: stats.misses };
    metrics.engineCacheEngines.set(stats.engines);
    metrics.engineCacheBytes.set(stats.estimatedBytes);
  };
}
