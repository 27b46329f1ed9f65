# parkflow API and worker (one image, two commands; see docker-compose.yml). The API serves the officers' console
# (console/dist, built here by Vite) at / on its own origin, as under `npm run dev` and `npm run cluster`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# The console is a package of its own (console/package.json, its own lock); its dependencies never reach the runtime.
COPY console/package.json console/package-lock.json ./console/
RUN npm ci --prefix console --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY types ./types
COPY config ./config
COPY i18n ./i18n
COPY workflows ./workflows
COPY activities ./activities
COPY api ./api
COPY worker ./worker
COPY persistence ./persistence
COPY scripts ./scripts
RUN npm run build
# The console imports the catalogues (i18n/) and the workflow definitions copied above.
COPY console/index.html console/vite.config.mts console/tsconfig.json ./console/
COPY console/src ./console/src
RUN npm --prefix console run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Where the API looks for the console's page and files (api/console/console-files.ts: <project root>/console/dist).
COPY --from=build /app/console/dist ./console/dist
# The worker bundles workflow code from dist/workflows at start-up.
USER node
CMD ["node", "dist/api/main.js"]
