import { Router } from 'express';
import { conflict, notFound } from '@themis/domain';
import { documentNames, isDocumentName, MissingArtifactError, renderDocument } from '@themis/documents';
import type { PlanService } from '@themis/projections';
import { planIdOf } from './plans.routes.ts';

/** The demand pack's documents, rendered from the plan's recorded artifacts (nothing runs again). */
export function documentRoutes(service: PlanService): Router {
  const router = Router();

  router.get('/v1/plans/:id/documents', async (req, res) => {
    const { view } = await service.getArtifacts(planIdOf(req));
    res.json({
      planId: view.id,
      status: view.status,
      documents: documentNames.map((name) => ({ name, href: `/v1/plans/${view.id}/documents/${name}` })),
    });
  });

  router.get('/v1/plans/:id/documents/:name', async (req, res) => {
    const { view, artifacts } = await service.getArtifacts(planIdOf(req));
    const name = String(req.params['name']);
    if (!isDocumentName(name)) throw notFound('document_not_found', `no document "${name}"; the pack has ${documentNames.join(', ')}`);
    try {
      // A plan whose assembly step recorded the letter is rendered from it; the date only matters for older plans.
      const letterDate = (view.settledAt ?? view.createdAt).slice(0, 10);
      const document = await renderDocument(name, { planId: view.id, matter: view.matter, artifacts, letterDate });
      res.status(200).type(document.contentType).setHeader('Content-Disposition', `inline; filename="${document.name}"`).send(document.body);
    } catch (error) {
      if (error instanceof MissingArtifactError) {
        throw conflict('document_unavailable', `${error.message} (plan status: ${view.status})`, { planStatus: view.status });
      }
      throw error;
    }
  });

  return router;
}
