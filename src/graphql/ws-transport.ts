import {
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import { capAnswer } from './answer-size';
import { bearerOf } from './bearer';
import type { CompiledRun } from './compiled-executor';
import type { AppContext } from './context';
import type { OperationGuard } from './operation-guard';
import { SharedSubscriptions } from './shared-subscriptions';
import type { SharingObserver } from './subscription-group';
import { sharingKeyOf } from './subscription-scope';

export interface WsTransportOptions {
  schema: GraphQLSchema;
  guard: OperationGuard;
  run: CompiledRun;
  authenticate: (authorization: string | undefined) => Promise<AppContext>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** operations one connection may have running at once (subscriptions mostly) */
  maxOperations: number;
  maxAnswerBytes: number;
  /** a socket with more than this waiting unsent gets no more results: it is closed (1013) as a slow consumer */
  maxBufferedBytes: number;
  /** told when a subscription's event stream opens and when an operation ends (the open-subscriptions gauge) */
  subscriptions?: { opened(connection: object, id: string): void; ended(connection: object, id: string): void };
  /** told of shared executions and slow consumers dropped */
  sharing?: SharingObserver;
}

const unobserved: SharingObserver = {
  groupOpened: () => undefined,
  groupClosed: () => undefined,
  executed: () => undefined,
  slowConsumerDropped: () => undefined,
};

type ConnectionParams = Record<string, unknown> | undefined;
const authorizationOf = (ctx: Context<ConnectionParams>) =>
  bearerOf(ctx.connectionParams?.Authorization ?? ctx.connectionParams?.authorization);

/**
 * graphql-ws on `/graphql`, through the same guard as HTTP: the token is checked at
 * connection_init (4403 without a good one) and again for every operation (a role or a user
 * deactivated meanwhile counts); each operation is parsed with the token limit, validated with
 * the same rules, resolved by its `operationName` (never "the first one"), executed by the same
 * compiled runner, and its errors pass the same formatter (masking, no suggestions in production).
 *
 * Subscriptions with the same document, operation, variables and scope share one execution per
 * event (src/graphql/shared-subscriptions.ts); queries and mutations over the socket run alone.
 */
export function serveGraphqlWs(wsServer: WebSocketServer, options: WsTransportOptions) {
  const { schema, guard } = options;
  const format = (error: GraphQLError) => options.formatError(error.toJSON(), error);
  // Errors refused before execution go out as graphql-ws `error` messages, formatted in onError.
  const refuse = (error: unknown): GraphQLError[] => [
    error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error }),
  ];
  const formatResult = (result: ExecutionResult) => (result.errors ? { ...result, errors: result.errors.map(format) } : result);
  const shared = new SharedSubscriptions({
    format: formatResult,
    maxBufferedBytes: options.maxBufferedBytes,
    observer: options.sharing ?? unobserved,
  });
  wsServer.on('connection', (socket) => capAnswer(socket, options.maxAnswerBytes));
  return useServer<ConnectionParams>(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          await options.authenticate(authorizationOf(ctx));
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        // graphql-ws lists the new operation before asking us, so the count includes it.
        if (Object.keys(ctx.subscriptions).length > options.maxOperations) {
          return refuse(
            new GraphQLError(`A connection may run at most ${options.maxOperations} operations at once; complete some first`, {
              extensions: { code: 'TOO_MANY_OPERATIONS', maxOperations: options.maxOperations },
            }),
          );
        }
        try {
          const document = parse(payload.query, { maxTokens: guard.maxTokens });
          const errors = validate(schema, document, guard.rules);
          if (errors.length) return errors.map(guard.codeValidationError);
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) return refuse(guard.unresolvedOperation(payload.operationName));
          const contextValue = await options.authenticate(authorizationOf(ctx));
          const args = { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
          if (operation.operation === 'subscription') {
            shared.admit(args, sharingKeyOf(payload, contextValue), {
              socket: ctx.extra.socket,
              id,
              holds: (stream) => ctx.subscriptions[id] === stream,
            });
          }
          return args;
        } catch (err) {
          return refuse(guard.codeParseError(err));
        }
      },
      execute: (args) => {
        const operation = getOperationAST(args.document, args.operationName);
        return options.run(args.document, args.operationName, operation?.variableDefinitions, args.variableValues, args.contextValue);
      },
      subscribe: (args) => shared.subscribe(args),
      // A subscription's result is its event stream; queries and mutations over the socket answer once.
      onOperation: (ctx, id, _payload, _args, result) => {
        if (Symbol.asyncIterator in result) options.subscriptions?.opened(ctx, id);
      },
      onComplete: (ctx, id) => options.subscriptions?.ended(ctx, id),
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
      // Shared results are formatted and written by their group; this formats what graphql-ws sends itself.
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
    },
    wsServer,
  );
}
