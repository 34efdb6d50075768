# The hub as a container: `docker compose up` runs it with PostgreSQL (compose.yaml).
# Build: the whole toolchain (TypeScript and the other devDependencies), exactly as the lock file says.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json mikro-orm.config.ts ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund

# Run: the build, production dependencies and the diagrams deployed at start; nothing else.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY processes ./processes
# The embedded database (no DATABASE_URL) writes to ./data: the only place the hub writes.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 4000
# Ready: the database answers, migrations are applied and the timer poller runs (/health/ready).
# Node's own fetch: the slim image has no curl. The first start migrates and deploys diagrams.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# As `npm run start:built` runs it; main.ts stops the hub cleanly on SIGTERM (docker stop).
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
