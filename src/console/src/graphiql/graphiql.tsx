import 'graphiql/style.css';
import 'graphiql/setup-workers/vite';
import '../styles/ide.css';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import { token } from '../lib/auth';
import { hubFetcher } from './fetcher';

const DEFAULT_QUERY = `# The hub's GraphQL IDE, bundled with the hub (nothing loads from elsewhere).
# Requests carry the console's signed-in token, or the Authorization header set below.
query OpenTickets {
  tickets(first: 10, filter: { statuses: [acknowledged, inProgress] }) {
    totalCount
    edges { node { number title status resolutionDueAt customer { name } } }
  }
}
`;

const root = document.getElementById('graphiql');
if (root) {
  root.textContent = '';
  createRoot(root).render(
    <GraphiQL
      fetcher={hubFetcher()}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={token() ? '' : '{\n  "Authorization": "Bearer <npm run token --silent -- --user admin>"\n}'}
      shouldPersistHeaders={false}
    />,
  );
}
