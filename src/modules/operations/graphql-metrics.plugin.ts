import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentRequest } from '../../shared/request-scope';
import type { OperationLabels } from './operation-labels';

/**
 * Tells the request scope which operation the request ran and whether its answer carried errors;
 * the HTTP middleware observes the request when its answer is sent (see observeGraphqlRequests),
 * so requests Apollo refuses before this plugin runs (a bad token, a body that is not JSON)
 * are counted too.
 */
export function graphqlMetricsPlugin(labels: OperationLabels): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const scope = currentRequest();
      if (!scope) return;
      return {
        // Reached only once the document parsed and validated: names of broken documents are never labels.
        async didResolveOperation({ operation, operationName }) {
          // No operation picked (several, none named): left unknown, its name may be anything.
          if (operation) scope.operation = { name: labels.labelOf(operationName), type: operation.operation };
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          scope.outcome = errors?.length ? 'error' : 'ok';
        },
      };
    },
  };
}
