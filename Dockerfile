# One image for every service; docker-compose.yml picks the entry point with SERVICE.

# The portal's static files, built with its development dependencies (Vite), which the image leaves out.
FROM node:20-bookworm-slim AS portal
RUN npm install --global pnpm@12.4.2
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile --filter @xueshi/portal... && pnpm --filter @xueshi/portal build

FROM node:20-bookworm-slim
ENV NODE_ENV=production PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN npm install --global pnpm@12.4.2
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY gateway/package.json gateway/
COPY apps/portal/package.json apps/portal/
COPY packages/domain/package.json packages/domain/
COPY packages/documents/package.json packages/documents/
COPY packages/institutions/package.json packages/institutions/
COPY packages/subgraph-kit/package.json packages/subgraph-kit/
COPY subgraphs/registry/package.json subgraphs/registry/
COPY subgraphs/association/package.json subgraphs/association/
COPY subgraphs/management-college/package.json subgraphs/management-college/
COPY subgraphs/engineers-society/package.json subgraphs/engineers-society/
COPY subgraphs/shu/package.json subgraphs/shu/
COPY subgraphs/sjtu/package.json subgraphs/sjtu/
COPY subgraphs/elective-provider/package.json subgraphs/elective-provider/
COPY tests/package.json tests/
RUN pnpm install --frozen-lockfile --prod
COPY . .
# The gateway serves it at / (apps/portal/dist, as under pnpm start).
COPY --from=portal /app/apps/portal/dist apps/portal/dist
USER node
# SERVICE is gateway or a subgraph name, e.g. subgraphs/sjtu.
ENV SERVICE=gateway
CMD ["sh", "-c", "exec node --import tsx \"$SERVICE/src/index.ts\""]
