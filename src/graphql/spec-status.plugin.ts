import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { APPLICATION_JSON, preferredGraphqlType } from './accept';

/**
 * The status codes the GraphQL-over-HTTP spec prefers for a document that fails to parse or
 * validate. Apollo answers 400 whatever the client accepts. The spec says a client that accepts
 * `application/json` (or sends no Accept header: every client written before the spec) gets 200,
 * the errors in the body, since for that media type the status only reports the transport; one
 * that accepts `application/graphql-response+json` gets 400, which Apollo already answers.
 */
export function specStatusPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      let documentFailed = false;
      return {
        async parsingDidStart() {
          return async (error) => {
            if (error) documentFailed = true;
          };
        },
        async validationDidStart() {
          return async (errors) => {
            if (errors?.length) documentFailed = true;
          };
        },
        async willSendResponse({ request, response }) {
          if (!documentFailed || preferredGraphqlType(request.http?.headers.get('accept')) !== APPLICATION_JSON) return;
          response.http.status = 200;
        },
      };
    },
  };
}
