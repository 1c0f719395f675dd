import type { FastifyPluginAsync } from 'fastify';
import { buildOpenApiDocument, routes } from '@advocacy/sdk/contract';

/** `GET /v1/openapi.json`, generated once from the contract's route table. */
export const openApiRoutes: FastifyPluginAsync<{ version: string }> = async (app, { version }) => {
  const document = buildOpenApiDocument({ version });
  app.get(routes.openapi.path, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(document),
  );
};
