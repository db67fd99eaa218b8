export { documentNames, isDocumentName, type DocumentName } from './document-names.ts';
export { renderDocument, renderDemandPack, type DemandPackInput, type RenderedDocument } from './demand-pack.ts';
export { MissingArtifactError } from './missing-artifact.error.ts';
export { assembleDemandPack, DEMAND_PACK_ENGINE, recordedLetter } from './demand-pack.task.ts';
