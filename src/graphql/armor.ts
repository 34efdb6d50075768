import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on what one operation may ask for. The busiest real screen (a page of 100 tickets with
 * customers, circuits, assignees and the last 5 events) uses depth 7, no aliases and a cost under
 * 1,000; these leave room for consoles while refusing documents built to exhaust the hub.
 */
export const operationLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 5000,
  maxCost: 20000,
} as const;

/** graphql-armor's Apollo plugins and validation rules for those limits. */
export function armorProtection(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: operationLimits.maxDepth },
    maxAliases: { n: operationLimits.maxAliases },
    maxDirectives: { n: operationLimits.maxDirectives },
    // Tokens are limited by graphql's own parser (parseOptions.maxTokens in app.ts): armor's token
    // plugin turns every syntax error into a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: operationLimits.maxCost },
    // Suggestions ("did you mean ...") map the schema for an attacker when introspection is off.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
