# parkflow API and worker (one image, two commands; see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
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

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The worker bundles workflow code from dist/workflows at start-up.
USER node
CMD ["node", "dist/api/main.js"]
