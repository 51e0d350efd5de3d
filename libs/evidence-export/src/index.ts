export * from './evidence-kind';
export { EVIDENCE_KINDS } from './kinds';
export {
  buildEvidence,
  exportEvidence,
  type Evidence,
  type EvidenceFile,
  type EvidenceRequest,
  type ExportRequest,
} from './export-evidence';
export { GatewayClient, EvidenceSourceError } from './gateway-client';
export { MANIFEST_FILE, verifyExport, type Manifest, type ManifestFile, type ManifestProblem } from './manifest';
