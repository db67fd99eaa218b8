export * from './app.ts';
export { openApiDocument } from './openapi.ts';
export * as apiSchemas from './schemas/api.schemas.ts';
