import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';
import type { Logger } from '../shared/logger';

/**
 * MikroORM's log lines as JSON through the hub's logger rather than coloured text on stdout.
 * Statements are logged as sent, with placeholders: values (customer names, tokens' subjects)
 * stay out of the log unless MikroORM's `query-params` namespace is switched on. The request id
 * comes with every line from the logger's mixin, so a slow statement names its request.
 */
export class SqlLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly sink: Logger,
  ) {
    super(options);
  }

  override log(namespace: LoggerNamespace, message: string, context?: LogContext): void {
    if (!this.isEnabled(namespace, context)) return;
    const fields = { namespace, label: context?.label };
    const text = message.replace(/\s+/g, ' ').trim();
    if (context?.level === 'error') this.sink.error(fields, text);
    else if (context?.level === 'warning') this.sink.warn(fields, text);
    else this.sink.info(fields, text);
  }

  override logQuery(context: { query: string } & LogContext): void {
    if (!this.isEnabled('query', context)) return;
    const fields = { sql: context.query, tookMs: context.took, rows: context.results, affected: context.affected };
    if (context.level === 'error') this.sink.warn(fields, 'sql failed');
    else this.sink.info(fields, 'sql');
  }
}
