# One image for the API and the worker (docker-compose.yml picks the command).
#   API:    node dist/apps/api/src/main.js      (runs the migrations at start-up; serves the web app at /app/)
#   worker: node dist/apps/worker/src/main.js

# Build: the TypeScript (dist/), then the caseworkers' web app with Vite (dist/web), then only the runtime
# dependencies are kept (Vite is a development dependency: the web app is built before the prune).
FROM node:26-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Sources (see .dockerignore for what stays out)
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev --no-audit --no-fund

FROM node:26-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# The API serves the built web app from here at /app/ (apps/api/src/web/web-app.ts).
ENV WEB_APP_DIR=/app/dist/web
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
