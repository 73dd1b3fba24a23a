# IVM API image: `docker build -t ivm-api .` (docker-compose.yml builds it too).
# Configured by the environment (DESIGN.md, "Configuration"); NODE_ENV=production makes
# JWT_SECRET, PUBLIC_BASE_URL and MESSAGING_PROVIDER required.

# ---- build: compile the API and keep only the production dependencies ----
FROM node:20-bookworm-slim AS build
# better-sqlite3 is a native addon: node-gyp needs python3, make and g++ when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The lock file was written by npm 11, and npm 11 is what honours package.json's `allowScripts`
# (better-sqlite3's install script runs, @scarf/scarf's and @parcel/watcher's do not);
# node:20 ships npm 10, which would run every install script.
ARG NPM_VERSION=11.19.1
RUN npm install -g "npm@${NPM_VERSION}"
WORKDIR /app
# Manifests first, so the dependency layer is reused while only sources change. apps/admin is an
# npm workspace: its package.json must be present or `npm ci` finds the lock out of step.
COPY package.json package-lock.json ./
COPY apps/admin/package.json apps/admin/
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev

# ---- runtime: compiled app, production node_modules, the SANDI stub's demo fixtures ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
# Keeps the workspace link node_modules/@ivm/admin -> apps/admin from dangling.
COPY --from=build --chown=node:node /app/apps/admin/package.json apps/admin/
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/dist dist
# Read at run time: the stub walks up from dist/libs/sandi-adapter/src/stub to find
# libs/sandi-adapter/fixtures/demo-fixtures.json (or set SANDI_FIXTURES to another file).
COPY --from=build --chown=node:node /app/libs/sandi-adapter/fixtures libs/sandi-adapter/fixtures
COPY --from=build --chown=node:node /app/config config
# The embedded mode's SQLite file (DATABASE_URL default sqlite:./data/ivm.sqlite) and generated
# session secret live here; the folder must belong to `node` before it becomes a volume.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
